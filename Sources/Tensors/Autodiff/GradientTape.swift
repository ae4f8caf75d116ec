// Reverse-mode automatic differentiation: the tape, its nodes, and backpropagation.
//
// A tensor is *tracked* when it was watched on a recording tape or computed from a tracked one.
// Every differentiable operation checks its inputs (`Tape.tracked(a, b)`, one nil check each when
// nothing is tracked, so inference pays nothing) and, when one is tracked, records a node: its
// inputs' sources and a pullback that maps the gradients of its outputs to those of its inputs.
// Each op's pullback is written beside its forward (Arithmetic.swift, Reductions.swift, ...).
// `gradients(of:at:)` walks the nodes reachable from the result, newest first (nodes are numbered
// as they are recorded, so that is a topological order), and sums each input's gradients.

/// Records differentiable tensor operations while active; gives gradients of a scalar result.
public final class GradientTape {
    /// False once the gradients were taken: later operations on its tensors record nothing.
    public private(set) var isRecording = true
    fileprivate var nextID = 0

    public init() {}

    /// `x` as a leaf of this tape: operations on it (and on their results) are recorded.
    /// Only float32 tensors carry gradients; an int32 tensor is an error naming its type.
    public func watch(_ x: Tensor) throws -> Tensor {
        guard x.dtype == .float32 else {
            throw TensorError("gradient: cannot differentiate with respect to an int32 tensor of shape \(x.shape) "
                + "(token ids and masks carry no gradient; convert with Tensor<Float>(x) if you mean numbers)")
        }
        try x.requireConcrete("gradient")
        var y = x
        y.tapeOutput = TapeOutput(node: TapeNode(tape: self, inputs: [], shapes: [x.dims], pullback: nil), index: 0)
        return y
    }

    /// Stops recording: the tensors of this tape no longer record what is computed from them.
    public func stop() { isRecording = false }

    /// The gradient of the scalar `y` with respect to each of `leaves` (tensors `watch` returned);
    /// a leaf `y` does not depend on gets zeros. Stops the tape (backward passes record nothing).
    public func gradients(of y: Tensor, at leaves: [Tensor]) throws -> [Tensor] {
        guard y.scalarCount == 1, !y.isSymbolic else {
            stop()
            throw TensorError("gradient: the result must be a scalar tensor, got shape \(y.shape)")
        }
        return try gradients(of: y, seed: Tensor(repeating: 1, shape: y.dims), at: leaves)
    }

    /// The vector-Jacobian product: the gradients at `leaves` of sum(y * seed), `seed` of y's
    /// shape (the gradient of a loss with respect to `y`, computed outside the tape).
    public func gradients(of y: Tensor, seed: Tensor, at leaves: [Tensor]) throws -> [Tensor] {
        stop()
        guard seed.shape == y.shape, seed.dtype == .float32 else {
            throw TensorError("gradient: the output gradient has shape \(seed.shape), the output \(y.shape)")
        }
        var seeds: [ObjectIdentifier: [Tensor?]] = [:]
        if let out = y.tapeOutput, out.node.tape === self {
            var g = [Tensor?](repeating: nil, count: out.node.shapes.count)
            g[out.index] = seed
            seeds[ObjectIdentifier(out.node)] = g
            try backpropagate(from: out.node, gradients: &seeds)
        }
        return try leaves.map { leaf in
            guard let out = leaf.tapeOutput, out.node.tape === self else {
                throw TensorError("gradient: a tensor was not watched by this tape")  // our own misuse
            }
            if let g = seeds[ObjectIdentifier(out.node)]?[out.index] { return g }
            return try Tensor(zeros: leaf.dims)
        }
    }

    private func backpropagate(from root: TapeNode, gradients: inout [ObjectIdentifier: [Tensor?]]) throws {
        // Every node reachable from the root, newest first.
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
        var stack = [root], nodes: [TapeNode] = []
        while let n = stack.popLast() {
            nodes.append(n)
            for case let source? in n.inputs where seen.insert(ObjectIdentifier(source.node)).inserted {
                stack.append(source.node)
            }
        }
        nodes.sort { $0.id > $1.id }
        for node in nodes {
            guard let pullback = node.pullback, let outGrads = gradients[ObjectIdentifier(node)],
                  outGrads.contains(where: { $0 != nil }) else { continue }
            let inGrads = try pullback(outGrads)
            precondition(inGrads.count == node.inputs.count, "pullback returned the wrong number of gradients")
            for (source, g) in zip(node.inputs, inGrads) {
                guard let source, var g else { continue }
                let expected = source.node.shapes[source.index]
                if g.dims != expected {
                    precondition(g.scalarCount == expected.reduce(1, *), "gradient of the wrong shape")
                    g = try g.reshapedUnchecked(expected)
                }
                // Taken out of the table (and out of its slot) while adding, so a sum that owns its
                // buffer is added to in place.
                let key = ObjectIdentifier(source.node)
                var slot = gradients.removeValue(forKey: key) ?? [Tensor?](repeating: nil, count: source.node.shapes.count)
                if var sum = slot[source.index] {
                    slot[source.index] = nil
                    try sum.accumulate(g)
                    slot[source.index] = sum
                } else {
                    slot[source.index] = g
                }
                gradients[key] = slot
            }
            if node !== root { gradients[ObjectIdentifier(node)] = nil }  // free what is no longer needed
        }
    }

    // MARK: Recording

    /// Whether `x` is tracked by a tape that is still recording.
    @inline(__always)
    public static func isTracked(_ x: Tensor) -> Bool {
        guard let out = x.tapeOutput else { return false }
        return out.node.tape.isRecording
    }

    /// Records a node computing `outputs` from `inputs` and returns the outputs tracked by it
    /// (int32 outputs stay untracked). `pullback` gets one gradient per output (nil where no
    /// gradient reached it) and returns one per input (nil: none). Call it only when one of
    /// `inputs` is tracked (`isTracked`); fused kernels (recurrent layers) use it directly.
    public static func record(outputs: [Tensor], inputs: [Tensor],
                              pullback: @escaping ([Tensor?]) throws -> [Tensor?]) -> [Tensor] {
        guard let tape = inputs.lazy.compactMap({ $0.tapeOutput?.node.tape }).first(where: \.isRecording) else {
            return outputs
        }
        let sources = inputs.map { x -> TapeOutput? in
            guard let out = x.tapeOutput, out.node.tape === tape, x.dtype == .float32 else { return nil }
            return out
        }
        let node = TapeNode(tape: tape, inputs: sources, shapes: outputs.map(\.dims), pullback: pullback)
        return outputs.enumerated().map { i, y in
            guard y.dtype == .float32 else { return y }
            var t = y
            t.tapeOutput = TapeOutput(node: node, index: i)
            return t
        }
    }

    /// `x` with no tape history (a value handed back to the cell).
    public static func detached(_ x: Tensor) -> Tensor {
        var y = x
        y.tapeOutput = nil
        return y
    }
}

/// Which value a concrete tensor is, while it is alive: its storage, shape, dtype and place on
/// the tape. Two tensors with the same identity hold the same numbers with the same history (a
/// layer applied to both computes the same outputs), as long as one of them is kept alive.
public struct TensorIdentity: Hashable {
    let buffer: ObjectIdentifier
    let tapeOutput: ObjectIdentifier?
    let dims: [Int]
    let dtype: DType
}

extension Tensor {
    /// This tensor's identity; nil for a symbolic tensor.
    public var identity: TensorIdentity? {
        guard let buffer else { return nil }
        return TensorIdentity(buffer: ObjectIdentifier(buffer), tapeOutput: tapeOutput.map(ObjectIdentifier.init),
                              dims: dims, dtype: dtype)
    }
}

/// One recorded operation: where its inputs came from, its outputs' shapes, its pullback.
final class TapeNode {
    unowned let tape: GradientTape
    let id: Int
    let inputs: [TapeOutput?]
    let shapes: [[Int]]
    let pullback: (([Tensor?]) throws -> [Tensor?])?

    init(tape: GradientTape, inputs: [TapeOutput?], shapes: [[Int]], pullback: (([Tensor?]) throws -> [Tensor?])?) {
        self.tape = tape
        self.id = tape.nextID
        tape.nextID += 1
        self.inputs = inputs
        self.shapes = shapes
        self.pullback = pullback
    }
}

/// Output `index` of a recorded node (what a tracked tensor carries).
final class TapeOutput {
    let node: TapeNode
    let index: Int
    init(node: TapeNode, index: Int) {
        self.node = node
        self.index = index
    }
}

// MARK: Helpers for the ops' pullbacks

/// Recording for the single-output ops: `Tape.tracked(a, b)` guards the recording, then
/// `y.recorded(a, b) { g in [ga, gb] }` tracks `y`.
enum Tape {
    @inline(__always) static func tracked(_ a: Tensor) -> Bool { GradientTape.isTracked(a) }
    @inline(__always) static func tracked(_ a: Tensor, _ b: Tensor) -> Bool {
        GradientTape.isTracked(a) || GradientTape.isTracked(b)
    }
    static func tracked(_ xs: [Tensor]) -> Bool { xs.contains(where: GradientTape.isTracked) }
}

extension Tensor {
    /// This result recorded as computed from `inputs`; `pullback` maps its gradient to theirs.
    func recorded(_ inputs: Tensor..., pullback: @escaping (Tensor) throws -> [Tensor?]) -> Tensor {
        recorded(inputs, pullback: pullback)
    }

    func recorded(_ inputs: [Tensor], pullback: @escaping (Tensor) throws -> [Tensor?]) -> Tensor {
        guard dtype == .float32 else { return self }
        return GradientTape.record(outputs: [self], inputs: inputs) { gs in try pullback(gs[0]!) }[0]
    }

    /// The gradient `g` of a broadcast result summed back to this tensor's shape (NumPy
    /// broadcasting's adjoint: sum over the stretched and the added leading axes).
    func unbroadcast(_ g: Tensor) throws -> Tensor {
        let target = dims, gd = g.dims
        if target == gd { return g }
        let lead = gd.count - target.count
        var axes = Array(0..<lead)
        for (i, d) in target.enumerated() where d == 1 && gd[lead + i] != 1 { axes.append(lead + i) }
        let summed = axes.isEmpty ? g : try g.reduce(.sum, axes: axes, keep: true)
        return try summed.reshapedUnchecked(target)
    }

    /// `g` (whose shape broadcasts to `outDims`) copied out to `outDims`.
    func broadcasted(to outDims: [Int]) throws -> Tensor {
        if dims == outDims { return self }
        let padded = [Int](repeating: 1, count: outDims.count - rank) + dims
        let multiples = zip(outDims, padded).map { $1 == 1 ? $0 : 1 }
        return try reshapedUnchecked(padded).tiled(multiples: multiples)
    }
}
