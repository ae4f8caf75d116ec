// Every layer and option against Keras's outputs for the same weights and inputs (1e-5).
import Foundation
import Testing
import Tensors
@testable import Layers

@Suite struct ParityTests {
    /// Builds the case's layers, sets Keras's weights, runs the inputs through them in order.
    static func run(_ name: String, session: LayerSession) throws -> (outputs: [Tensor], expected: [Tensor]) {
        let entry = Fixtures.named(name)
        let specs = entry["layers"] as! [[String: Any]]
        let layers = try specs.map { try Fixtures.makeLayer($0["type"] as! String, $0["config"] as! [String: Any], session: session) }
        let inputs = try (entry["inputs"] as! [String]).map(Fixtures.npy)
        let states = try (entry["states"] as! [String]).map(Fixtures.npy)
        func forward() throws -> [Tensor] {
            var values = inputs
            for (j, layer) in layers.enumerated() {
                values = try layer.apply(j == 0 ? values : [values[0]], initialState: j == layers.count - 1 ? states : [])
            }
            return values
        }
        _ = try forward()  // builds the layers
        for (layer, spec) in zip(layers, specs) {
            try layer.setWeights((spec["weights"] as! [String]).map(Fixtures.npy))
        }
        return (try forward(), try (entry["outputs"] as! [String]).map(Fixtures.npy))
    }

    @Test("matches Keras", arguments: Fixtures.caseNames)
    func matchesKeras(_ name: String) throws {
        let (outputs, expected) = try Self.run(name, session: testSession())
        #expect(outputs.count == expected.count)
        for (i, (out, want)) in zip(outputs, expected).enumerated() {
            #expect(out.shape == want.shape, "\(name) output \(i)")
            let diff = maxDifference(out, want)
            #expect(diff <= 1e-5, "\(name) output \(i): max difference \(diff)")
        }
    }

    @Test func weightsComeBackInKerasOrderAndLayout() throws {
        let session = testSession()
        for name in ["lstm_last", "gru_last", "gru_reset_before_last", "bidirectional_lstm_concat", "embedding"] {
            let entry = Fixtures.named(name)
            let spec = (entry["layers"] as! [[String: Any]])[0]
            let layer = try Fixtures.makeLayer(spec["type"] as! String, spec["config"] as! [String: Any], session: session)
            _ = try layer.apply(try (entry["inputs"] as! [String]).map(Fixtures.npy))
            let keras = try (spec["weights"] as! [String]).map(Fixtures.npy)
            #expect(try layer.weights.map(\.shape) == keras.map(\.shape), "\(name)")
            try layer.setWeights(keras)
            let back = try layer.weights
            #expect(zip(back, keras).allSatisfy { maxDifference($0, $1) == 0 }, "\(name)")
            #expect(layer.parameterCount == keras.reduce(0) { $0 + $1.scalarCount })
        }
    }
}

@Suite struct MaskedSoftmaxTests {
    @Test func softmaxHonoursAMaskAsKeras3() throws {
        let spec = Fixtures.manifest["maskedSoftmax"] as! [String: String]
        let x = try Fixtures.npy(spec["input"]!), mask = try Fixtures.npy(spec["mask"]!)
        let out = try Softmax(session: testSession())(withMask(x, mask))
        #expect(maxDifference(out, try Fixtures.npy(spec["output"]!)) <= 1e-6)
    }
}

@Suite struct GateMathTests {
    @Test func gateExpAndTanhMatchLibm() {
        var worstExp: Float = 0, worstTanh: Float = 0
        for i in -20000...20000 {
            let x = Float(i) * 0.0045  // -90 ... 90
            if abs(x) < 87 { worstExp = max(worstExp, abs(gateExp(x) - expf(x)) / expf(x)) }
            worstTanh = max(worstTanh, abs(gateTanh(x) - tanhf(x)))
        }
        #expect(worstExp < 5e-7)
        #expect(worstTanh < 5e-7)
        #expect(gateExp(-200) >= 0 && gateExp(200).isFinite && sigmoidScalar(-200) < 1e-30 && sigmoidScalar(200) == 1)
    }
}

@Suite struct KernelTests {
    @Test func fewRowProductMatchesSgemm() throws {
        var generator = RandomGenerator(seed: 3)
        let (m, n, k) = (3, 5001, 70)
        let x = try Tensor(randomUniform: [m, k], lowerBound: -1, upperBound: 1, generator: &generator).scalars
        let w = try Tensor(randomUniform: [k, n], lowerBound: -1, upperBound: 1, generator: &generator).scalars
        var viaSgemm = [Float](repeating: 0, count: m * n), viaRows = viaSgemm
        gemm(m, n, k, x, lda: k, w, ldb: n, &viaSgemm, ldc: n)
        skinnyProduct(m, n, k, x, w, &viaRows)
        #expect(zip(viaSgemm, viaRows).allSatisfy { abs($0 - $1) <= 1e-5 })
    }
}
