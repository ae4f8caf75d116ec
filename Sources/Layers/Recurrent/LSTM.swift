// LSTM: the long short-term memory layer with Keras's gate order and formulas.
import Foundation
import Tensors

/// `LSTM(units:)`: gates input, forget, cell, output (in that order in every weight);
/// c = f·c + i·tanh(g), h = o·tanh(c); the forget-gate bias starts at 1 (`unit_forget_bias`).
public final class LSTM: Recurrent {
    public init(units: Int, returnSequences: Bool = false, returnState: Bool = false,
                goBackwards: Bool = false, dropout: Float = 0, session: LayerSession, name: String? = nil) throws {
        try super.init(units: units, returnSequences: returnSequences, returnState: returnState,
                       goBackwards: goBackwards, dropout: dropout, gateCount: 4, stateCount: 2,
                       session: session, baseName: "lstm", className: "LSTM", name: name)
    }

    override func copy(name: String, flippingDirection flip: Bool) throws -> Recurrent {
        try LSTM(units: units, returnSequences: returnSequences, returnState: returnState,
                 goBackwards: flip ? !goBackwards : goBackwards, dropout: dropout, session: session, name: name)
    }

    override func addBias() throws { try addWeight([4 * units], .lstmBias(units: units)) }

    override func step(_ x: UnsafePointer<Float>, rowStride: Int, batch: Int, state: UnsafePointer<Float>,
                       next: UnsafeMutablePointer<Float>, scratch z: UnsafeMutablePointer<Float>) {
        let u = units, w = 4 * units
        parameters[1].withUnsafeBufferPointer { r in
            gemm(batch, w, u, state, lda: u, r.baseAddress!, ldb: w, z, ldc: w)
        }
        let c = state + batch * u
        let (hOut, cOut) = (next, next + batch * u)
        for b in 0..<batch {
            let xr = x + b * rowStride, zr = z + b * w
            let (cr, hRow, cRow) = (c + b * u, hOut + b * u, cOut + b * u)
            var j = 0
            while j + 8 <= u {  // eight units at a time, the same arithmetic as the scalar tail
                let i = sigmoidScalar(load8(xr + j) + load8(zr + j))
                let f = sigmoidScalar(load8(xr + u + j) + load8(zr + u + j))
                let g = gateTanh(load8(xr + 2 * u + j) + load8(zr + 2 * u + j))
                let o = sigmoidScalar(load8(xr + 3 * u + j) + load8(zr + 3 * u + j))
                let cNew = f * load8(cr + j) + i * g
                store8(cNew, cRow + j)
                store8(o * gateTanh(cNew), hRow + j)
                j += 8
            }
            for j in j..<u {
                let i = sigmoidScalar(xr[j] + zr[j])
                let f = sigmoidScalar(xr[u + j] + zr[u + j])
                let g = gateTanh(xr[2 * u + j] + zr[2 * u + j])
                let o = sigmoidScalar(xr[3 * u + j] + zr[3 * u + j])
                let cNew = f * c[b * u + j] + i * g
                cOut[b * u + j] = cNew
                hOut[b * u + j] = o * gateTanh(cNew)
            }
        }
    }
}
