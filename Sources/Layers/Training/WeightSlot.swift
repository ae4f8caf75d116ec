// Where each trainable weight lives and its Keras name (`variable.path`), in Keras's
// `trainable_weights` order: what optimizers update and what saveWeights writes.
import Tensors

/// One weight of a built-in layer: the layer, its index among the layer's weights, and Keras's
/// path for it (`dense/kernel`, `bidirectional/forward_lstm/lstm_cell/recurrent_kernel`).
public struct WeightSlot {
    public let layer: Layer
    public let index: Int
    public let path: String

    public var key: WeightKey { WeightKey(owner: layer, index: index) }
    public var shape: [Int] { layer.parameterShapes[index] }

    /// The weight's elements, row-major (drawn now if the layer deferred them).
    public var values: [Float] { layer.parameter(index) }

    /// Changes the weight in place.
    func update(_ body: (inout [Float]) throws -> Void) rethrows {
        try layer.withParameter(index, body)
    }
}

extension Layer {
    /// Keras's names of this layer's own weights, in `weights` order.
    var kerasWeightNames: [String] {
        switch self {
        case is Dense: return parameterShapes.count == 2 ? ["kernel", "bias"] : ["kernel"]
        case is Embedding: return ["embeddings"]
        case is Recurrent: return ["kernel", "recurrent_kernel", "bias"]
        default: return parameterShapes.indices.map { "weight_\($0)" }
        }
    }

    /// The layer's weights as slots (empty before it is built). `prefix` is the path of the
    /// layers that hold it (`bidirectional/`, a user layer's name).
    public func trainableSlots(prefix: String = "") -> [WeightSlot] {
        if let b = self as? Bidirectional {
            return b.forwardLayer.trainableSlots(prefix: prefix + name + "/")
                + b.backwardLayer.trainableSlots(prefix: prefix + name + "/")
        }
        let names = kerasWeightNames
        // Recurrent layers keep their weights in a cell: `lstm/lstm_cell/kernel`.
        let cell = self is Recurrent ? LayerSession.snakeCase(className) + "_cell/" : ""
        return parameterShapes.indices.map { i in
            WeightSlot(layer: self, index: i, path: prefix + name + "/" + cell + names[i])
        }
    }
}

/// The trainable weights of a model, a `Sequential`, a layer or a user-defined layer, in Keras's
/// order (layers in summary order, each layer's weights in its own order), each weight once.
public func trainableSlots(of operation: GraphOperation) -> [WeightSlot] {
    var seen = Set<WeightKey>()
    func slots(_ op: GraphOperation, _ prefix: String) -> [WeightSlot] {
        switch op {
        case let layer as Layer: return layer.trainableSlots(prefix: prefix)
        case let model as Model: return model.operations.flatMap { slots($0, prefix) }
        case let sequential as Sequential: return sequential.layers.flatMap { slots($0, prefix) }
        case let custom as CustomLayerNode: return custom.layers.flatMap { slots($0, prefix + custom.name + "/") }
        default: return []
        }
    }
    return slots(operation, "").filter { seen.insert($0.key).inserted }
}

extension Optimizer {
    /// One Keras `apply_gradients` over `slots` (a model's trainable weights): `gradients[i]` is
    /// the gradient of slot i, of its shape.
    public func update(_ slots: [WeightSlot], along gradients: [Tensor]) throws {
        guard slots.count == gradients.count else {
            throw layerError("\(kind).update: \(gradients.count) gradients for \(slots.count) weights")
        }
        for (slot, g) in zip(slots, gradients) where g.isSymbolic || g.shape != TensorShape(slot.shape) {
            throw layerError("\(kind).update: the gradient of \(slot.path) has shape \(g.shape), the weight \(TensorShape(slot.shape))")
        }
        let clipped = try prepare(gradients.map(floats), counts: slots.map { $0.shape.reduce(1, *) })
        // In place: the layer's weight is the only copy, so no weight is copied.
        for (slot, g) in zip(slots, clipped) { slot.update { step(slot.key, owner: slot.layer, &$0, g) } }
    }
}
