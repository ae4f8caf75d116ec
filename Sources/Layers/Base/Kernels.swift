// The numeric building blocks of the layers: one sgemm wrapper and the activations, on raw
// row-major Float buffers (the tensor engine's matmul allocates tensors; the recurrent layers
// reuse their buffers across time steps instead).
import CBLAS
import Foundation

/// c[m×n] = a[m×k] · b[k×n] (+ c when `accumulate`), row-major with leading dimensions.
@inline(__always)
func gemm(_ m: Int, _ n: Int, _ k: Int,
          _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
          _ c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool = false) {
    if m == 0 || n == 0 { return }
    if k == 0 {
        if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
        return
    }
    if m == 1 {
        // One row (a batch of 1, the seed's encoder): a matrix-vector product streams b once,
        // where sgemm would first pack it.
        cblas_sgemv(CblasRowMajor, CblasTrans, Int32(k), Int32(n), 1, b, Int32(ldb), a, 1,
                    accumulate ? 1 : 0, c, 1)
        return
    }
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                1, a, Int32(lda), b, Int32(ldb), accumulate ? 1 : 0, c, Int32(ldc))
}

/// out[m×n] += x[m×k] · w[k×n] for up to 4 rows (a decoder step's batch): streams w once, row by
/// row, adding into the output rows (kept in cache), the columns split over the cores. sgemm
/// packs all of w first, which for a (512, 30000) vocabulary projection costs more than the sums.
func skinnyProduct(_ m: Int, _ n: Int, _ k: Int, _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
                   _ out: UnsafeMutablePointer<Float>) {
    let parts = min(ProcessInfo.processInfo.activeProcessorCount, max(1, n / 2048))
    DispatchQueue.concurrentPerform(iterations: parts) { part in
        let lo = n * part / parts, hi = n * (part + 1) / parts
        var i = 0
        while i + 4 <= k {  // four kernel rows per pass over the output rows
            let (w0, w1, w2, w3) = (w + i * n, w + (i + 1) * n, w + (i + 2) * n, w + (i + 3) * n)
            for r in 0..<m {
                let xr = x + r * k + i, o = out + r * n
                let (a0, a1, a2, a3) = (xr[0], xr[1], xr[2], xr[3])
                for j in lo..<hi { o[j] += a0 * w0[j] + a1 * w1[j] + a2 * w2[j] + a3 * w3[j] }
            }
            i += 4
        }
        for i in i..<k {
            let row = w + i * n
            for r in 0..<m {
                let a = x[r * k + i], o = out + r * n
                for j in lo..<hi { o[j] += a * row[j] }
            }
        }
    }
}

/// out[m×n] = x[m×k] · w[k×n] + bias (broadcast over rows), as one sgemm; `out` uninitialised.
func affine(_ x: UnsafePointer<Float>?, rows m: Int, inner k: Int, _ w: [Float], columns n: Int,
            bias: [Float]?, into out: UnsafeMutablePointer<Float>) {
    guard m > 0, n > 0 else { return }
    for i in 0..<m {
        if let bias { (out + i * n).update(from: bias, count: n) } else { (out + i * n).update(repeating: 0, count: n) }
    }
    guard k > 0, let x else { return }  // no features: only the bias
    w.withUnsafeBufferPointer { wp in
        if m > 1, m <= 4, n >= 4096 {
            skinnyProduct(m, n, k, x, wp.baseAddress!, out)
        } else {
            gemm(m, n, k, x, lda: k, wp.baseAddress!, ldb: n, out, ldc: n, accumulate: true)
        }
    }
}

/// exp(x) for the recurrent gates, without a libm call so the gate loops vectorise: Cody–Waite
/// range reduction to r in [−ln2/2, ln2/2] and Cephes's degree-6 polynomial, then the 2^k
/// scale built in the exponent bits. Relative error about 2e-7 (float32 rounding is 6e-8);
/// inputs are clamped to [−87.3, 88.3], where float32 exp neither overflows nor goes subnormal.
@inline(__always)
func gateExp(_ x: Float) -> Float {
    let x = Swift.min(Swift.max(x, -87.3), 88.3)
    // Round x/ln2 to the nearest integer by adding and subtracting 1.5·2^23.
    let k = (x * 1.442_695_04 + 12_582_912) - 12_582_912
    let r = x - k * 0.693_359_375 + k * 2.121_944_4e-4
    var p: Float = 1.987_569_15e-4
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 1.666_666_55e-1
    p = p * r + 5.000_000_12e-1
    let y = p * r * r + r + 1
    return y * Float(bitPattern: UInt32(bitPattern: (Int32(k) + 127) << 23))
}

@inline(__always) func sigmoidScalar(_ x: Float) -> Float { 1 / (1 + gateExp(-x)) }

/// tanh(x) = 1 − 2 / (exp(2x) + 1): absolute error about 2e-7, saturating to ±1.
@inline(__always) func gateTanh(_ x: Float) -> Float { 1 - 2 / (gateExp(2 * x) + 1) }

/// Keras's activations for `Dense(activation:)` and the recurrent layers.
public enum Activation: String, CaseIterable, Sendable {
    case linear, relu, sigmoid, tanh, softmax

    /// Applies the activation in place to `count` values in rows of `rowLength` (softmax: per row).
    func apply(_ p: UnsafeMutablePointer<Float>, count: Int, rowLength: Int) {
        switch self {
        case .linear: return
        case .relu: for i in 0..<count { p[i] = Swift.max(p[i], 0) }
        case .sigmoid: for i in 0..<count { p[i] = sigmoidScalar(p[i]) }
        case .tanh: for i in 0..<count { p[i] = tanhf(p[i]) }
        case .softmax:
            guard rowLength > 0 else { return }
            for row in stride(from: 0, to: count, by: rowLength) {
                softmaxRow(p + row, rowLength, stride: 1)
            }
        }
    }
}

/// Numerically stable softmax of `n` values `stride` apart, in place.
func softmaxRow(_ p: UnsafeMutablePointer<Float>, _ n: Int, stride: Int) {
    var top = -Float.infinity
    for i in 0..<n { top = Swift.max(top, p[i * stride]) }
    var total: Float = 0
    for i in 0..<n {
        let e = expf(p[i * stride] - top)
        p[i * stride] = e
        total += e
    }
    for i in 0..<n { p[i * stride] /= total }
}
