// Training the recurrent layers through fused kernels: a forward pass that keeps what the
// backward pass needs (the input as projected, the states before each step, each step's gates),
// and backpropagation through time as one sgemm per step (two for GRU without `resetAfter`),
// then three large sgemms for the kernel, the recurrent kernel and the input's gradients.
// Pure functions of the layer: no tape. SimpleRNN, LSTM, GRU and Bidirectional implement them:
//
//   func trainingForward(_ x: Tensor, mask: Tensor?, initialStates: [Tensor], training: Bool,
//                        generator: inout RandomGenerator) throws -> (outputs: [Tensor], trace: RecurrentTrace)
//   func backward(_ trace: RecurrentTrace, outputGradients: [Tensor?]) throws
//       -> (input: Tensor, initialStates: [Tensor], weights: [Tensor])
//
// `outputs` are what `apply` returns (bit for bit without dropout); `outputGradients` has one
// entry per output (nil: zero), the gradients come back for the input `(batch, time, features)`,
// the initial states given (none if none were) and the weights in Keras's order (`weights`).
import Tensors

/// A recurrent layer that trains through its fused kernels (see the top of this file).
public protocol RecurrentTraining: Layer {
    /// The outputs as `apply` gives them, and what `backward` needs. `mask`: `(batch, time)`,
    /// nonzero keeps a step. `training` applies `dropout:` with masks drawn from `generator`.
    func trainingForward(_ x: Tensor, mask: Tensor?, initialStates: [Tensor], training: Bool,
                         generator: inout RandomGenerator) throws -> (outputs: [Tensor], trace: RecurrentTrace)
    /// Gradients of the input, the initial states given and the weights (Keras's order), from
    /// the gradients of the outputs (nil: zero).
    func backward(_ trace: RecurrentTrace, outputGradients: [Tensor?]) throws
        -> (input: Tensor, initialStates: [Tensor], weights: [Tensor])
}

/// What a training forward pass keeps for `backward`. Buffers are indexed by time step t (not
/// processing order), so that the weight gradients are single sgemms over all steps.
public final class RecurrentTrace {
    let layer: Layer
    let batch: Int, time: Int, features: Int
    /// The weights the forward pass used (copy-on-write: no copy unless they change meanwhile).
    let weights: [[Float]]
    /// Output shapes, to check the gradients given to `backward`.
    let outputShapes: [[Int]]
    let hadInitialStates: Bool
    /// `(batch, time)`, nonzero keeps a step.
    let mask: [Float]?
    /// `(batch, features)`: the dropout mask (kept values 1/(1 − rate)), if dropout ran.
    public let dropoutMask: [Float]?
    /// The input, time-major `(time, batch, features)`, after dropout: what was projected.
    var input: [Float] = []
    /// Per state (h, then c for LSTM): `(time, batch, units)`, the state before step t.
    let previous: [UnsafeMutablePointer<Float>]
    /// `(time, batch, gateStore)`: what each layer's `step` records.
    let gates: UnsafeMutablePointer<Float>
    /// Bidirectional: the two directions' traces and their (unmerged) first outputs.
    var directions: (forward: RecurrentTrace, backward: RecurrentTrace, forwardOutput: Tensor, backwardOutput: Tensor)?

    init(layer: Layer, batch: Int, time: Int, features: Int, weights: [[Float]], outputShapes: [[Int]],
         hadInitialStates: Bool, mask: [Float]?, dropoutMask: [Float]?, stateCount: Int, units: Int, gateStore: Int) {
        (self.layer, self.batch, self.time, self.features, self.weights) = (layer, batch, time, features, weights)
        (self.outputShapes, self.hadInitialStates, self.mask, self.dropoutMask) = (outputShapes, hadInitialStates, mask, dropoutMask)
        // Left uninitialised: the forward pass writes every row of every step.
        previous = (0..<stateCount).map { _ in .allocate(capacity: time * batch * units) }
        gates = .allocate(capacity: time * batch * gateStore)
    }

    /// Bidirectional's trace: its directions' traces, no buffers of its own.
    init(layer: Layer, outputShapes: [[Int]],
         directions: (forward: RecurrentTrace, backward: RecurrentTrace, forwardOutput: Tensor, backwardOutput: Tensor)) {
        let f = directions.forward
        (self.layer, self.batch, self.time, self.features, self.weights) = (layer, f.batch, f.time, f.features, [])
        (self.outputShapes, self.hadInitialStates, self.mask, self.dropoutMask) = (outputShapes, f.hadInitialStates, f.mask, nil)
        previous = []
        gates = .allocate(capacity: 0)
        self.directions = directions
    }

    deinit {
        for p in previous { p.deallocate() }
        gates.deallocate()
    }

    func check(_ layer: Layer, _ gradients: [Tensor?]) throws {
        guard layer === self.layer else {
            throw layerError("\(layer.name): backward was given the trace of another layer (\(self.layer.name))")
        }
        guard gradients.count == outputShapes.count else {
            throw layerError("\(layer.name): backward takes \(outputShapes.count) output gradient\(outputShapes.count == 1 ? "" : "s") (nil for none), got \(gradients.count)")
        }
        for (k, (g, shape)) in zip(gradients, outputShapes).enumerated() {
            if let g, dims(g) != shape {
                throw layerError("\(layer.name): the gradient of output \(k) has shape \(g.shape), the output has shape \(TensorShape(shape))")
            }
        }
    }
}

/// Keras 3's input dropout mask for a recurrent layer: `(batch, features)`, one for all steps and
/// gates, 0 where a uniform draw is below `rate`, else 1/(1 − rate).
func inputDropoutMask(batch: Int, features: Int, rate: Float, generator: inout RandomGenerator) -> [Float] {
    let scale = 1 / (1 - rate)
    return (0..<(batch * features)).map { _ in generator.nextUniform() < rate ? 0 : scale }
}

extension Recurrent: RecurrentTraining {
    /// This layer's input dropout mask for one training pass (nil: no dropout).
    func dropoutMask(batch: Int, features: Int, training: Bool, generator: inout RandomGenerator) -> [Float]? {
        training && dropout > 0 ? inputDropoutMask(batch: batch, features: features, rate: dropout, generator: &generator) : nil
    }

    public func trainingForward(_ x: Tensor, mask: Tensor?, initialStates: [Tensor], training: Bool,
                                generator: inout RandomGenerator) throws -> (outputs: [Tensor], trace: RecurrentTrace) {
        let specs = try outputSpecs([x], states: initialStates)
        if !isBuilt { try build([x.shape]) }
        let shape = dims(x)
        let (batch, time, features) = (shape[0], shape[1], shape[2])
        if let mask, dims(mask) != [batch, time] {
            throw layerError("\(name): the mask \(mask.shape) does not match the input's (batch, time) (\(batch), \(time))")
        }
        try checkAllocation([time, batch, gateStore + stateCount * units], layer: name)
        let dropoutMask = dropoutMask(batch: batch, features: features, training: training, generator: &generator)
        return try trainingForward(x, mask: mask, initialStates: initialStates, dropoutMask: dropoutMask)
    }

    /// The training pass with the input dropout mask already drawn (nil: none), touching no
    /// generator (`Bidirectional` runs its two directions' passes at the same time).
    func trainingForward(_ x: Tensor, mask: Tensor?, initialStates: [Tensor], dropoutMask: [Float]?) throws
        -> (outputs: [Tensor], trace: RecurrentTrace) {
        let specs = try outputSpecs([x], states: initialStates)
        let shape = dims(x)
        let (batch, time, features) = (shape[0], shape[1], shape[2])
        let maskValues = mask.map(floats)
        let trace = RecurrentTrace(layer: self, batch: batch, time: time, features: features, weights: parameters,
                                   outputShapes: specs.map { $0.0.dimensions.map { $0 ?? 0 } },
                                   hadInitialStates: !initialStates.isEmpty, mask: maskValues, dropoutMask: dropoutMask,
                                   stateCount: stateCount, units: units, gateStore: gateStore)
        let run = try runSequence(x, mask: maskValues, states: initialStates.map(floats), dropoutMask: dropoutMask, trace: trace)
        let output = returnSequences ? try tensor([batch, time, units], run.sequence) : try tensor([batch, units], run.last)
        let outputs = returnState ? [output] + (try run.states.map { try tensor([batch, units], $0) }) : [output]
        return (outputs, trace)
    }

    public func backward(_ trace: RecurrentTrace, outputGradients: [Tensor?]) throws
        -> (input: Tensor, initialStates: [Tensor], weights: [Tensor]) {
        try trace.check(self, outputGradients)
        let (batch, time, features, u) = (trace.batch, trace.time, trace.features, units)
        let width = gateCount * units, size = batch * units
        let weights = trace.weights
        // grad: d(states after the current step) on entry of each step, d(states before it) after.
        let grad = UnsafeMutablePointer<Float>.allocate(capacity: stateCount * size)
        defer { grad.deallocate() }
        grad.initialize(repeating: 0, count: stateCount * size)
        if returnState {
            for k in 0..<stateCount {
                if let g = outputGradients[1 + k] { (grad + k * size).update(from: floats(g), count: size) }
            }
        }
        // d(the output carried through masked steps): the last output, or each step's.
        var last = [Float](repeating: 0, count: size)
        let sequenceGradient = returnSequences ? outputGradients[0].map(floats) : nil
        if !returnSequences, let g = outputGradients[0] { last = floats(g) }
        // Pre-activation gradients per step, input side, and recurrent side when they differ.
        let rows = time * batch
        // (Every row of every step is written, except masked rows: zeros.)
        let da = UnsafeMutablePointer<Float>.allocate(capacity: rows * width)
        let daRecurrent = separateRecurrentGradient ? UnsafeMutablePointer<Float>.allocate(capacity: rows * width) : da
        if trace.mask != nil {
            da.initialize(repeating: 0, count: rows * width)
            if separateRecurrentGradient { daRecurrent.initialize(repeating: 0, count: rows * width) }
        }
        defer {
            da.deallocate()
            if separateRecurrentGradient { daRecurrent.deallocate() }
        }
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: size)
        defer { scratch.deallocate() }
        var keep = [Bool](repeating: true, count: batch)
        for s in (0..<time).reversed() {
            let t = goBackwards ? time - 1 - s : s
            if let mask = trace.mask { for b in 0..<batch { keep[b] = mask[b * time + t] != 0 } }
            if let sequenceGradient {
                for b in 0..<batch where keep[b] || !zeroOutputForMask {
                    let src = (b * time + s) * u
                    for j in 0..<u { last[b * u + j] += sequenceGradient[src + j] }
                }
            }
            // A kept step's output is its new h; a masked step passes both gradients on.
            for b in 0..<batch where keep[b] {
                for j in 0..<u {
                    grad[b * u + j] += last[b * u + j]
                    last[b * u + j] = 0
                }
            }
            keep.withUnsafeBufferPointer { keep in
                stepBackward(batch: batch, keep: keep.baseAddress!, gates: trace.gates + t * batch * gateStore,
                             previous: trace.previous.map { UnsafePointer($0 + t * size) }, weights: weights,
                             grad: grad, da: da + t * batch * width, daRecurrent: daRecurrent + t * batch * width,
                             scratch: scratch)
            }
        }
        let initialStates = trace.hadInitialStates
            ? try (0..<stateCount).map { k in try tensor([batch, u], Array(UnsafeBufferPointer(start: grad + k * size, count: size))) }
            : []
        // The products over all steps' rows: d(input) = da · kernelᵀ and the weights' gradients.
        // A masked step's rows have da = 0, so when enough are masked they are left out, the
        // kept rows packed (the sums lose only zero terms).
        let kept = trace.mask.flatMap { keptRows($0, rows: 0..<rows, batch: batch, time: time) }
        let packed = kept.map { TraceRows(trace, packing: $0, da: da, daRecurrent: separateRecurrentGradient ? daRecurrent : nil,
                                          width: width, units: u, gateStore: gateStore) }
        defer { packed?.deallocate() }
        if let packed { return try finishBackward(trace, packed, kept: kept, initialStates: initialStates) }
        return try trace.input.withUnsafeBufferPointer { x in
            try finishBackward(trace, TraceRows(count: rows, input: x.baseAddress, previous: UnsafePointer(trace.previous[0]),
                                                gates: UnsafePointer(trace.gates), da: da, daRecurrent: daRecurrent, owned: false),
                               kept: nil, initialStates: initialStates)
        }
    }

    /// d(input) = da · kernelᵀ over `rows` (row i is time-major row `kept[i]`, or i), through the
    /// dropout mask into `(batch, time, features)`, and the weights' gradients.
    private func finishBackward(_ trace: RecurrentTrace, _ rows: TraceRows, kept: [Int]?, initialStates: [Tensor]) throws
        -> (input: Tensor, initialStates: [Tensor], weights: [Tensor]) {
        let (batch, time, features, width) = (trace.batch, trace.time, trace.features, gateCount * units)
        var inputGradient = [Float](repeating: 0, count: batch * time * features)
        if features > 0 && rows.count > 0 {
            let dx = UnsafeMutablePointer<Float>.allocate(capacity: rows.count * features)
            defer { dx.deallocate() }
            trace.weights[0].withUnsafeBufferPointer { w in
                BLAS.sgemm(transposeB: true, m: rows.count, n: features, k: width, rows.da, lda: width,
                           w.baseAddress!, ldb: width, dx, ldc: features)
            }
            for i in 0..<rows.count {
                let row = kept?[i] ?? i
                let (t, b) = (row / batch, row % batch)
                let src = dx + i * features, dst = (b * time + t) * features
                if let dropout = trace.dropoutMask {
                    for j in 0..<features { inputGradient[dst + j] = src[j] * dropout[b * features + j] }
                } else {
                    for j in 0..<features { inputGradient[dst + j] = src[j] }
                }
            }
        }
        let weightGradients = try self.weightGradients(rows, features: features)
        return (try tensor([batch, time, features], inputGradient), initialStates, weightGradients)
    }

    func kernelGradient(_ rows: TraceRows, features: Int) throws -> Tensor {
        try transposedProduct(rows.input, rows.da, rows: rows.count, left: features, right: gateCount * units)
    }
}

/// The rows (time-major, `t·batch + b`) that the weight gradients sum over, with what the trace
/// and the backward pass hold for each: all of them, or the kept rows packed (then owned).
struct TraceRows {
    let count: Int
    /// `(count, features)`: the input as projected; `(count, units)`: h before the step;
    /// `(count, gateStore)`: the step's gates; `(count, gates·units)`: the pre-activations' gradients.
    let input: UnsafePointer<Float>?, previous: UnsafePointer<Float>, gates: UnsafePointer<Float>
    let da: UnsafePointer<Float>, daRecurrent: UnsafePointer<Float>
    let owned: Bool

    init(count: Int, input: UnsafePointer<Float>?, previous: UnsafePointer<Float>, gates: UnsafePointer<Float>,
         da: UnsafePointer<Float>, daRecurrent: UnsafePointer<Float>, owned: Bool) {
        (self.count, self.input, self.previous, self.gates) = (count, input, previous, gates)
        (self.da, self.daRecurrent, self.owned) = (da, daRecurrent, owned)
    }

    /// Copies of the rows `kept` (ascending).
    init(_ trace: RecurrentTrace, packing kept: [Int], da: UnsafePointer<Float>, daRecurrent: UnsafePointer<Float>?,
         width: Int, units: Int, gateStore: Int) {
        func pack(_ source: UnsafePointer<Float>, _ columns: Int) -> UnsafePointer<Float> {
            let out = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(1, kept.count * columns))
            for (i, r) in kept.enumerated() { (out + i * columns).update(from: source + r * columns, count: columns) }
            return UnsafePointer(out)
        }
        let features = trace.features
        let input = features == 0 ? nil : trace.input.withUnsafeBufferPointer { pack($0.baseAddress!, features) }
        let packedDa = pack(da, width)
        self.init(count: kept.count, input: input, previous: pack(trace.previous[0], units),
                  gates: pack(trace.gates, gateStore), da: packedDa, daRecurrent: daRecurrent.map { pack($0, width) } ?? packedDa,
                  owned: true)
    }

    func deallocate() {
        guard owned else { return }
        input?.deallocate(); previous.deallocate(); gates.deallocate(); da.deallocate()
        if daRecurrent != da { daRecurrent.deallocate() }
    }
}

/// aᵀ · b for a `(rows, left)` and b `(rows, right)`: a `(left, right)` tensor.
func transposedProduct(_ a: UnsafePointer<Float>?, _ b: UnsafePointer<Float>, rows: Int, left: Int, right: Int) throws -> Tensor {
    var out = [Float](repeating: 0, count: left * right)
    if rows > 0 && left > 0 && right > 0, let a {
        out.withUnsafeMutableBufferPointer { o in
            BLAS.sgemm(transposeA: true, m: left, n: right, k: rows, a, lda: left, b, ldb: right,
                       o.baseAddress!, ldc: right)
        }
    }
    return try tensor([left, right], out)
}

/// The sums of each column of a `(rows, columns)` matrix.
func columnSums(_ a: UnsafePointer<Float>, rows: Int, columns: Int) -> [Float] {
    var sums = [Float](repeating: 0, count: columns)
    guard rows > 0, columns > 0 else { return sums }
    let ones = [Float](repeating: 1, count: rows)
    ones.withUnsafeBufferPointer { one in
        sums.withUnsafeMutableBufferPointer { s in
            BLAS.sgemv(transpose: true, m: rows, n: columns, a, lda: columns, one.baseAddress!, s.baseAddress!)
        }
    }
    return sums
}
