// The recurrent layers' fused training passes against TensorFlow's GradientTape: fixtures from
// scripts/fixtures/keras_recurrent_gradients.py (Fixtures/Gradients/), one case per layer and
// option (sequences, states in the loss, initial states, goBackwards, masks at the front and the
// back, Bidirectional with each merge mode). Input dropout is checked against its definition.
import Foundation
import Testing
import Tensors
@testable import Layers

enum GradientFixtures {
    static let manifest: [String: Any] = {
        let data = try! Data(contentsOf: Fixtures.folder.appendingPathComponent("Gradients/manifest.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()
    static var cases: [[String: Any]] { manifest["cases"] as! [[String: Any]] }
    static var caseNames: [String] { cases.map { $0["name"] as! String } }
    static func named(_ name: String) -> [String: Any] { cases.first { $0["name"] as! String == name }! }
    static func npy(_ file: String) throws -> Tensor { try Fixtures.npy("Gradients/" + file) }
    static func npys(_ entry: [String: Any], _ key: String) throws -> [Tensor] {
        try (entry[key] as! [String]).map(npy)
    }
}

/// max |a − b| / max |b| (absolute when b is all zeros).
func relativeError(_ a: Tensor, _ b: Tensor) -> Float {
    let scale = b.scalars.reduce(0) { max($0, abs($1)) }
    return maxDifference(a, b) / (scale > 0 ? scale : 1)
}

@Suite struct RecurrentGradientTests {
    @Test("matches GradientTape", arguments: GradientFixtures.caseNames)
    func matchesGradientTape(_ name: String) throws {
        let entry = GradientFixtures.named(name)
        let session = testSession()
        let layer = try Fixtures.makeLayer(entry["type"] as! String, entry["config"] as! [String: Any], session: session)
        let x = try GradientFixtures.npy(entry["input"] as! String)
        let mask = try (entry["mask"] as? String).map(GradientFixtures.npy)
        let states = try GradientFixtures.npys(entry, "states")
        _ = try layer.apply([x], initialState: states)  // builds
        try layer.setWeights(try GradientFixtures.npys(entry, "weights"))
        let trainable = layer as! any RecurrentTraining
        var generator = RandomGenerator(seed: 3)
        let (outputs, trace) = try trainable.trainingForward(x, mask: mask, initialStates: states, training: true,
                                                             generator: &generator)
        // The training pass gives the inference pass's numbers, bit for bit.
        let masked = try mask.map { try Tensor(shape: dims($0), scalars: $0.scalars) }
        let inference = try layer.forward([x], masks: [masked], states: states)
        #expect(outputs.map(\.scalars) == inference.map(\.scalars))
        let expected = try GradientFixtures.npys(entry, "outputs")
        #expect(outputs.count == expected.count)
        for (k, (o, e)) in zip(outputs, expected).enumerated() {
            #expect(dims(o) == dims(e), "output \(k)")
            #expect(maxDifference(o, e) < 1e-5, "output \(k)")
        }
        let gradients = try trainable.backward(trace, outputGradients: try GradientFixtures.npys(entry, "outputGradients"))
        let dx = try GradientFixtures.npy(entry["inputGradient"] as! String)
        #expect(dims(gradients.input) == dims(dx))
        #expect(relativeError(gradients.input, dx) <= 1e-4, "input: \(relativeError(gradients.input, dx))")
        let ds = try GradientFixtures.npys(entry, "stateGradients")
        #expect(gradients.initialStates.count == ds.count)
        for (k, (g, e)) in zip(gradients.initialStates, ds).enumerated() {
            #expect(relativeError(g, e) <= 1e-4, "initial state \(k): \(relativeError(g, e))")
        }
        let dw = try GradientFixtures.npys(entry, "weightGradients")
        #expect(gradients.weights.count == dw.count)
        for (i, (g, e)) in zip(gradients.weights, dw).enumerated() {
            #expect(dims(g) == dims(e), "weight \(i)")
            #expect(relativeError(g, e) <= 1e-4, "weight \(i): \(relativeError(g, e))")
        }
    }

    /// Keras 3's recurrent input dropout: one (batch, features) mask per call, shared by every step
    /// and gate, values 0 or 1/(1 − rate); training only. The outputs are those of the layer on
    /// x·mask, and d(x) is the mask times the gradient at x·mask.
    @Test(arguments: ["LSTM", "GRU", "SimpleRNN", "Bidirectional"])
    func inputDropoutAppliesOneMaskToEveryStep(_ kind: String) throws {
        let session = testSession()
        let (batch, time, features, units) = (6, 5, 40, 4)
        let layer: any RecurrentTraining
        switch kind {
        case "LSTM": layer = try LSTM(units: units, returnSequences: true, returnState: true, dropout: 0.5, session: session)
        case "GRU": layer = try GRU(units: units, returnSequences: true, dropout: 0.25, session: session)
        case "SimpleRNN": layer = try SimpleRNN(units: units, goBackwards: true, dropout: 0.5, session: session)
        default: layer = try Bidirectional(try LSTM(units: units, returnSequences: true, dropout: 0.5, session: session),
                                           mergeMode: .sum, session: session)
        }
        var generator = RandomGenerator(seed: 11)
        let x = try Tensor(randomUniform: [batch, time, features], lowerBound: -1, upperBound: 1, generator: &generator)
        _ = try layer.apply([x])
        // Inference: no dropout, nothing drawn.
        let before = generator
        let (plain, _) = try layer.trainingForward(x, mask: nil, initialStates: [], training: false, generator: &generator)
        var (probe, untouched) = (generator, before)
        #expect(probe.nextWord() == untouched.nextWord())
        #expect(plain.map(\.scalars) == (try layer.apply([x])).map(\.scalars))

        let (outputs, trace) = try layer.trainingForward(x, mask: nil, initialStates: [], training: true, generator: &generator)
        let traces = trace.directions.map { [$0.forward, $0.backward] } ?? [trace]
        let masks = traces.map { $0.dropoutMask! }
        let rate: Float = kind == "GRU" ? 0.25 : 0.5
        for m in masks {
            #expect(m.count == batch * features)
            #expect(m.allSatisfy { $0 == 0 || $0 == 1 / (1 - rate) })
            let dropped = Float(m.filter { $0 == 0 }.count) / Float(m.count)
            #expect(abs(dropped - rate) < 0.15, "dropped \(dropped)")
        }
        if masks.count == 2 { #expect(masks[0] != masks[1], "each direction draws its own mask") }
        // The same numbers as running each direction on x·mask (the mask repeated over time).
        func droppedInput(_ m: [Float]) throws -> Tensor {
            let v = x.scalars
            return try Tensor(shape: [batch, time, features], scalars: v.indices.map { i in
                v[i] * m[(i / (time * features)) * features + i % features]
            })
        }
        let directions = (layer as? Bidirectional).map { [$0.forwardLayer, $0.backwardLayer] } ?? [layer as! Recurrent]
        var expectedOutputs: [[Tensor]] = []
        var expectedInput = [Float](repeating: 0, count: batch * time * features)
        let gradientsOfOutputs = try outputs.map { o in
            try Tensor(randomUniform: dims(o), lowerBound: -1, upperBound: 1, generator: &generator)
        }
        for (direction, m) in zip(directions, masks) {
            var unused = RandomGenerator(seed: 0)
            let (o, t) = try direction.trainingForward(try droppedInput(m), mask: nil, initialStates: [], training: false,
                                                       generator: &unused)
            expectedOutputs.append(o)
            // Bidirectional(sum) passes the merged gradient to both directions (the backward one
            // in its own time order); a single layer takes the gradients as they are.
            var g: [Tensor?] = Array(gradientsOfOutputs.prefix(o.count))
            if let bi = layer as? Bidirectional, direction === bi.backwardLayer {
                g[0] = try bi.reversedInTime(gradientsOfOutputs[0])
            }
            let dx = try direction.backward(t, outputGradients: g).input.scalars
            for i in dx.indices { expectedInput[i] += dx[i] * m[(i / (time * features)) * features + i % features] }
        }
        if layer is Bidirectional {
            let bi = layer as! Bidirectional
            let merged = try expectedOutputs[0][0] + bi.reversedInTime(expectedOutputs[1][0])
            #expect(outputs[0].scalars == merged.scalars)
        } else {
            #expect(outputs.map(\.scalars) == expectedOutputs[0].map(\.scalars))
        }
        let dx = try layer.backward(trace, outputGradients: gradientsOfOutputs).input.scalars
        #expect(zip(dx, expectedInput).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($1)) })
        // A second call draws a new mask; the same seed draws the same one.
        let (_, again) = try layer.trainingForward(x, mask: nil, initialStates: [], training: true, generator: &generator)
        #expect((again.directions?.forward ?? again).dropoutMask! != masks[0])
        var replay = RandomGenerator(seed: 11)
        _ = try Tensor(randomUniform: [batch, time, features], lowerBound: -1, upperBound: 1, generator: &replay)
        _ = try layer.trainingForward(x, mask: nil, initialStates: [], training: false, generator: &replay)
        let (_, same) = try layer.trainingForward(x, mask: nil, initialStates: [], training: true, generator: &replay)
        #expect((same.directions?.forward ?? same).dropoutMask! == masks[0])
    }

    @Test func backwardRejectsAnotherLayersTraceAndMisshapenGradients() throws {
        let session = testSession()
        let a = try LSTM(units: 3, returnState: true, session: session), b = try LSTM(units: 3, session: session)
        let x = try Tensor(shape: [2, 4, 5], scalars: (0..<40).map { Float($0) / 40 })
        var generator = RandomGenerator(seed: 1)
        _ = try a.apply([x]); _ = try b.apply([x])
        let (_, trace) = try a.trainingForward(x, mask: nil, initialStates: [], training: true, generator: &generator)
        #expect(throws: TensorError.self) { _ = try b.backward(trace, outputGradients: [nil]) }
        #expect(throws: TensorError.self) { _ = try a.backward(trace, outputGradients: [nil]) }
        let wrong = try Tensor(shape: [2, 4], scalars: Array(repeating: 1, count: 8))
        do {
            _ = try a.backward(trace, outputGradients: [wrong, nil, nil])
            Issue.record("a gradient of the wrong shape was accepted")
        } catch {
            #expect("\(error)".contains("(2, 4)") && "\(error)".contains("(2, 3)"), "\(error)")
        }
        // No gradients at all: zeros everywhere.
        let zero = try a.backward(trace, outputGradients: [nil, nil, nil])
        #expect(zero.input.scalars.allSatisfy { $0 == 0 } && zero.weights.allSatisfy { $0.scalars.allSatisfy { $0 == 0 } })
        #expect(zero.initialStates.isEmpty)
    }
}
