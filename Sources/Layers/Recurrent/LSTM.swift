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
                       next: UnsafeMutablePointer<Float>, scratch z: UnsafeMutablePointer<Float>,
                       gates: UnsafeMutablePointer<Float>?) {
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
                let tc = gateTanh(cNew)
                store8(cNew, cRow + j)
                store8(o * tc, hRow + j)
                if let gates {
                    let gr = gates + b * 5 * u + j
                    store8(i, gr); store8(f, gr + u); store8(g, gr + 2 * u); store8(o, gr + 3 * u); store8(tc, gr + 4 * u)
                }
                j += 8
            }
            for j in j..<u {
                let i = sigmoidScalar(xr[j] + zr[j])
                let f = sigmoidScalar(xr[u + j] + zr[u + j])
                let g = gateTanh(xr[2 * u + j] + zr[2 * u + j])
                let o = sigmoidScalar(xr[3 * u + j] + zr[3 * u + j])
                let cNew = f * c[b * u + j] + i * g
                let tc = gateTanh(cNew)
                cOut[b * u + j] = cNew
                hOut[b * u + j] = o * tc
                if let gates {
                    let gr = gates + b * 5 * u + j
                    (gr[0], gr[u], gr[2 * u], gr[3 * u], gr[4 * u]) = (i, f, g, o, tc)
                }
            }
        }
    }

    /// i, f, g, o, tanh(c) per unit.
    override var gateStore: Int { 5 * units }

    /// dc = d(c) + d(h)·o·(1 − tanh²c); the gates' pre-activations from dc and d(h); d(c_prev) = dc·f,
    /// d(h_prev) = da · Uᵀ.
    override func stepBackward(batch: Int, keep: UnsafePointer<Bool>, gates: UnsafePointer<Float>, previous: [UnsafePointer<Float>],
                               weights: [[Float]], grad: UnsafeMutablePointer<Float>, da: UnsafeMutablePointer<Float>,
                               daRecurrent: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>) {
        let u = units, w = 4 * units
        let (gh, gc, cPrev) = (grad, grad + batch * u, previous[1])
        for b in 0..<batch where keep[b] {
            let gr = gates + b * 5 * u, d = da + b * w
            var j = 0
            while j + 8 <= u {  // eight units at a time, the same arithmetic as the scalar tail
                let (i, f, g) = (load8(gr + j), load8(gr + u + j), load8(gr + 2 * u + j))
                let (o, tc) = (load8(gr + 3 * u + j), load8(gr + 4 * u + j))
                let dh = load8(gh + b * u + j)
                let dc = load8(gc + b * u + j) + dh * o * (1 - tc * tc)
                store8(dc * g * i * (1 - i), d + j)
                store8(dc * load8(cPrev + b * u + j) * f * (1 - f), d + u + j)
                store8(dc * i * (1 - g * g), d + 2 * u + j)
                store8(dh * tc * o * (1 - o), d + 3 * u + j)
                store8(dc * f, gc + b * u + j)
                store8(SIMD8(repeating: 0), gh + b * u + j)
                j += 8
            }
            for j in j..<u {
                let (i, f, g, o, tc) = (gr[j], gr[u + j], gr[2 * u + j], gr[3 * u + j], gr[4 * u + j])
                let dh = gh[b * u + j]
                let dc = gc[b * u + j] + dh * o * (1 - tc * tc)
                d[j] = dc * g * i * (1 - i)
                d[u + j] = dc * cPrev[b * u + j] * f * (1 - f)
                d[2 * u + j] = dc * i * (1 - g * g)
                d[3 * u + j] = dh * tc * o * (1 - o)
                gc[b * u + j] = dc * f
                gh[b * u + j] = 0
            }
        }
        addRecurrentGradient(batch: batch, da, weights, into: gh)
    }
}
