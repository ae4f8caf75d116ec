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
                       next: UnsafeMutablePointer<Float>, scratch z: UnsafeMutablePointer<Float>,
                       gates: UnsafeMutablePointer<Float>?) {
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
                    let reset = sigmoidScalar(x[b * rowStride + u + j] + z[b * w + u + j])
                    rh[b * u + j] = reset * h[b * u + j]
                    gates?[b * gateStore + u + j] = reset
                }
            }
            parameters[1].withUnsafeBufferPointer { r in
                gemm(batch, u, u, rh, lda: u, r.baseAddress! + 2 * u, ldb: w, z + 2 * u, ldc: w)
            }
        }
        for b in 0..<batch {
            let (xr, zr, hr, out) = (x + b * rowStride, z + b * w, h + b * u, next + b * u)
            let gr = gates.map { $0 + b * gateStore }  // update, reset, candidate (, h·U_h + b_h)
            // Eight units at a time (the same arithmetic as the scalar tail, lane by lane).
            var j = 0
            if resetAfter {
                while j + 8 <= u {
                    let update = sigmoidScalar(load8(xr + j) + load8(zr + j))
                    let reset = sigmoidScalar(load8(xr + u + j) + load8(zr + u + j))
                    let candidate = gateTanh(load8(xr + 2 * u + j) + reset * load8(zr + 2 * u + j))
                    store8(update * load8(hr + j) + (1 - update) * candidate, out + j)
                    if let gr {
                        store8(update, gr + j); store8(reset, gr + u + j); store8(candidate, gr + 2 * u + j)
                        store8(load8(zr + 2 * u + j), gr + 3 * u + j)
                    }
                    j += 8
                }
            } else {
                while j + 8 <= u {
                    let update = sigmoidScalar(load8(xr + j) + load8(zr + j))
                    let candidate = gateTanh(load8(xr + 2 * u + j) + load8(zr + 2 * u + j))
                    store8(update * load8(hr + j) + (1 - update) * candidate, out + j)
                    if let gr { store8(update, gr + j); store8(candidate, gr + 2 * u + j) }
                    j += 8
                }
            }
            for j in j..<u {
                let update = sigmoidScalar(xr[j] + zr[j])
                let candidate: Float
                if resetAfter {
                    let reset = sigmoidScalar(xr[u + j] + zr[u + j])
                    candidate = gateTanh(xr[2 * u + j] + reset * zr[2 * u + j])
                    if let gr { (gr[u + j], gr[3 * u + j]) = (reset, zr[2 * u + j]) }
                } else {
                    candidate = gateTanh(xr[2 * u + j] + zr[2 * u + j])
                }
                out[j] = update * hr[j] + (1 - update) * candidate
                if let gr { (gr[j], gr[2 * u + j]) = (update, candidate) }
            }
        }
    }

    /// Update, reset, candidate, and with `resetAfter` the candidate's recurrent part h·U_h + b_h.
    override var gateStore: Int { (resetAfter ? 4 : 3) * units }

    override var separateRecurrentGradient: Bool { resetAfter }

    /// h = z·h_prev + (1 − z)·ĥ: d(z) = d(h)·(h_prev − ĥ), d(ĥ) = d(h)·(1 − z), d(h_prev) = d(h)·z +
    /// (recurrent terms). With `resetAfter` the candidate's recurrent part gets d(ĥ's
    /// pre-activation)·r; without it, d(r·h_prev) = d(ĥ's pre-activation) · U_hᵀ first.
    override func stepBackward(batch: Int, keep: UnsafePointer<Bool>, gates: UnsafePointer<Float>, previous: [UnsafePointer<Float>],
                               weights: [[Float]], grad: UnsafeMutablePointer<Float>, da: UnsafeMutablePointer<Float>,
                               daRecurrent: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>) {
        let u = units, w = 3 * units, store = gateStore
        let hp = previous[0]
        for b in 0..<batch where keep[b] {
            let gr = gates + b * store, d = da + b * w, dr = daRecurrent + b * w
            for j in 0..<u {
                let (z, r, candidate) = (gr[j], gr[u + j], gr[2 * u + j])
                let dh = grad[b * u + j]
                let dCandidate = dh * (1 - z) * (1 - candidate * candidate)
                d[j] = dh * (hp[b * u + j] - candidate) * z * (1 - z)
                d[2 * u + j] = dCandidate
                if resetAfter {
                    let q = gr[3 * u + j]
                    d[u + j] = dCandidate * q * r * (1 - r)
                    (dr[j], dr[u + j], dr[2 * u + j]) = (d[j], d[u + j], dCandidate * r)
                }
                grad[b * u + j] = dh * z
            }
        }
        if resetAfter {
            addRecurrentGradient(batch: batch, daRecurrent, weights, into: grad)
            return
        }
        // d(r·h_prev) into scratch, then the reset gate's and h_prev's shares.
        weights[1].withUnsafeBufferPointer { r in
            BLAS.sgemm(transposeB: true, m: batch, n: u, k: u, da + 2 * u, lda: w, r.baseAddress! + 2 * u, ldb: w,
                       scratch, ldc: u)
        }
        for b in 0..<batch where keep[b] {
            let gr = gates + b * store
            for j in 0..<u {
                let r = gr[u + j], drh = scratch[b * u + j]
                da[b * w + u + j] = drh * hp[b * u + j] * r * (1 - r)
                grad[b * u + j] += drh * r
            }
        }
        addRecurrentGradient(batch: batch, da, weights, columns: 2 * u, into: grad)
    }

    /// resetAfter: d(U) = h_prevᵀ · daRecurrent, d(bias) = (column sums of da, of daRecurrent).
    /// Otherwise d(U) = h_prevᵀ · da for update and reset, (r·h_prev)ᵀ · da for the candidate.
    override func weightGradients(_ rows: TraceRows, features: Int) throws -> [Tensor] {
        let u = units, w = 3 * units, count = rows.count
        let kernel = try kernelGradient(rows, features: features)
        if resetAfter {
            return [kernel, try transposedProduct(rows.previous, rows.daRecurrent, rows: count, left: u, right: w),
                    try tensor([2, w], columnSums(rows.da, rows: count, columns: w) + columnSums(rows.daRecurrent, rows: count, columns: w))]
        }
        var recurrent = [Float](repeating: 0, count: u * w)
        if count > 0 {
            let (hp, gates, da, store) = (rows.previous, rows.gates, rows.da, gateStore)
            let rh = UnsafeMutablePointer<Float>.allocate(capacity: count * u)
            defer { rh.deallocate() }
            for row in 0..<count { for j in 0..<u { rh[row * u + j] = gates[row * store + u + j] * hp[row * u + j] } }
            recurrent.withUnsafeMutableBufferPointer { out in
                BLAS.sgemm(transposeA: true, m: u, n: 2 * u, k: count, hp, lda: u, da, ldb: w, out.baseAddress!, ldc: w)
                BLAS.sgemm(transposeA: true, m: u, n: u, k: count, rh, lda: u, da + 2 * u, ldb: w, out.baseAddress! + 2 * u, ldc: w)
            }
        }
        return [kernel, try tensor([u, w], recurrent), try tensor([w], columnSums(rows.da, rows: count, columns: w))]
    }
}
