// The metrics `compile(metrics:)` takes, with Keras 3's per-sample values and running means.
import Tensors

/// `.accuracy` (binary, sparse categorical or categorical, chosen from the shapes of the targets
/// and predictions as Keras chooses), `.binaryAccuracy` (threshold 0.5, or `(threshold:)`),
/// `.sparseCategoricalAccuracy`, `.categoricalAccuracy`.
public struct Metric: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case accuracy
        case binaryAccuracy = "binary_accuracy"
        case sparseCategoricalAccuracy = "sparse_categorical_accuracy"
        case categoricalAccuracy = "categorical_accuracy"
    }

    public let kind: Kind
    public let threshold: Float

    public init(_ kind: Kind, threshold: Float = 0.5) {
        self.kind = kind
        self.threshold = threshold
    }

    public static let accuracy = Metric(.accuracy)
    public static let binaryAccuracy = Metric(.binaryAccuracy)
    public static let sparseCategoricalAccuracy = Metric(.sparseCategoricalAccuracy)
    public static let categoricalAccuracy = Metric(.categoricalAccuracy)
    public static func binaryAccuracy(threshold: Float) -> Metric { Metric(.binaryAccuracy, threshold: threshold) }

    /// The name in logs and `History` (Keras: the string given to compile, or the metric's name).
    public var name: String { kind.rawValue }
    public var description: String { name }

    /// What `.accuracy` means for these shapes (Keras's `is_binary_or_sparse_categorical`):
    /// binary when the predictions' last axis is 1, sparse categorical when the targets have a
    /// lower rank or a last axis of 1 against several classes, categorical otherwise.
    public func resolved(expected: TensorShape, predicted: TensorShape) -> Kind {
        guard kind == .accuracy else { return kind }
        let pLast = predicted.dimensions.last ?? nil, yLast = expected.dimensions.last ?? nil
        if pLast == 1 { return .binaryAccuracy }
        if expected.rank < predicted.rank || (yLast == 1 && (pLast ?? 0) > 1) { return .sparseCategoricalAccuracy }
        return .categoricalAccuracy
    }

    /// One value per sample entry (1 for a match, 0 otherwise) and the shape of those entries.
    func values(predicted p: Tensor, expected y: Tensor) throws -> (values: [Float], shape: [Int]) {
        guard !p.isSymbolic, !y.isSymbolic else { throw layerError("\(name): needs concrete tensors") }
        let pShape = dims(p), yShape = dims(y)
        switch resolved(expected: y.shape, predicted: p.shape) {
        case .binaryAccuracy, .accuracy:
            // squeeze_or_expand_to_same_rank, then elementwise.
            let input = try LossInputs(dense: name, predicted: p, expected: y)
            let v = zip(input.predicted, input.expected).map { ($0 > threshold ? 1 : 0) == $1 ? Float(1) : 0 }
            return (v, input.sampleShape + [input.width])
        case .sparseCategoricalAccuracy:
            var labelShape = yShape
            if yShape.count == pShape.count, yShape.last == 1 { labelShape.removeLast() }
            guard let classes = pShape.last, labelShape == Array(pShape.dropLast()) else {
                throw layerError("\(name): labels have shape \(y.shape), predictions \(p.shape); labels need the "
                    + "predictions' shape without its last axis")
            }
            let labels = y.scalars, scores = p.scalars
            let v = labels.indices.map { i in Float(argmax(scores, i * classes, classes)) == labels[i] ? Float(1) : 0 }
            return (v, labelShape)
        case .categoricalAccuracy:
            guard pShape == yShape, let classes = pShape.last else {
                throw layerError("\(name): expected has shape \(y.shape), predicted \(p.shape); they must be the same shape")
            }
            let a = y.scalars, b = p.scalars
            let rows = a.count / Swift.max(classes, 1)
            let v = (0..<rows).map { r in argmax(a, r * classes, classes) == argmax(b, r * classes, classes) ? Float(1) : 0 }
            return (v, Array(pShape.dropLast()))
        }
    }
}

/// The first index of the largest of `count` values from `start` (NumPy's and TensorFlow's argmax).
private func argmax(_ x: [Float], _ start: Int, _ count: Int) -> Int {
    var best = 0
    for j in 1..<Swift.max(count, 1) where x[start + j] > x[start + best] { best = j }
    return best
}

/// Keras's `Mean` metric in float32: `total` and `count` over the batches of an epoch. Values
/// are first averaged per sample (over every axis after the batch axis), as Keras does.
public struct RunningMean: Sendable {
    public private(set) var total: Float = 0
    public private(set) var count: Float = 0

    public init() {}

    /// Adds one batch: `values` of `shape` (batch first), weighted per entry by `weights`.
    mutating func add(_ values: [Float], shape: [Int], weights: [Float]? = nil) {
        let batch = shape.first ?? 1
        let perSample = batch > 0 ? values.count / batch : 0
        guard perSample > 0 else { return }
        var batchTotal: Float = 0, batchCount: Float = 0
        for b in 0..<batch {
            let range = b * perSample..<(b + 1) * perSample
            if let weights {
                batchTotal += range.reduce(Float(0)) { $0 + values[$1] * weights[$1] } / Float(perSample)
                batchCount += range.reduce(Float(0)) { $0 + weights[$1] } / Float(perSample)
            } else {
                batchTotal += range.reduce(Float(0)) { $0 + values[$1] } / Float(perSample)
            }
        }
        total += batchTotal
        count += weights == nil ? Float(batch) : batchCount
    }

    /// Adds one value counted `weight` times (the loss of a batch of `weight` samples).
    mutating func add(_ value: Float, weight: Float) {
        total += value * weight
        count += weight
    }

    /// total / count (0 before anything was added, as Keras's divide_no_nan).
    public var result: Float { count == 0 ? 0 : total / count }
}
