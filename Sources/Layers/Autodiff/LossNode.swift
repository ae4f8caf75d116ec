// A loss on the tape: one node whose pullback is the loss's own analytic gradient (Training/),
// so `valueWithGradient { binaryCrossentropy(predicted: model(x), expected: y) }` differentiates.
import Tensors

/// `loss` of `predicted` against `expected` (a rank-0 tensor); recorded as one node when
/// `predicted` is tracked by a tape. Labels and masks carry no gradient.
public func recordedLoss(_ loss: Loss, predicted: Tensor, expected: Tensor, mask: Tensor? = nil) throws -> Tensor {
    guard GradientTape.isTracked(predicted) else {
        return try loss.value(predicted: predicted, expected: expected, mask: mask)
    }
    let (value, gradient) = try loss.valueWithGradient(predicted: GradientTape.detached(predicted), expected: expected, mask: mask)
    return GradientTape.record(outputs: [value], inputs: [predicted]) { g in [try gradient * g[0]!] }[0]
}

/// A `TrainingStep` (what `fit` runs) for a model: the forward pass under a tape in the training
/// phase, its pullback giving the gradients of `trainableSlots(of: model)` in order.
public func trainingStep(for model: GraphOperation, session: LayerSession,
                         run: @escaping ([Tensor]) throws -> Tensor) -> TrainingStep {
    // The weights are looked up after the forward pass, which builds a model never called before.
    TrainingStep(weights: trainableSlots(of: model), forward: { inputs in
        let (predictions, pullback) = try differentiableForward(session: session) { try run(inputs) }
        return (predictions, { lossGradient in
            let slots = trainableSlots(of: model)
            let gradients = try pullback(lossGradient).weights(of: trainableLayers(of: [model]))
            guard gradients.count == slots.count else {
                throw layerError("\(model.name): \(gradients.count) gradients for \(slots.count) trainable weights")  // our own bug
            }
            return gradients
        })
    }, predict: run)
}
