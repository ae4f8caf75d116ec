// User-defined layers (a cell's `struct BahdanauAttention: Layer { ... callAsFunction ... }`)
// as the graph and summaries see them.
//
// How the interpreter uses this API:
//
//   1. When a value of a user type conforming to `Layer` is created, make one node for it:
//        let node = CustomLayerNode(className: "BahdanauAttention", session: session,
//                                   heldLayers: { [the layers in the value's stored properties,
//                                                  arrays of layers flattened, nested user layers
//                                                  as their own CustomLayerNode] })
//      Its name is generated as Keras generates it (`bahdanau_attention`, then `_1`, ...).
//      `heldLayers` is a closure because the held layers build (get weights) on first call.
//   2. When the value is called, route the call through the node:
//        let outputs = try node.call(arguments, returnsList: the function returns a tuple) { args in
//            try <run the user's callAsFunction on args, returning its tensors in order> }
//      On concrete tensors this just runs the body. On symbolic tensors it runs the body once on
//      detached copies, with graph recording suspended, so the layers used inside compute shapes
//      and build but do NOT become nodes of the outer model (Keras semantics); it then records
//      ONE node for the whole call, whose outputs carry its history. Masks are not passed into a
//      user layer (Keras drops them for layers that do not support masking).
//   3. `parameterCount` and `weights` come from the held layers (each counted once), so
//      `summary()` shows `bahdanau_attention (BahdanauAttention) ... 16,577`.
import Tensors

public final class CustomLayerNode: GraphOperation {
    public let session: LayerSession
    private let heldLayers: () -> [GraphOperation]

    public init(className: String, session: LayerSession, name: String? = nil,
                heldLayers: @escaping () -> [GraphOperation]) {
        self.session = session
        self.heldLayers = heldLayers
        super.init(name: name ?? session.uniqueName(LayerSession.snakeCase(className)), className: className)
    }

    /// The distinct layers this user layer holds (a layer held twice counts once).
    public var layers: [GraphOperation] {
        var seen = Set<ObjectIdentifier>()
        return heldLayers().filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    public override var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// The held layers' weights, in the order of `heldLayers`.
    public var weights: [Tensor] {
        get throws {
            try layers.flatMap { op -> [Tensor] in
                if let layer = op as? Layer { return try layer.weights }
                if let custom = op as? CustomLayerNode { return try custom.weights }
                return []
            }
        }
    }

    /// Calls the user layer's body: directly on concrete tensors, once for shapes and then as one
    /// recorded node on symbolic tensors. `returnsList`: the body returns a tuple.
    public func call(_ inputs: [Tensor], returnsList: Bool,
                     body: @escaping ([Tensor]) throws -> [Tensor]) throws -> [Tensor] {
        let plain = inputs.map { x -> Tensor in var y = x; y.origin = nil; return y }
        guard inputs.contains(where: \.isSymbolic) else { return try body(plain) }
        session.recordingSuspended += 1
        defer { session.recordingSuspended -= 1 }
        let shapes = try body(plain).map { ($0.shape, $0.dtype) }
        session.recordingSuspended -= 1
        defer { session.recordingSuspended += 1 }
        return recordNode(self, session: session, inputs: inputs, outputs: shapes, masks: shapes.map { _ in nil },
                          returnsList: returnsList, run: { values in
                              try body(values.map { x -> Tensor in var y = x; y.origin = nil; return y })
                          })
    }
}
