// SimpleRNN: the plain recurrent layer, one tanh gate, as Keras's `SimpleRNN`.
import Foundation
import Tensors

/// `SimpleRNN(units:)`: h = tanh(x·W + h·U + b).
public final class SimpleRNN: Recurrent {
    public init(units: Int, returnSequences: Bool = false, returnState: Bool = false,
                goBackwards: Bool = false, dropout: Float = 0, session: LayerSession, name: String? = nil) throws {
        try super.init(units: units, returnSequences: returnSequences, returnState: returnState,
                       goBackwards: goBackwards, dropout: dropout, gateCount: 1, stateCount: 1,
                       session: session, baseName: "simple_rnn", className: "SimpleRNN", name: name)
    }

    override func copy(name: String, flippingDirection flip: Bool) throws -> Recurrent {
        try SimpleRNN(units: units, returnSequences: returnSequences, returnState: returnState,
                      goBackwards: flip ? !goBackwards : goBackwards, dropout: dropout, session: session, name: name)
    }

    override func step(_ x: UnsafePointer<Float>, rowStride: Int, batch: Int, state: UnsafePointer<Float>,
                       next: UnsafeMutablePointer<Float>, scratch z: UnsafeMutablePointer<Float>,
                       gates: UnsafeMutablePointer<Float>?) {
        let u = units
        parameters[1].withUnsafeBufferPointer { r in
            gemm(batch, u, u, state, lda: u, r.baseAddress!, ldb: u, z, ldc: u)
        }
        for b in 0..<batch {
            let xr = x + b * rowStride, zr = z + b * u
            for j in 0..<u { next[b * u + j] = gateTanh(xr[j] + zr[j]) }
        }
        gates?.update(from: next, count: batch * u)
    }

    /// The new h.
    override var gateStore: Int { units }

    /// da = d(h)·(1 − h²); d(h_prev) = da · Uᵀ.
    override func stepBackward(batch: Int, keep: UnsafePointer<Bool>, gates: UnsafePointer<Float>, previous: [UnsafePointer<Float>],
                               weights: [[Float]], grad: UnsafeMutablePointer<Float>, da: UnsafeMutablePointer<Float>,
                               daRecurrent: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>) {
        let u = units
        for b in 0..<batch where keep[b] {
            for j in 0..<u {
                let h = gates[b * u + j]
                da[b * u + j] = grad[b * u + j] * (1 - h * h)
                grad[b * u + j] = 0
            }
        }
        addRecurrentGradient(batch: batch, da, weights, into: grad)
    }
}
