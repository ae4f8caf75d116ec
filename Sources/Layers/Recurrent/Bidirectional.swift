// Bidirectional: a recurrent layer run forwards and backwards, outputs merged, as Keras does.
import Tensors

/// How `Bidirectional` combines the two directions' outputs.
public enum MergeMode: String, CaseIterable, Sendable {
    case concat, sum, mul, ave, none
}

/// `Bidirectional(rnn, mergeMode:)`. Keras makes two copies of `rnn`: `forward_<name>` and
/// `backward_<name>` (the latter with `goBackwards` flipped); the backward output sequence is
/// reversed back to input order before merging. Returns `[output]` (two outputs with
/// `.none`), then with `returnState` the forward states and the backward states:
/// `(output, forwardH, forwardC, backwardH, backwardC)` for LSTM.
/// Weights: the forward layer's, then the backward layer's.
public final class Bidirectional: Layer {
    public let forwardLayer: Recurrent
    public let backwardLayer: Recurrent
    public let mergeMode: MergeMode

    public init(_ layer: Recurrent, mergeMode: MergeMode = .concat, session: LayerSession,
                name: String? = nil) throws {
        self.forwardLayer = try layer.copy(name: "forward_\(layer.name)", flippingDirection: false)
        self.backwardLayer = try layer.copy(name: "backward_\(layer.name)", flippingDirection: true)
        self.mergeMode = mergeMode
        // Keras: masked steps of either direction's sequence are zeros before merging.
        forwardLayer.zeroOutputForMask = layer.returnSequences
        backwardLayer.zeroOutputForMask = layer.returnSequences
        super.init(session: session, baseName: "bidirectional", className: "Bidirectional", name: name)
    }

    public override var takesMask: Bool { true }
    public override var acceptsInitialState: Bool { true }
    public override var returnsList: Bool { forwardLayer.returnState || mergeMode == .none }

    public override func build(_ inputShapes: [TensorShape]) throws {
        try forwardLayer.build(inputShapes)
        try backwardLayer.build(inputShapes)
    }

    public override var weights: [Tensor] {
        get throws { try forwardLayer.weights + backwardLayer.weights }
    }
    public override var weightNames: [String] {
        forwardLayer.weightNames.map { "forward_" + $0 } + backwardLayer.weightNames.map { "backward_" + $0 }
    }
    /// While gradients are taken: one tape node over both directions' fused passes.
    public override func trainingForward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor],
                                         weights: [Tensor]) throws -> [Tensor] {
        try recordedRecurrentCall(self, inputs, masks: masks, states: states, weights: weights)
    }
    public override var weightShapes: [[Int]] { forwardLayer.weightShapes + backwardLayer.weightShapes }
    public override var parameterCount: Int { forwardLayer.parameterCount + backwardLayer.parameterCount }
    public override var isBuilt: Bool { forwardLayer.isBuilt }

    public override func setWeights(_ newWeights: [Tensor]) throws {
        try checkWeights(newWeights, expected: weightShapes)
        let half = forwardLayer.weightShapes.count
        try forwardLayer.setWeights(Array(newWeights[..<half]))
        try backwardLayer.setWeights(Array(newWeights[half...]))
    }

    /// Initial states: the forward layer's, then the backward layer's.
    func splitStates(_ states: [Tensor]) throws -> ([Tensor], [Tensor]) {
        let n = forwardLayer.stateCount
        guard states.isEmpty || states.count == 2 * n else {
            throw layerError("\(name): Bidirectional takes \(2 * n) initial states (forward, then backward), got \(states.count)")
        }
        return states.isEmpty ? ([], []) : (Array(states[..<n]), Array(states[n...]))
    }

    public override func outputSpecs(_ inputs: [Tensor], states: [Tensor]) throws -> [(TensorShape, DType)] {
        let (fs, bs) = try splitStates(states)
        let specs = try forwardLayer.outputSpecs(inputs, states: fs)
        _ = try backwardLayer.outputSpecs(inputs, states: bs)
        var output = specs[0]
        if mergeMode == .concat {
            var d = output.0.dimensions
            d[d.count - 1] = 2 * forwardLayer.units
            output.0 = TensorShape(d)
        }
        let outputs = mergeMode == .none ? [specs[0], specs[0]] : [output]
        let states = Array(specs.dropFirst())
        return outputs + states + states
    }

    public override func outputMasks(_ inputs: [Tensor], masks: [Tensor?], outputCount: Int) throws -> [Tensor?] {
        let mask = forwardLayer.returnSequences ? masks[0] : nil
        let outputs = mergeMode == .none ? 2 : 1
        return Array(repeating: mask, count: outputs) + Array(repeating: nil, count: outputCount - outputs)
    }

    public override func forward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor]) throws -> [Tensor] {
        let (fs, bs) = try splitStates(states)
        var (fw, bw) = try concurrently({ try forwardLayer.forward(inputs, masks: masks, states: fs) },
                                        { try backwardLayer.forward(inputs, masks: masks, states: bs) })
        if forwardLayer.returnSequences { bw[0] = try reversedInTime(bw[0]) }
        return try merge(fw[0], bw[0]) + fw.dropFirst() + bw.dropFirst()
    }

    /// The merged output(s) of the two directions' outputs (the backward one in input order).
    func merge(_ fw: Tensor, _ bw: Tensor) throws -> [Tensor] {
        switch mergeMode {
        case .concat: return [try Tensor(concatenating: [fw, bw], alongAxis: -1)]
        case .sum: return [try fw + bw]
        case .mul: return [try fw * bw]
        case .ave: return [try (fw + bw) / 2]
        case .none: return [fw, bw]
        }
    }

    /// `(batch, time, units)` with the time axis reversed.
    func reversedInTime(_ x: Tensor) throws -> Tensor {
        let d = dims(x)
        let (batch, time, units) = (d[0], d[1], d[2])
        let v = floats(x)
        var out = [Float](repeating: 0, count: v.count)
        for b in 0..<batch {
            for t in 0..<time {
                let src = (b * time + t) * units, dst = (b * time + time - 1 - t) * units
                for j in 0..<units { out[dst + j] = v[src + j] }
            }
        }
        return try tensor(d, out)
    }

    /// `bidirectional(x)` / `bidirectional(x, initialState: [...])`: the outputs in Keras's order.
    public func callAsFunction(_ x: Tensor, initialState: [Tensor] = []) throws -> [Tensor] {
        try apply([x], initialState: initialState)
    }
}

extension Bidirectional: RecurrentTraining {
    /// Both directions' training passes, at the same time (the forward layer's dropout mask is
    /// drawn first), merged as `forward` merges them.
    public func trainingForward(_ x: Tensor, mask: Tensor?, initialStates: [Tensor], training: Bool,
                                generator: inout RandomGenerator) throws -> (outputs: [Tensor], trace: RecurrentTrace) {
        let (fs, bs) = try splitStates(initialStates)
        let specs = try outputSpecs([x], states: initialStates)
        if !isBuilt { try build([x.shape]) }
        let d = dims(x)
        if let mask, dims(mask) != [d[0], d[1]] {
            throw layerError("\(name): the mask \(mask.shape) does not match the input's (batch, time) (\(d[0]), \(d[1]))")
        }
        for layer in [forwardLayer, backwardLayer] {
            try checkAllocation([d[1], d[0], layer.gateStore + layer.stateCount * layer.units], layer: layer.name)
        }
        let forwardDropout = forwardLayer.dropoutMask(batch: d[0], features: d[2], training: training, generator: &generator)
        let backwardDropout = backwardLayer.dropoutMask(batch: d[0], features: d[2], training: training, generator: &generator)
        let ((fw, forwardTrace), (bwOutputs, backwardTrace)) = try concurrently(
            { try forwardLayer.trainingForward(x, mask: mask, initialStates: fs, dropoutMask: forwardDropout) },
            { try backwardLayer.trainingForward(x, mask: mask, initialStates: bs, dropoutMask: backwardDropout) })
        var bw = bwOutputs
        if forwardLayer.returnSequences { bw[0] = try reversedInTime(bw[0]) }
        let trace = RecurrentTrace(layer: self, outputShapes: specs.map { $0.0.dimensions.map { $0 ?? 0 } },
                                   directions: (forwardTrace, backwardTrace, fw[0], bw[0]))
        return (try merge(fw[0], bw[0]) + fw.dropFirst() + bw.dropFirst(), trace)
    }

    /// The merged output's gradient split between the directions (concat: by halves; sum: to
    /// both; ave: half to each; mul: times the other direction's output), each direction's
    /// backward, then the input's gradients added.
    public func backward(_ trace: RecurrentTrace, outputGradients: [Tensor?]) throws
        -> (input: Tensor, initialStates: [Tensor], weights: [Tensor]) {
        try trace.check(self, outputGradients)
        guard let (forwardTrace, backwardTrace, fwOutput, bwOutput) = trace.directions else {
            throw layerError("\(name): backward was given a trace without the two directions")
        }
        let merged = mergeMode == .none ? 2 : 1
        var (gf, gb): (Tensor?, Tensor?)
        switch mergeMode {
        case .none: (gf, gb) = (outputGradients[0], outputGradients[1])
        case .concat:
            if let g = outputGradients[0] { (gf, gb) = try halves(g) }
        case .sum: (gf, gb) = (outputGradients[0], outputGradients[0])
        case .ave:
            if let g = outputGradients[0] { let half = try g / 2; (gf, gb) = (half, half) }
        case .mul:
            if let g = outputGradients[0] { (gf, gb) = (try g * bwOutput, try g * fwOutput) }
        }
        if forwardLayer.returnSequences, let g = gb { gb = try reversedInTime(g) }
        let n = forwardLayer.returnState ? forwardLayer.stateCount : 0
        let fwStates = Array(outputGradients[merged..<(merged + n)]), bwStates = Array(outputGradients[(merged + n)...])
        let (f, b) = try concurrently({ try forwardLayer.backward(forwardTrace, outputGradients: [gf] + fwStates) },
                                      { try backwardLayer.backward(backwardTrace, outputGradients: [gb] + bwStates) })
        return (try f.input + b.input, f.initialStates + b.initialStates, f.weights + b.weights)
    }

    /// The two halves of the last axis of `(…, 2·units)`.
    private func halves(_ g: Tensor) throws -> (Tensor, Tensor) {
        let d = dims(g), v = floats(g)
        let width = d[d.count - 1], half = width / 2, rows = v.count / Swift.max(width, 1)
        var (a, b) = ([Float](), [Float]())
        a.reserveCapacity(rows * half)
        b.reserveCapacity(rows * half)
        for r in 0..<rows {
            a.append(contentsOf: v[(r * width)..<(r * width + half)])
            b.append(contentsOf: v[(r * width + half)..<((r + 1) * width)])
        }
        let shape = Array(d.dropLast()) + [half]
        return (try tensor(shape, a), try tensor(shape, b))
    }
}
