// Dense: a fully connected layer on the last axis, as Keras's `Dense`.
import Tensors

/// `Dense(units:activation:useBias:)`: `(..., inputSize)` → `(..., units)`.
/// Weights (Keras order): kernel `(inputSize, units)` (Glorot uniform), bias `(units)` (zeros).
/// The kernel is drawn when first needed whole (see `forward`; reading `weights` draws it).
public final class Dense: Layer {
    public let units: Int
    public let activation: Activation
    public let useBias: Bool
    /// Whether `forward` ran before (a second call draws a still deferred kernel whole).
    private var calledOnce = false

    public init(units: Int, activation: Activation = .linear, useBias: Bool = true,
                session: LayerSession, name: String? = nil) throws {
        guard units > 0 else { throw layerError("Dense: units must be positive, got \(units)") }
        self.units = units
        self.activation = activation
        self.useBias = useBias
        super.init(session: session, baseName: "dense", className: "Dense", name: name)
    }

    public override var weightNames: [String] { useBias ? ["kernel", "bias"] : ["kernel"] }

    public override func build(_ inputShapes: [TensorShape]) throws {
        let inputSize = try lastAxis(inputShapes[0], layer: name)
        let limit = glorotLimit([inputSize, units])
        try addDeferredUniformWeight([inputSize, units], -limit, limit)
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
        // The kernel is drawn when it is first needed whole. A first call on a few rows (a
        // decoder's vocabulary projection) draws it as it multiplies, never storing it; the same
        // sums in the same order as with the kernel stored, so the same numbers.
        let drawing = deferred[0].flatMap { table in usesSkinnyProduct(rows, units) && !calledOnce ? table : nil }
        calledOnce = true
        return [try Tensor(shape: shape.dropLast() + [units], unsafeUninitializedFloats: { out in
            guard let o = out.baseAddress else { return }
            try withFloats(x) { xp in
                if let drawing, let xp {
                    affine(xp, rows: rows, inner: inputSize, drawing: drawing, columns: units,
                           bias: useBias ? parameter(1) : nil, into: o)
                } else {
                    affine(xp, rows: rows, inner: inputSize, parameter(0), columns: units,
                           bias: useBias ? parameter(1) : nil, into: o)
                }
            }
            activation.apply(o, count: out.count, rowLength: units)
        })]
    }

    /// The same affine map and activation as tensor operations, so they differentiate.
    public override func trainingForward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor],
                                         weights: [Tensor]) throws -> [Tensor] {
        var y = try matmul(inputs[0].converted(to: .float32), weights[0])
        if useBias { y = try y + weights[1] }
        switch activation {
        case .linear: break
        case .relu: y = try relu(y)
        case .sigmoid: y = try sigmoid(y)
        case .tanh: y = try tanh(y)
        case .softmax: y = try softmax(y)
        }
        return [y]
    }

    public override var repeatsInTraining: Bool { true }

    /// `dense(x)`: the output for one input tensor.
    public func callAsFunction(_ x: Tensor) throws -> Tensor { try apply([x])[0] }
}
