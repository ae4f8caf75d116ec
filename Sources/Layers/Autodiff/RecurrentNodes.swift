// Recurrent layers on the tape: each call is ONE node whose forward is the layer's fused training
// pass (RecurrentTraining.swift keeps the trace) and whose pullback is its backward through time,
// not thousands of recorded step-sized operations.
import Tensors

/// The outputs of `layer` on `inputs[0]` with `states` while gradients are taken, recorded as one
/// node over the input, the initial states and the (watched) weights.
func recordedRecurrentCall(_ layer: any RecurrentTraining, _ inputs: [Tensor], masks: [Tensor?], states: [Tensor],
                           weights: [Tensor]) throws -> [Tensor] {
    var x = inputs[0]
    x.origin = nil
    let (outputs, trace) = try layer.trainingForward(x, mask: masks.first ?? nil, initialStates: states, training: true,
                                                     generator: &layer.session.random)
    let sources = [inputs[0]] + states + weights
    guard sources.contains(where: GradientTape.isTracked) else { return outputs }
    return GradientTape.record(outputs: outputs, inputs: sources) { outputGradients in
        let g = try layer.backward(trace, outputGradients: outputGradients)
        let stateGradients: [Tensor?] = states.isEmpty ? [] : g.initialStates
        return [g.input] + stateGradients + g.weights
    }
}
