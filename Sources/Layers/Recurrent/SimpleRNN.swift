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
                       next: UnsafeMutablePointer<Float>, scratch z: UnsafeMutablePointer<Float>) {
        let u = units
        parameters[1].withUnsafeBufferPointer { r in
            gemm(batch, u, u, state, lda: u, r.baseAddress!, ldb: u, z, ldc: u)
        }
        for b in 0..<batch {
            let xr = x + b * rowStride, zr = z + b * u
            for j in 0..<u { next[b * u + j] = gateTanh(xr[j] + zr[j]) }
        }
    }
}
