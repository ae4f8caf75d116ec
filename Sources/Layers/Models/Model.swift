// Functional models: the graph between symbolic inputs and outputs, run on concrete tensors.
import Tensors

/// `Model(inputs:outputs:)`: the layers between symbolic `inputs` (from `Input`) and `outputs`,
/// found by walking the recorded graph back from the outputs as Keras's `map_graph` does.
/// `model(x)` runs the graph on concrete tensors; `summary()` gives Keras's table.
public final class Model: GraphOperation {
    public let inputs: [Tensor]
    public let outputs: [Tensor]
    /// The graph's operations in Keras's summary order (deepest first, then traversal order).
    public let operations: [GraphOperation]
    /// Nodes in execution order (inputs first).
    let nodes: [Node]
    /// The graph is one chain of layers (its summary looks like a Sequential model's).
    let isChain: Bool
    /// Set by `compile(optimizer:loss:metrics:)` (Training/TrainingStep.swift).
    public var compilation: Compilation?
    let session: LayerSession

    public init(inputs: [Tensor], outputs: [Tensor], session: LayerSession, name: String? = nil) throws {
        guard !inputs.isEmpty, !outputs.isEmpty else {
            throw layerError("Model: needs at least one input and one output")
        }
        for (i, x) in inputs.enumerated() where !(history(x)?.node?.isInput ?? false) {
            throw layerError("Model: input \(i) (shape \(x.shape)) is not a tensor made by Input(shape:)")
        }
        for (i, y) in outputs.enumerated() where history(y)?.node == nil {
            throw layerError("Model: output \(i) (shape \(y.shape)) was not computed by layers from an Input; "
                + "call layers on the Input tensor to build a model")
        }
        self.inputs = inputs
        self.outputs = outputs
        self.session = session
        (nodes, operations, isChain) = try ModelGraph.map(inputs: inputs, outputs: outputs)
        super.init(name: name ?? session.uniqueName("functional"), className: "Functional")
    }

    public convenience init(inputs: Tensor, outputs: Tensor, session: LayerSession) throws {
        try self.init(inputs: [inputs], outputs: [outputs], session: session)
    }

    public override var parameterCount: Int {
        var seen = Set<ObjectIdentifier>()
        return operations.reduce(0) { total, op in
            seen.insert(ObjectIdentifier(op)).inserted ? total + op.parameterCount : total
        }
    }

    /// The built-in layers of the model, in summary order (user-defined layers contribute the
    /// layers they hold).
    public var layers: [Layer] {
        var seen = Set<ObjectIdentifier>()
        func expand(_ op: GraphOperation) -> [Layer] {
            if let layer = op as? Layer { return [layer] }
            if let custom = op as? CustomLayerNode { return custom.layers.flatMap(expand) }
            return []
        }
        return operations.flatMap(expand).filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// All weights, layer by layer in summary order, each layer's in Keras's order.
    public var weights: [Tensor] {
        get throws { try layers.flatMap { try $0.weights } }
    }

    /// Runs the model on concrete tensors, one per input; returns one tensor per output.
    public func callAsFunction(_ values: [Tensor]) throws -> [Tensor] {
        guard values.count == inputs.count else {
            throw layerError("\(name): expects \(inputs.count) input\(inputs.count == 1 ? "" : "s"), got \(values.count)")
        }
        var computed: [TensorKey: Tensor] = [:]
        for (i, (input, value)) in zip(inputs, values).enumerated() {
            try checkInput(value, against: input, index: i)
            computed[TensorKey(input)!] = value
        }
        for node in nodes where !node.isInput {
            let args = try node.inputs.map { x -> Tensor in
                guard let v = computed[TensorKey(x)!] else {
                    throw layerError("\(name): \(node.operation.name) needs a tensor that no input reaches")
                }
                return v
            }
            let results = try node.run(args)
            for (i, r) in results.enumerated() {
                computed[TensorKey(node: node, index: i)] = r
            }
        }
        return try outputs.map { y in
            guard let v = computed[TensorKey(y)!] else { throw layerError("\(name): output not computed") }
            return v
        }
    }

    /// `model(x)` for a model with one input and one output.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        let results = try callAsFunction([x])
        guard results.count == 1 else {
            throw layerError("\(name): has \(results.count) outputs; call it with a list to get them all")
        }
        return results[0]
    }

    private func checkInput(_ value: Tensor, against input: Tensor, index: Int) throws {
        guard !value.isSymbolic else {
            throw layerError("\(name): running a model needs concrete tensors; input \(index) is symbolic")
        }
        let expected = input.shape.dimensions, given = value.shape.dimensions
        let fits = expected.count == given.count && zip(expected, given).allSatisfy { $0 == nil || $0 == $1 }
        guard fits else {
            throw layerError("\(name): input \(index) should have shape \(input.shape), got \(value.shape)")
        }
    }
}

/// Identifies a symbolic tensor by the node output that produced it.
struct TensorKey: Hashable {
    let node: ObjectIdentifier
    let index: Int

    init(node: Node, index: Int) {
        self.node = ObjectIdentifier(node)
        self.index = index
    }

    init?(_ x: Tensor) {
        guard let h = history(x), let node = h.node else { return nil }
        self.init(node: node, index: h.tensorIndex)
    }
}
