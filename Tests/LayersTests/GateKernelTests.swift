// The recurrent gates' eight-lane kernels against the scalar ones they stand for.
import Foundation
import Testing
import Tensors
@testable import Layers

@Suite struct GateKernelTests {
    /// Inputs over the whole range the gates see, the clamp edges, and the odd values.
    static let inputs: [Float] = {
        var xs: [Float] = [0, -0, 1e-30, -1e-30, 43.6, -43.6, 44.2, -44.2, 87.3, -87.3, 88.3, -88.3, 100, -100,
                           .infinity, -.infinity, .nan, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        var x: Float = -100
        while x < 100 { xs.append(x); x += 0.000_731 * (1 + abs(x)) }
        while xs.count % 8 != 0 { xs.append(0.5) }
        return xs
    }()

    @Test func vectorGatesGiveTheScalarGatesBits() {
        let xs = Self.inputs
        var mismatches: [Float] = []
        for start in stride(from: 0, to: xs.count, by: 8) {
            let v = SIMD8<Float>(xs[start..<start + 8])
            let (e, s, t) = (gateExp(v), sigmoidScalar(v), gateTanh(v))
            for lane in 0..<8 {
                let x = xs[start + lane]
                let same = [(e[lane], gateExp(x)), (s[lane], sigmoidScalar(x)), (t[lane], gateTanh(x))].allSatisfy {
                    $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN)
                }
                if !same { mismatches.append(x) }
            }
        }
        #expect(mismatches.isEmpty, "vector and scalar gates differ at \(mismatches.prefix(10))")
        #expect(gateExp(SIMD8<Float>(repeating: .nan))[0].isNaN)
    }

    @Test func gruMatchesItsFormulasInDoubleForEveryUnitCount() throws {
        // 8 and 16 units run only vector lanes, 11 both, 3 only the scalar tail; Keras's
        // fixtures cover reset_after with 32 units, this covers both variants at every width.
        for units in [3, 8, 11, 16] {
            for resetAfter in [true, false] {
                let session = LayerSession(random: RandomGenerator(seed: 7))
                let gru = try GRU(units: units, returnSequences: true, resetAfter: resetAfter, session: session)
                let x = try Tensor(randomUniform: [2, 5, 4], lowerBound: -2, upperBound: 2, generator: &session.random)
                let out = try gru.apply([x])[0].scalars
                let reference = referenceGRU(gru, x.scalars, batch: 2, time: 5, features: 4)
                let worst = zip(out, reference).map { abs(Double($0) - $1) }.max() ?? .infinity
                #expect(out.count == reference.count && worst < 1e-5, "units \(units), resetAfter \(resetAfter): \(worst)")
            }
        }
    }

    /// Keras's GRU formulas in Double from the layer's own weights: gates z, r, ĥ in that order.
    func referenceGRU(_ gru: GRU, _ xs: [Float], batch: Int, time: Int, features: Int) -> [Double] {
        let (w, r, bias) = (gru.parameters[0].map(Double.init), gru.parameters[1].map(Double.init), gru.parameters[2].map(Double.init))
        let u = gru.units, width = 3 * u
        let (inputBias, recurrentBias) = gru.resetAfter ? (Array(bias[0..<width]), Array(bias[width...])) : (bias, [Double](repeating: 0, count: width))
        func sigmoid(_ v: Double) -> Double { 1 / (1 + exp(-v)) }
        var out = [Double](repeating: 0, count: batch * time * u)
        for b in 0..<batch {
            var h = [Double](repeating: 0, count: u)
            for t in 0..<time {
                let x = (0..<features).map { Double(xs[(b * time + t) * features + $0]) }
                func xw(_ col: Int) -> Double { (0..<features).reduce(inputBias[col]) { $0 + x[$1] * w[$1 * width + col] } }
                func hu(_ col: Int, _ state: [Double]) -> Double { (0..<u).reduce(recurrentBias[col]) { $0 + state[$1] * r[$1 * width + col] } }
                let z = (0..<u).map { sigmoid(xw($0) + hu($0, h)) }
                let reset = (0..<u).map { sigmoid(xw(u + $0) + hu(u + $0, h)) }
                let candidate: [Double] = gru.resetAfter
                    ? (0..<u).map { tanh(xw(2 * u + $0) + reset[$0] * hu(2 * u + $0, h)) }
                    : (0..<u).map { j in tanh(xw(2 * u + j) + hu(2 * u + j, (0..<u).map { reset[$0] * h[$0] })) }
                h = (0..<u).map { z[$0] * h[$0] + (1 - z[$0]) * candidate[$0] }
                for j in 0..<u { out[(b * time + t) * u + j] = h[j] }
            }
        }
        return out
    }
}
