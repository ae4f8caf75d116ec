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
    private func splitStates(_ states: [Tensor]) throws -> ([Tensor], [Tensor]) {
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
        let fw = try forwardLayer.forward(inputs, masks: masks, states: fs)
        var bw = try backwardLayer.forward(inputs, masks: masks, states: bs)
        if forwardLayer.returnSequences { bw[0] = try reversedInTime(bw[0]) }
        let merged: [Tensor]
        switch mergeMode {
        case .concat: merged = [try Tensor(concatenating: [fw[0], bw[0]], alongAxis: -1)]
        case .sum: merged = [try fw[0] + bw[0]]
        case .mul: merged = [try fw[0] * bw[0]]
        case .ave: merged = [try (fw[0] + bw[0]) / 2]
        case .none: merged = [fw[0], bw[0]]
        }
        return merged + fw.dropFirst() + bw.dropFirst()
    }

    /// `(batch, time, units)` with the time axis reversed.
    private func reversedInTime(_ x: Tensor) throws -> Tensor {
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
