// Layers without recurrence or lookup: Dropout, Softmax, Concatenate, as Keras defines them.
import Tensors

/// `Dropout(rate:)`: the identity outside training; while gradients are taken, each element is
/// kept with probability 1 - rate (drawn from the session's generator) and scaled by 1/(1 - rate),
/// as Keras does. Passes the mask on.
public final class Dropout: Layer {
    public let rate: Float

    public init(rate: Float, session: LayerSession, name: String? = nil) throws {
        guard rate >= 0, rate < 1 else { throw layerError("Dropout: rate must be in [0, 1), got \(rate)") }
        self.rate = rate
        super.init(session: session, baseName: "dropout", className: "Dropout", name: name)
    }

    public override func forward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor]) throws -> [Tensor] {
        [inputs[0]]
    }

    public override func trainingForward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor],
                                         weights: [Tensor]) throws -> [Tensor] {
        var x = inputs[0]
        x.origin = nil
        guard rate > 0 else { return [x] }
        let scale = 1 / (1 - rate)
        var keep = [Float](repeating: 0, count: x.scalarCount)
        for i in keep.indices where session.random.nextUniform() >= rate { keep[i] = scale }
        return [try x * Tensor(shape: dims(x), scalars: keep)]
    }

    public func callAsFunction(_ x: Tensor) throws -> Tensor { try apply([x])[0] }
}

/// `Softmax(axis:)`. With a mask (broadcastable to the input from the right, as Keras requires),
/// masked positions get -1e9 before and 0 after the softmax, as Keras 3 does.
public final class Softmax: Layer {
    public let axis: Int
    public override var takesMask: Bool { true }

    public init(axis: Int = -1, session: LayerSession, name: String? = nil) {
        self.axis = axis
        super.init(session: session, baseName: "softmax", className: "Softmax", name: name)
    }

    public override func outputSpecs(_ inputs: [Tensor], states: [Tensor]) throws -> [(TensorShape, DType)] {
        guard inputs.count == 1 else { throw layerError("\(name): Softmax takes one input, got \(inputs.count)") }
        let shape = inputs[0].shape
        _ = try resolveAxis(axis, rank: shape.rank, layer: name)
        if let mask = kerasMask(of: inputs[0]) {
            let (m, x) = (mask.shape.dimensions, shape.dimensions)
            var fits = m.count <= x.count
            for (a, b) in zip(m.reversed(), x.reversed()) {
                if let a, let b, a != 1, a != b { fits = false }
            }
            guard fits else {
                throw layerError("\(name): the mask \(mask.shape) does not broadcast to the input \(shape)")
            }
        }
        return [(shape, .float32)]
    }

    public override func forward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor]) throws -> [Tensor] {
        var x = try inputs[0].converted(to: .float32)
        x.origin = nil
        guard let mask = masks[0] else { return [try softmax(x, alongAxis: axis)] }
        let keep = try Tensor(shape: dims(mask), scalars: mask.scalars.map { $0 > 0.5 ? 1 : 0 })
        let masked = try x * keep + (1 - keep) * -1e9
        return [try softmax(masked, alongAxis: axis) * keep]
    }

    /// `forward` is tensor operations already (the mask carries no gradient).
    public override func trainingForward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor],
                                         weights: [Tensor]) throws -> [Tensor] {
        try forward(inputs, masks: masks, states: states)
    }

    public func callAsFunction(_ x: Tensor) throws -> Tensor { try apply([x])[0] }
}

/// `Concatenate(axis:)`, called with an array: `Concatenate()([h1, h2])`. Shapes must match
/// except along `axis`. (Keras combines input masks; nbrun's output carries no mask.)
public final class Concatenate: Layer {
    public let axis: Int

    public init(axis: Int = -1, session: LayerSession, name: String? = nil) {
        self.axis = axis
        super.init(session: session, baseName: "concatenate", className: "Concatenate", name: name)
    }

    public override func outputSpecs(_ inputs: [Tensor], states: [Tensor]) throws -> [(TensorShape, DType)] {
        guard inputs.count >= 2 else {
            throw layerError("\(name): Concatenate needs a list of at least 2 tensors, got \(inputs.count)")
        }
        let shapes = inputs.map(\.shape)
        let listed = "[" + shapes.map(\.description).joined(separator: ", ") + "]"
        let rank = shapes[0].rank
        guard shapes.allSatisfy({ $0.rank == rank }) else {
            throw layerError("\(name): Concatenate needs inputs of the same rank, got shapes \(listed)")
        }
        let a = try resolveAxis(axis, rank: rank, layer: name)
        var out = shapes[0].dimensions
        for shape in shapes.dropFirst() {
            for (i, d) in shape.dimensions.enumerated() where i != a {
                if let d, let o = out[i], d != o {
                    throw layerError("\(name): Concatenate needs shapes that match except along axis \(axis), got \(listed)")
                }
                if out[i] == nil { out[i] = d }
            }
            out[a] = out[a].flatMap { o in shape.dimensions[a].map { o + $0 } }
        }
        return [(TensorShape(out), .float32)]
    }

    public override func outputMasks(_ inputs: [Tensor], masks: [Tensor?], outputCount: Int) throws -> [Tensor?] {
        [nil]
    }

    public override func forward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor]) throws -> [Tensor] {
        let plain = try inputs.map { x -> Tensor in
            var y = try x.converted(to: .float32)
            y.origin = nil
            return y
        }
        return [try Tensor(concatenating: plain, alongAxis: axis)]
    }

    /// `forward` is tensor operations already.
    public override func trainingForward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor],
                                         weights: [Tensor]) throws -> [Tensor] {
        try forward(inputs, masks: masks, states: states)
    }

    public func callAsFunction(_ xs: [Tensor]) throws -> Tensor { try apply(xs)[0] }
}
