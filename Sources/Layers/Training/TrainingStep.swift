// What `fit`, `evaluate` and `predict` need from a model, so that the loop stays independent of
// how gradients are computed (the interpreter's tape, a fused kernel, a hand-written backward).
import Tensors

/// One model's training and inference on a batch.
public struct TrainingStep {
    /// The weights the optimizer updates, in the order of the gradients `train` returns (asked
    /// after `train`: a model that was never called is built by its first batch, as in Keras).
    public var weights: [WeightSlot] { slots() }
    private let slots: () -> [WeightSlot]
    /// Runs the model on a batch in training mode (dropout active) and returns the predictions
    /// and d(loss)/d(weight) for every entry of `weights`. `lossGradient` gives d(loss)/d(predictions)
    /// for the predictions (the loop computes the compiled loss there, and keeps its value).
    /// With a tape: run the model, call `lossGradient` on the detached predictions, and
    /// differentiate `(predictions * thatGradient).sum()`: its weight gradients are the loss's.
    public var train: (_ inputs: [Tensor], _ lossGradient: (Tensor) throws -> Tensor) throws
        -> (predictions: Tensor, gradients: [Tensor])
    /// Runs the model on a batch for inference.
    public var predict: ([Tensor]) throws -> Tensor

    public init(weights: @autoclosure @escaping () -> [WeightSlot],
                train: @escaping (_ inputs: [Tensor], _ lossGradient: (Tensor) throws -> Tensor) throws
                    -> (predictions: Tensor, gradients: [Tensor]),
                predict: @escaping ([Tensor]) throws -> Tensor) {
        self.slots = weights
        self.train = train
        self.predict = predict
    }

    /// A step from a forward pass that returns the predictions and a pullback from
    /// d(loss)/d(predictions) to the weights' gradients (a hand-written backward, a fused kernel).
    public init(weights: @autoclosure @escaping () -> [WeightSlot],
                forward: @escaping ([Tensor]) throws -> (predictions: Tensor, pullback: (Tensor) throws -> [Tensor]),
                predict: @escaping ([Tensor]) throws -> Tensor) {
        self.init(weights: weights(), train: { inputs, lossGradient in
            let (predictions, pullback) = try forward(inputs)
            return (predictions, try pullback(try lossGradient(predictions)))
        }, predict: predict)
    }
}

/// What `model.compile(optimizer:loss:metrics:)` keeps on the model.
public final class Compilation {
    public let optimizer: Optimizer
    public let loss: Loss
    public let metrics: [Metric]

    public init(optimizer: Optimizer, loss: Loss, metrics: [Metric] = []) {
        self.optimizer = optimizer
        self.loss = loss
        self.metrics = metrics
    }

    /// `loss`, then the metrics' names, in compile order (Keras's `evaluate` order).
    public var resultNames: [String] { ["loss"] + metrics.map(\.name) }
}

/// The models `compile` applies to.
public protocol Compilable: AnyObject {
    var compilation: Compilation? { get set }
    var name: String { get }
}

extension Compilable {
    /// Keras's `compile`: the optimizer, loss and metrics that `fit` and `evaluate` use.
    public func compile(optimizer: Optimizer, loss: Loss, metrics: [Metric] = []) {
        compilation = Compilation(optimizer: optimizer, loss: loss, metrics: metrics)
    }

    /// The compilation, or the error `fit`/`evaluate` give on a model never compiled.
    public func requireCompilation(_ caller: String) throws -> Compilation {
        guard let compilation else {
            throw layerError("\(name).\(caller): the model is not compiled; call "
                + "\(name).compile(optimizer:loss:metrics:) first, e.g. compile(optimizer: Adam(), loss: .binaryCrossentropy, metrics: [.accuracy])")
        }
        return compilation
    }
}

extension Model: Compilable {}
extension Sequential: Compilable {}
