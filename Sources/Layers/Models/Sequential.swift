// Sequential: layers applied one after another, as Keras's `Sequential`.
import Tensors

/// `Sequential([layers], input: Input(shape: [30], dtype: .int32))`. Each layer must return
/// one tensor. Given an input, the model is built at once (shapes and parameters known for
/// `summary()`); without one, it is built on the first call from that tensor's shape (batch
/// size included, as Keras 3 builds a Sequential).
public final class Sequential: GraphOperation {
    public let layers: [Layer]
    let session: LayerSession
    /// Set by `compile(optimizer:loss:metrics:)` (Training/TrainingStep.swift).
    public var compilation: Compilation?
    /// The functional graph when built from an `Input`.
    private var graph: Model?

    public init(_ layers: [Layer], input: Tensor? = nil, session: LayerSession, name: String? = nil) throws {
        guard !layers.isEmpty else { throw layerError("Sequential: needs at least one layer") }
        self.layers = layers
        self.session = session
        super.init(name: name ?? session.uniqueName("sequential"), className: "Sequential")
        if let input { try build(input) }
    }

    private func build(_ input: Tensor) throws {
        let output = try run(input)
        graph = try Model(inputs: [input], outputs: [output], session: session, name: name)
    }

    public override var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    private func run(_ x: Tensor) throws -> Tensor {
        var y = x
        for layer in layers {
            let outputs = try layer.apply([y])
            guard outputs.count == 1 else {
                throw layerError("Sequential: \(layer.name) returns \(outputs.count) tensors; every layer of a Sequential must return one")
            }
            y = outputs[0]
        }
        return y
    }

    /// Runs the layers in order on `x`.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        if graph == nil, !x.isSymbolic {
            try build(Input(shape: Array(x.shape.dimensions.dropFirst()), batchSize: x.shape.dimensions.first ?? nil,
                            dtype: x.dtype, session: session))
        }
        return try run(x)
    }

    /// Keras's three-column table (no "Connected to", no input row). Layers not built yet show
    /// `?` and `0 (unbuilt)` as in Keras.
    public func summary() -> ModelSummary {
        let graphRows = graph?.summary().rows ?? []
        let rows = layers.map { layer -> SummaryRow in
            if let row = graphRows.first(where: { $0.name == layer.name }) { return row }
            return SummaryRow(name: layer.name, className: layer.className, outputShape: "?",
                              parameterCount: layer.parameterCount, connectedTo: [], isBuilt: layer.isBuilt)
        }
        return ModelSummary(modelName: name, rows: rows, showsConnections: false,
                            totalParameters: parameterCount, trainableParameters: parameterCount)
    }
}
