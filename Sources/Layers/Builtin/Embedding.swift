// Embedding: token ids to vectors, as Keras's `Embedding` (with `mask_zero`).
import Tensors

/// `Embedding(vocabularySize:embeddingSize:maskZero:)`: ids `(batch, time)` → `(batch, time, size)`.
/// Weight: embeddings `(vocabularySize, embeddingSize)`, uniform in [-0.05, 0.05], drawn row by
/// row as ids are looked up while that is cheaper than drawing the whole table (the numbers are
/// the same either way; reading `weights` draws it whole).
/// Ids are int32, or float32 holding whole numbers (as Keras casts them). With `maskZero`, the
/// output carries the mask `ids != 0`; on symbolic input Keras 3 records that comparison as its
/// own `not_equal (NotEqual)` node, and so do we.
public final class Embedding: Layer {
    public let vocabularySize: Int
    public let embeddingSize: Int
    public let maskZero: Bool

    public init(vocabularySize: Int, embeddingSize: Int, maskZero: Bool = false,
                session: LayerSession, name: String? = nil) throws {
        guard vocabularySize > 0, embeddingSize > 0 else {
            throw layerError("Embedding: vocabularySize and embeddingSize must be positive, got \(vocabularySize) and \(embeddingSize)")
        }
        self.vocabularySize = vocabularySize
        self.embeddingSize = embeddingSize
        self.maskZero = maskZero
        super.init(session: session, baseName: "embedding", className: "Embedding", name: name)
    }

    /// Rows looked up while the table was still deferred (see `forward`).
    private var rowsDrawn = 0

    public override var weightNames: [String] { ["embeddings"] }

    public override func build(_ inputShapes: [TensorShape]) throws {
        try addDeferredUniformWeight([vocabularySize, embeddingSize], -0.05, 0.05)
    }

    public override func outputSpecs(_ inputs: [Tensor], states: [Tensor]) throws -> [(TensorShape, DType)] {
        guard inputs.count == 1 else { throw layerError("\(name): Embedding takes one input, got \(inputs.count)") }
        return [(TensorShape(inputs[0].shape.dimensions + [embeddingSize]), .float32)]
    }

    public override func outputMasks(_ inputs: [Tensor], masks: [Tensor?], outputCount: Int) throws -> [Tensor?] {
        guard maskZero else { return [nil] }
        let ids = inputs[0]
        if ids.isSymbolic {
            return [recordOperation("not_equal", className: "NotEqual", inputs: [ids],
                                    output: (ids.shape, .int32), session: session,
                                    compute: { try Embedding.nonzero($0[0]) })]
        }
        return [try Embedding.nonzero(ids)]
    }

    /// The mask `ids != 0` as int32 0/1 of the ids' shape.
    static func nonzero(_ ids: Tensor) throws -> Tensor {
        try Tensor(shape: dims(ids), int32Scalars: ids.scalars.map { $0 != 0 ? 1 : 0 })
    }

    public override func forward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor]) throws -> [Tensor] {
        try checkAllocation(dims(inputs[0]) + [embeddingSize], layer: name)
        let ids = try tokenIds(inputs[0])
        var out = [Float](repeating: 0, count: ids.count * embeddingSize)
        // While the lookups so far, with these, draw fewer rows than the table has, each row is
        // drawn as it is looked up; then the table is drawn whole, once. So a lookup never costs
        // more than twice drawing the table up front, and a few ids cost a few rows.
        if let table = deferred[0], rowsDrawn + ids.count < vocabularySize {
            rowsDrawn += ids.count
            out.withUnsafeMutableBufferPointer { o in
                for (i, id) in ids.enumerated() { table.draw(row: id, into: o.baseAddress! + i * embeddingSize) }
            }
        } else {
            let table = parameter(0)
            for (i, id) in ids.enumerated() {
                let src = id * embeddingSize
                for j in 0..<embeddingSize { out[i * embeddingSize + j] = table[src + j] }
            }
        }
        return [try tensor(dims(inputs[0]) + [embeddingSize], out)]
    }

    /// The lookup as a gather of the watched table: its gradient is the sum of the output's
    /// gradients at each id's row (zero rows for ids not looked up). The mask carries no gradient.
    public override func trainingForward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor],
                                         weights: [Tensor]) throws -> [Tensor] {
        let ids = try tokenIds(inputs[0]).map { Int32($0) }
        return [try weights[0].gatheringRows(Tensor(shape: dims(inputs[0]), int32Scalars: ids))]
    }

    /// The ids as row indices, checking each is a whole number inside the vocabulary.
    private func tokenIds(_ x: Tensor) throws -> [Int] {
        if x.dtype == .int32 {
            return try x.int32Scalars.map { id in
                guard id >= 0, Int(id) < vocabularySize else {
                    throw layerError("\(name): id \(id) is outside the vocabulary (0..<\(vocabularySize))")
                }
                return Int(id)
            }
        }
        return try x.scalars.map { value in
            guard value.rounded() == value else {
                throw layerError("\(name): id \(value) is not a whole number; Embedding takes token ids")
            }
            guard value >= 0, value < Float(vocabularySize) else {
                throw layerError("\(name): id \(Int(value)) is outside the vocabulary (0..<\(vocabularySize))")
            }
            return Int(value)
        }
    }

    /// `embedding(ids)`: vectors for the ids, carrying the mask with `maskZero`.
    public func callAsFunction(_ ids: Tensor) throws -> Tensor { try apply([ids])[0] }
}
