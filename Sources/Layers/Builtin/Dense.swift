// Dense: a fully connected layer on the last axis, as Keras's `Dense`.
import Tensors

/// `Dense(units:activation:useBias:)`: `(..., inputSize)` → `(..., units)`.
/// Weights (Keras order): kernel `(inputSize, units)` (Glorot uniform), bias `(units)` (zeros).
public final class Dense: Layer {
    public let units: Int
    public let activation: Activation
    public let useBias: Bool

    public init(units: Int, activation: Activation = .linear, useBias: Bool = true,
                session: LayerSession, name: String? = nil) throws {
        guard units > 0 else { throw layerError("Dense: units must be positive, got \(units)") }
        self.units = units
        self.activation = activation
        self.useBias = useBias
        super.init(session: session, baseName: "dense", className: "Dense", name: name)
    }

    public override func build(_ inputShapes: [TensorShape]) throws {
        let inputSize = try lastAxis(inputShapes[0], layer: name)
        try addWeight([inputSize, units], .glorotUniform)
        if useBias { try addWeight([units], .zeros) }
    }

    public override func outputSpecs(_ inputs: [Tensor], states: [Tensor]) throws -> [(TensorShape, DType)] {
        guard inputs.count == 1 else { throw layerError("\(name): Dense takes one input, got \(inputs.count)") }
        let shape = inputs[0].shape
        guard shape.rank >= 2 else {
            throw layerError("\(name): Dense expects an input of rank 2 or more (batch, ..., features), got shape \(shape)")
        }
        let inputSize = try lastAxis(shape, layer: name)
        if isBuilt, parameterShapes[0][0] != inputSize {
            throw layerError("\(name): built for inputs with last axis \(parameterShapes[0][0]), got shape \(shape)")
        }
        return [(TensorShape(shape.dimensions.dropLast() + [units]), .float32)]
    }

    public override func forward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor]) throws -> [Tensor] {
        let x = inputs[0]
        let shape = dims(x)
        let inputSize = shape.last!
        let rows = shape.dropLast().reduce(1, *)
        try checkAllocation(shape.dropLast() + [units], layer: name)
        return [try Tensor(shape: shape.dropLast() + [units], unsafeUninitializedFloats: { out in
            guard let o = out.baseAddress else { return }
            try withFloats(x) { xp in
                affine(xp, rows: rows, inner: inputSize, parameters[0], columns: units,
                       bias: useBias ? parameters[1] : nil, into: o)
            }
            activation.apply(o, count: out.count, rowLength: units)
        })]
    }

    /// `dense(x)`: the output for one input tensor.
    public func callAsFunction(_ x: Tensor) throws -> Tensor { try apply([x])[0] }
}
