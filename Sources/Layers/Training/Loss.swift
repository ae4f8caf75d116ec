// The losses a notebook trains with, as values (`compile(loss: .binaryCrossentropy)`) and as
// functions (`binaryCrossentropy(predicted:expected:)`). Each gives its value and its gradient
// with respect to the predictions; the formulas sit in one file per loss.
import Tensors

/// A Keras loss: `.binaryCrossentropy`, `.categoricalCrossentropy`, `.sparseCategoricalCrossentropy`
/// (each also `(fromLogits: true)`), `.meanSquaredError`. The value is Keras 3's: per-sample
/// losses (over the last axis), weighted by `mask` (0/1 per sample position, as Keras's
/// `sample_weight`), summed and divided by the number of positions (all of them, as Keras does
/// with sample weights: masked positions add 0 but still count).
public struct Loss: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case binaryCrossentropy = "binary_crossentropy"
        case categoricalCrossentropy = "categorical_crossentropy"
        case sparseCategoricalCrossentropy = "sparse_categorical_crossentropy"
        case meanSquaredError = "mean_squared_error"
    }

    public let kind: Kind
    /// The predictions are logits (before sigmoid or softmax), not probabilities.
    public let fromLogits: Bool

    public init(_ kind: Kind, fromLogits: Bool = false) {
        self.kind = kind
        self.fromLogits = kind == .meanSquaredError ? false : fromLogits
    }

    public static let binaryCrossentropy = Loss(.binaryCrossentropy)
    public static let categoricalCrossentropy = Loss(.categoricalCrossentropy)
    public static let sparseCategoricalCrossentropy = Loss(.sparseCategoricalCrossentropy)
    public static let meanSquaredError = Loss(.meanSquaredError)
    public static func binaryCrossentropy(fromLogits: Bool) -> Loss { Loss(.binaryCrossentropy, fromLogits: fromLogits) }
    public static func categoricalCrossentropy(fromLogits: Bool) -> Loss { Loss(.categoricalCrossentropy, fromLogits: fromLogits) }
    public static func sparseCategoricalCrossentropy(fromLogits: Bool) -> Loss {
        Loss(.sparseCategoricalCrossentropy, fromLogits: fromLogits)
    }

    /// Keras's name (the key of the loss in logs is always `loss`).
    public var name: String { kind.rawValue }
    public var description: String { fromLogits ? "\(name) (from logits)" : name }

    /// The loss, a rank-0 float32 tensor.
    public func value(predicted: Tensor, expected: Tensor, mask: Tensor? = nil) throws -> Tensor {
        try evaluate(predicted: predicted, expected: expected, mask: mask, normalization: .allEntries, gradient: false).value
    }

    /// The loss and its gradient with respect to `predicted` (of `predicted`'s shape).
    public func valueWithGradient(predicted: Tensor, expected: Tensor, mask: Tensor? = nil) throws -> (value: Tensor, gradient: Tensor) {
        let r = try evaluate(predicted: predicted, expected: expected, mask: mask, normalization: .allEntries, gradient: true)
        return (r.value, r.gradient!)
    }

    /// `normalization: .unmaskedEntries` divides by the unmasked positions (Keras's treatment of
    /// a mask the predictions carry, used by `fit`).
    func evaluate(predicted: Tensor, expected: Tensor, mask: Tensor?, normalization: LossNormalization,
                  gradient: Bool) throws -> (value: Tensor, gradient: Tensor?) {
        let function = functionName
        let input = kind == .sparseCategoricalCrossentropy
            ? try LossInputs(sparse: function, predicted: predicted, labels: expected)
            : try LossInputs(dense: function, predicted: predicted, expected: expected)
        let reduction = try LossReduction(function, mask: mask, sampleShape: input.sampleShape, normalization: normalization)
        // The crossentropies from logits need each row's logsumexp, in the value and the gradient.
        let lse = fromLogits && kind != .binaryCrossentropy ? rowLogSumExps(input) : []
        let losses: [Float]
        switch kind {
        case .binaryCrossentropy: losses = BinaryCrossentropy.forward(input, fromLogits: fromLogits)
        case .categoricalCrossentropy: losses = CategoricalCrossentropy.forward(input, fromLogits: fromLogits, lse: lse)
        case .sparseCategoricalCrossentropy: losses = SparseCategoricalCrossentropy.forward(input, fromLogits: fromLogits, lse: lse)
        case .meanSquaredError: losses = MeanSquaredError.forward(input)
        }
        let value = try reduction.value(losses)
        guard gradient else { return (value, nil) }
        let d = reduction.sampleGradients
        let g: [Float]
        switch kind {
        case .binaryCrossentropy: g = BinaryCrossentropy.backward(input, fromLogits: fromLogits, sampleGradients: d)
        case .categoricalCrossentropy: g = CategoricalCrossentropy.backward(input, fromLogits: fromLogits, lse: lse, sampleGradients: d)
        case .sparseCategoricalCrossentropy:
            g = SparseCategoricalCrossentropy.backward(input, fromLogits: fromLogits, lse: lse, sampleGradients: d)
        case .meanSquaredError: g = MeanSquaredError.backward(input, sampleGradients: d)
        }
        return (value, try Tensor(shape: dims(predicted), scalars: g))
    }

    /// The function's name in error messages (`binaryCrossentropy`).
    var functionName: String {
        switch kind {
        case .binaryCrossentropy: return "binaryCrossentropy"
        case .categoricalCrossentropy: return "categoricalCrossentropy"
        case .sparseCategoricalCrossentropy: return "sparseCategoricalCrossentropy"
        case .meanSquaredError: return "meanSquaredError"
        }
    }
}

// MARK: The losses as functions (Swift for TensorFlow's names)

/// Binary crossentropy of probabilities (or logits) against 0/1 targets of the same shape.
public func binaryCrossentropy(predicted: Tensor, expected: Tensor, mask: Tensor? = nil, fromLogits: Bool = false) throws -> Tensor {
    try Loss(.binaryCrossentropy, fromLogits: fromLogits).value(predicted: predicted, expected: expected, mask: mask)
}

/// Categorical crossentropy of probabilities (or logits) against target distributions.
public func categoricalCrossentropy(predicted: Tensor, expected: Tensor, mask: Tensor? = nil, fromLogits: Bool = false) throws -> Tensor {
    try Loss(.categoricalCrossentropy, fromLogits: fromLogits).value(predicted: predicted, expected: expected, mask: mask)
}

/// Sparse categorical crossentropy of logits `(batch, ..., classes)` against class ids `(batch, ...)`.
public func sparseCategoricalCrossentropy(logits: Tensor, labels: Tensor, mask: Tensor? = nil) throws -> Tensor {
    try Loss(.sparseCategoricalCrossentropy, fromLogits: true).value(predicted: logits, expected: labels, mask: mask)
}

/// Sparse categorical crossentropy of probabilities `(batch, ..., classes)` against class ids.
public func sparseCategoricalCrossentropy(probabilities: Tensor, labels: Tensor, mask: Tensor? = nil) throws -> Tensor {
    try Loss(.sparseCategoricalCrossentropy).value(predicted: probabilities, expected: labels, mask: mask)
}

/// Mean squared error over the last axis, then over the samples.
public func meanSquaredError(predicted: Tensor, expected: Tensor, mask: Tensor? = nil) throws -> Tensor {
    try Loss(.meanSquaredError).value(predicted: predicted, expected: expected, mask: mask)
}
