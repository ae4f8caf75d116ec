// GRU: the gated recurrent unit, both of Keras's variants (`reset_after` true and false).
import Foundation
import Tensors

/// `GRU(units:resetAfter:)`: gates update z, reset r, candidate (in that order in every weight).
/// h = z·h + (1 − z)·ĥ. With `resetAfter` (Keras's default) the bias is `(2, 3·units)` (input
/// and recurrent halves) and ĥ = tanh(x·W + r·(h·U + b_r)); without it the bias is `(3·units)`
/// and ĥ = tanh(x·W + (r·h)·U).
public final class GRU: Recurrent {
    public let resetAfter: Bool

    public init(units: Int, returnSequences: Bool = false, returnState: Bool = false,
                goBackwards: Bool = false, dropout: Float = 0, resetAfter: Bool = true,
                session: LayerSession, name: String? = nil) throws {
        self.resetAfter = resetAfter
        try super.init(units: units, returnSequences: returnSequences, returnState: returnState,
                       goBackwards: goBackwards, dropout: dropout, gateCount: 3, stateCount: 1,
                       session: session, baseName: "gru", className: "GRU", name: name)
    }

    override func copy(name: String, flippingDirection flip: Bool) throws -> Recurrent {
        try GRU(units: units, returnSequences: returnSequences, returnState: returnState,
                goBackwards: flip ? !goBackwards : goBackwards, dropout: dropout, resetAfter: resetAfter, session: session, name: name)
    }

    override func addBias() throws {
        try addWeight(resetAfter ? [2, 3 * units] : [3 * units], .zeros)
    }

    override var inputBias: [Float]? { Array(parameters[2][0..<(3 * units)]) }

    override func step(_ x: UnsafePointer<Float>, rowStride: Int, batch: Int, state: UnsafePointer<Float>,
                       next: UnsafeMutablePointer<Float>, scratch z: UnsafeMutablePointer<Float>) {
        let u = units, w = 3 * units
        let h = state
        parameters[1].withUnsafeBufferPointer { r in
            // resetAfter: all three gates from h·U; otherwise update and reset only.
            gemm(batch, resetAfter ? w : 2 * u, u, h, lda: u, r.baseAddress!, ldb: w, z, ldc: w)
        }
        if resetAfter {
            // The recurrent bias joins h·U here (x·W has the input bias already).
            parameters[2].withUnsafeBufferPointer { bias in
                let br = bias.baseAddress! + w
                for b in 0..<batch { for j in 0..<w { z[b * w + j] += br[j] } }
            }
        } else {
            // ĥ's recurrent term is (r·h)·U_h: the reset gate first, then a second sgemm.
            let rh = z + batch * w
            for b in 0..<batch {
                for j in 0..<u {
                    rh[b * u + j] = sigmoidScalar(x[b * rowStride + u + j] + z[b * w + u + j]) * h[b * u + j]
                }
            }
            parameters[1].withUnsafeBufferPointer { r in
                gemm(batch, u, u, rh, lda: u, r.baseAddress! + 2 * u, ldb: w, z + 2 * u, ldc: w)
            }
        }
        for b in 0..<batch {
            let (xr, zr, hr, out) = (x + b * rowStride, z + b * w, h + b * u, next + b * u)
            // Eight units at a time (the same arithmetic as the scalar tail, lane by lane).
            var j = 0
            if resetAfter {
                while j + 8 <= u {
                    let update = sigmoidScalar(load8(xr + j) + load8(zr + j))
                    let reset = sigmoidScalar(load8(xr + u + j) + load8(zr + u + j))
                    let candidate = gateTanh(load8(xr + 2 * u + j) + reset * load8(zr + 2 * u + j))
                    store8(update * load8(hr + j) + (1 - update) * candidate, out + j)
                    j += 8
                }
            } else {
                while j + 8 <= u {
                    let update = sigmoidScalar(load8(xr + j) + load8(zr + j))
                    let candidate = gateTanh(load8(xr + 2 * u + j) + load8(zr + 2 * u + j))
                    store8(update * load8(hr + j) + (1 - update) * candidate, out + j)
                    j += 8
                }
            }
            for j in j..<u {
                let update = sigmoidScalar(xr[j] + zr[j])
                let candidate: Float
                if resetAfter {
                    let reset = sigmoidScalar(xr[u + j] + zr[u + j])
                    candidate = gateTanh(xr[2 * u + j] + reset * zr[2 * u + j])
                } else {
                    candidate = gateTanh(xr[2 * u + j] + zr[2 * u + j])
                }
                out[j] = update * hr[j] + (1 - update) * candidate
            }
        }
    }
}
