// What SimpleRNN, LSTM and GRU share: shapes, states, masking and the time loop, as Keras runs
// them. The input projection for all time steps is one sgemm; each step is one sgemm with the
// recurrent kernel plus one fused pass over the gates (each layer's `step`), into buffers
// allocated once per call.
import Tensors

/// A recurrent layer over `(batch, time, features)`. Returns `output` (`(batch, units)`, or
/// `(batch, time, units)` with `returnSequences`) followed by the final states with `returnState`.
/// With a mask, a masked step keeps the states and repeats the previous output (zeros before
/// the first unmasked step), as Keras does.
public class Recurrent: Layer {
    public let units: Int
    public let returnSequences: Bool
    public let returnState: Bool
    public let goBackwards: Bool
    /// Input dropout during training; inference (all nbrun runs) ignores it, as Keras does.
    public let dropout: Float
    /// Masked steps of the output sequence are zeros instead of the previous output (Keras's
    /// `zero_output_for_mask`, which `Bidirectional` turns on for its copies).
    var zeroOutputForMask = false
    /// Gates per unit: 1 (SimpleRNN), 4 (LSTM), 3 (GRU).
    let gateCount: Int
    /// States: `[h]`, or `[h, c]` for LSTM.
    let stateCount: Int

    init(units: Int, returnSequences: Bool, returnState: Bool, goBackwards: Bool, dropout: Float,
         gateCount: Int, stateCount: Int, session: LayerSession, baseName: String, className: String,
         name: String?) throws {
        guard units > 0 else { throw layerError("\(className): units must be positive, got \(units)") }
        guard dropout >= 0, dropout < 1 else { throw layerError("\(className): dropout must be in [0, 1), got \(dropout)") }
        self.units = units
        self.returnSequences = returnSequences
        self.returnState = returnState
        self.goBackwards = goBackwards
        self.dropout = dropout
        self.gateCount = gateCount
        self.stateCount = stateCount
        super.init(session: session, baseName: baseName, className: className, name: name)
    }

    /// A copy of this layer's configuration (not weights), named explicitly, running the other way
    /// when `flip` (for `Bidirectional`). Every subclass overrides it.
    func copy(name: String, flippingDirection flip: Bool) throws -> Recurrent { fatalError("copy") }

    public override var takesMask: Bool { true }
    public override var acceptsInitialState: Bool { true }
    public override var returnsList: Bool { returnState }

    public override var weightNames: [String] { ["kernel", "recurrent_kernel", "bias"] }

    /// While gradients are taken: one tape node over the fused training pass (Autodiff/RecurrentNodes.swift).
    public override func trainingForward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor],
                                         weights: [Tensor]) throws -> [Tensor] {
        try recordedRecurrentCall(self, inputs, masks: masks, states: states, weights: weights)
    }

    /// Kernel `(features, gates·units)`, recurrent kernel `(units, gates·units)`, bias.
    public override func build(_ inputShapes: [TensorShape]) throws {
        let features = try lastAxis(inputShapes[0], layer: name)
        try addWeight([features, gateCount * units], .glorotUniform)
        try addWeight([units, gateCount * units], .orthogonal)
        try addBias()
    }

    func addBias() throws { try addWeight([gateCount * units], .zeros) }

    public override func outputSpecs(_ inputs: [Tensor], states: [Tensor]) throws -> [(TensorShape, DType)] {
        guard inputs.count == 1 else { throw layerError("\(name): \(className) takes one input sequence, got \(inputs.count)") }
        let shape = inputs[0].shape
        guard shape.rank == 3 else {
            throw layerError("\(name): \(className) expects an input of rank 3 (batch, time, features), got shape \(shape)")
        }
        let features = try lastAxis(shape, layer: name)
        if isBuilt, parameterShapes[0][0] != features {
            throw layerError("\(name): built for \(parameterShapes[0][0]) features, got input shape \(shape)")
        }
        let (batch, time) = (shape.dimensions[0], shape.dimensions[1])
        try checkStates(states, batch: batch)
        let state = (TensorShape([batch, units]), DType.float32)
        let output = returnSequences ? TensorShape([batch, time, units]) : TensorShape([batch, units])
        return [(output, .float32)] + (returnState ? Array(repeating: state, count: stateCount) : [])
    }

    func checkStates(_ states: [Tensor], batch: Int?) throws {
        guard states.isEmpty || states.count == stateCount else {
            throw layerError("\(name): \(className) takes \(stateCount) initial state\(stateCount == 1 ? "" : "s"), got \(states.count)")
        }
        for (i, s) in states.enumerated() {
            let d = s.shape.dimensions
            let fits = d.count == 2 && (d[1] == nil || d[1] == units) && (d[0] == nil || batch == nil || d[0] == batch)
            guard fits else {
                throw layerError("\(name): initial state \(i) should have shape \(TensorShape([batch, units])), got \(s.shape)")
            }
        }
    }

    public override func outputMasks(_ inputs: [Tensor], masks: [Tensor?], outputCount: Int) throws -> [Tensor?] {
        [returnSequences ? masks[0] : nil] + Array(repeating: nil, count: outputCount - 1)
    }

    public override func forward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor]) throws -> [Tensor] {
        let shape = dims(inputs[0])
        let (batch, time) = (shape[0], shape[1])
        if let mask = masks[0], dims(mask) != [batch, time] {
            throw layerError("\(name): the mask \(mask.shape) does not match the input's (batch, time) (\(batch), \(time))")
        }
        let run = try runSequence(inputs[0], mask: masks[0].map(floats), states: states.map(floats))
        let output = returnSequences ? try tensor([batch, time, units], run.sequence) : try tensor([batch, units], run.last)
        guard returnState else { return [output] }
        return [output] + (try run.states.map { try tensor([batch, units], $0) })
    }

    /// How many floats of projected input `runSequence` makes at a time (4 MiB; tests lower it).
    nonisolated(unsafe) static var projectionChunkFloats = 1 << 20

    /// Runs the recurrence: outputs per step (in processing order), the last output, final states.
    /// Training passes `dropoutMask` (`(batch, features)`, multiplied into every step's input)
    /// and a `trace` to fill: the input as projected, the states before each step and the gates.
    func runSequence(_ x: Tensor, mask: [Float]?, states initial: [[Float]], dropoutMask: [Float]? = nil,
                     trace: RecurrentTrace? = nil)
        throws -> (sequence: [Float], last: [Float], states: [[Float]]) {
        let shape = dims(x)
        let (batch, time, features) = (shape[0], shape[1], shape[2])
        let width = gateCount * units, size = batch * units
        try checkAllocation([batch, time, width], layer: name)
        if batch == 0 || time == 0 {  // nothing to run: zero outputs, the initial states
            let states = initial.isEmpty ? Array(repeating: [Float](repeating: 0, count: size), count: stateCount) : initial
            return ([Float](repeating: 0, count: batch * time * units * (returnSequences ? 1 : 0)),
                    [Float](repeating: 0, count: size), states)
        }
        // The input projection x·W + b, time-major, a few steps at a time into one buffer that
        // stays in cache: projecting the whole sequence at once wrote a (batch, time, width)
        // array to fresh memory (24 MB for the translator's GRU encoder) only to read it once.
        // Each chunk is one sgemm of at least 5 rows (or all of them): the same sums as one
        // sgemm over the whole sequence, so the same numbers.
        let stepFloats = batch * width
        let fiveRows = (5 + batch - 1) / batch  // steps
        let chunk = Swift.min(time, Swift.max(Recurrent.projectionChunkFloats / Swift.max(1, stepFloats), fiveRows))
        let timeMajor = try withFloats(x) { xp -> [Float] in
            guard let xp else { return [] }
            return [Float](unsafeUninitializedCapacity: time * batch * features) { out, count in
                for t in 0..<time {
                    for b in 0..<batch {
                        let dst = out.baseAddress! + (t * batch + b) * features, src = xp + (b * time + t) * features
                        if let dropoutMask {
                            for i in 0..<features { dst[i] = src[i] * dropoutMask[b * features + i] }
                        } else {
                            dst.update(from: src, count: features)
                        }
                    }
                }
                count = time * batch * features
            }
        }
        trace?.input = timeMajor
        // Buffers for the whole call: the projected chunk, states [h; c], the step's new states,
        // the step's scratch.
        // (A last chunk of under 5 rows joins the one before: up to `fiveRows` steps more.)
        let chunkRows = Swift.min(time, chunk + fiveRows) * batch
        let projected = UnsafeMutablePointer<Float>.allocate(capacity: chunkRows * width)
        // With a mask, a chunk's kept rows are projected packed (see `keptRows`).
        let packedInput = mask == nil ? nil : UnsafeMutablePointer<Float>.allocate(capacity: chunkRows * features)
        let packedProjection = mask == nil ? nil : UnsafeMutablePointer<Float>.allocate(capacity: chunkRows * width)
        defer { packedInput?.deallocate(); packedProjection?.deallocate() }
        let state = UnsafeMutablePointer<Float>.allocate(capacity: stateCount * size)
        let next = UnsafeMutablePointer<Float>.allocate(capacity: stateCount * size)
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: batch * width + size)
        defer { projected.deallocate(); state.deallocate(); next.deallocate(); scratch.deallocate() }
        state.initialize(repeating: 0, count: stateCount * size)
        for (k, s) in initial.enumerated() { (state + k * size).update(from: s, count: size) }
        var lastOutput = [Float](repeating: 0, count: size)
        var sequence = [Float](repeating: 0, count: returnSequences ? batch * time * units : 0)
        let (kernel, bias) = (parameters[0], inputBias)
        var first = 0  // processing order: steps first..<first + count
        while first < time {
            var count = Swift.min(chunk, time - first)
            if (time - first - count) * batch < 5 { count = time - first }  // no chunk under 5 rows
            // The time steps of this chunk, as a range of t (reversed when going backwards).
            let t0 = goBackwards ? time - first - count : first
            let rows = t0 * batch ..< (t0 + count) * batch
            timeMajor.withUnsafeBufferPointer { xp in
                if let mask, let packedInput, let packedProjection,
                   let kept = keptRows(mask, rows: rows, batch: batch, time: time) {
                    // Masked steps' rows are not projected: their step's result is discarded.
                    // Kept rows get the same sums as in one sgemm over all rows; masked rows zeros.
                    for (i, r) in kept.enumerated() {
                        (packedInput + i * features).update(from: xp.baseAddress! + r * features, count: features)
                    }
                    affine(packedInput, rows: kept.count, inner: features, kernel, columns: width, bias: bias,
                           into: packedProjection)
                    var next = 0
                    for r in rows {
                        let dst = projected + (r - rows.lowerBound) * width
                        if next < kept.count && kept[next] == r {
                            dst.update(from: packedProjection + next * width, count: width)
                            next += 1
                        } else {
                            dst.update(repeating: 0, count: width)
                        }
                    }
                } else {
                    affine(xp.baseAddress.map { $0 + rows.lowerBound * features }, rows: rows.count, inner: features, kernel,
                           columns: width, bias: bias, into: projected)
                }
            }
            for s in first..<(first + count) {
                let t = goBackwards ? time - 1 - s : s
                if let trace {
                    for k in 0..<stateCount { (trace.previous[k] + t * size).update(from: state + k * size, count: size) }
                }
                step(projected + (t - t0) * stepFloats, rowStride: width, batch: batch,
                     state: state, next: next, scratch: scratch, gates: trace.map { $0.gates + t * batch * gateStore })
                for b in 0..<batch where mask.map({ $0[b * time + t] != 0 }) ?? true {
                    for k in 0..<stateCount {
                        (state + k * size + b * units).update(from: next + k * size + b * units, count: units)
                    }
                    for j in 0..<units { lastOutput[b * units + j] = next[b * units + j] }
                }
                if returnSequences {
                    for b in 0..<batch {
                        if zeroOutputForMask, let mask, mask[b * time + t] == 0 { continue }  // stays 0
                        let dst = (b * time + s) * units
                        for j in 0..<units { sequence[dst + j] = lastOutput[b * units + j] }
                    }
                }
            }
            first += count
        }
        let finalStates = (0..<stateCount).map { k in Array(UnsafeBufferPointer(start: state + k * size, count: size)) }
        return (sequence, lastOutput, finalStates)
    }

    /// The rows of `rows` (time-major, `t·batch + b`) whose step the mask keeps, ascending, when
    /// enough are masked (a sixteenth) to be worth leaving the others out of a matrix product
    /// (copying a kept row costs far less than a masked row's share of the product); else nil.
    func keptRows(_ mask: [Float], rows: Range<Int>, batch: Int, time: Int) -> [Int]? {
        var kept: [Int] = []
        kept.reserveCapacity(rows.count)
        for r in rows where mask[(r % batch) * time + r / batch] != 0 { kept.append(r) }
        return (rows.count - kept.count) * 16 >= rows.count ? kept : nil
    }

    /// The bias added to the input projection (all of it, or GRU's input half).
    var inputBias: [Float]? { parameters[2] }

    /// One time step for all rows: `x` points at batch row 0's projected input (rows `rowStride`
    /// apart); reads `state` (`[h; c]`, each `(batch, units)`), writes the new states to `next`
    /// (h first: it is also the step's output). `scratch` holds `batch·(gates + 1)·units`.
    /// In training, `gates` receives what `stepBackward` needs, `gateStore` floats per row.
    func step(_ x: UnsafePointer<Float>, rowStride: Int, batch: Int, state: UnsafePointer<Float>,
              next: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
              gates: UnsafeMutablePointer<Float>?) {
        fatalError("step")  // every subclass overrides it
    }

    // MARK: Training (RecurrentTraining.swift runs the passes; each layer gives its step's backward)

    /// Floats per batch row that `step` records in `gates` for `stepBackward`.
    var gateStore: Int { fatalError("gateStore") }  // every subclass overrides it

    /// Whether the recurrent kernel's pre-activation gradients differ from the input kernel's
    /// (GRU with `resetAfter`: the candidate's recurrent part is scaled by the reset gate).
    var separateRecurrentGradient: Bool { false }

    /// The backward of one step for all rows: `grad` holds d(states after the step) (`[h; c]`,
    /// h including the output's gradient) and receives d(states before it); `da` (and
    /// `daRecurrent`) receive the gradients of the pre-activations, `(batch, gates·units)`.
    /// Masked rows (`keep` false) leave `grad` as it is and `da` zero. `previous`: the states
    /// before the step; `gates`: what `step` recorded; `scratch`: `batch·units` floats.
    func stepBackward(batch: Int, keep: UnsafePointer<Bool>, gates: UnsafePointer<Float>, previous: [UnsafePointer<Float>],
                      weights: [[Float]], grad: UnsafeMutablePointer<Float>, da: UnsafeMutablePointer<Float>,
                      daRecurrent: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>) {
        fatalError("stepBackward")  // every subclass overrides it
    }

    /// grad.h += daRecurrent · recurrent kernelᵀ, for the first `columns` gate columns.
    func addRecurrentGradient(batch: Int, _ daRecurrent: UnsafePointer<Float>, _ weights: [[Float]],
                              columns: Int? = nil, into grad: UnsafeMutablePointer<Float>) {
        let width = gateCount * units
        weights[1].withUnsafeBufferPointer { r in
            BLAS.sgemm(transposeB: true, m: batch, n: units, k: columns ?? width, daRecurrent, lda: width,
                       r.baseAddress!, ldb: width, beta: 1, grad, ldc: units)
        }
    }

    /// d(kernel) = inputᵀ · da, d(recurrent kernel) = hᵀ · da, d(bias) = da's column sums (the
    /// layers whose recurrent side differs override it).
    func weightGradients(_ rows: TraceRows, features: Int) throws -> [Tensor] {
        let width = gateCount * units
        return [try kernelGradient(rows, features: features),
                try transposedProduct(rows.previous, rows.da, rows: rows.count, left: units, right: width),
                try tensor([width], columnSums(rows.da, rows: rows.count, columns: width))]
    }

    /// `recurrent(x)` / `recurrent(x, initialState: [h, c])`: the outputs in Keras's order.
    public func callAsFunction(_ x: Tensor, initialState: [Tensor] = []) throws -> [Tensor] {
        try apply([x], initialState: initialState)
    }
}
