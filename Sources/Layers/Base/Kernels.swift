// The numeric building blocks of the layers: one sgemm wrapper and the activations, on raw
// row-major Float buffers (the tensor engine's matmul allocates tensors; the recurrent layers
// reuse their buffers across time steps instead).
import Tensors
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
        BLAS.sgemv(transpose: true, m: k, n: n, b, lda: ldb, a, beta: accumulate ? 1 : 0, c)
        return
    }
    BLAS.sgemm(m: m, n: n, k: k, a, lda: lda, b, ldb: ldb, beta: accumulate ? 1 : 0, c, ldc: ldc)
}

/// out[m×n] += x[m×k] · w[k×n] for up to 4 rows (a decoder step's batch): streams w once, row by
/// row, adding into the output rows (kept in cache), the columns split over the cores. sgemm
/// packs all of w first, which for a (512, 30000) vocabulary projection costs more than the sums.
func skinnyProduct(_ m: Int, _ n: Int, _ k: Int, _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
                   _ out: UnsafeMutablePointer<Float>) {
    skinnyProduct(m, n, k, x, out) { _, rows, columns in (w + rows.lowerBound * n + columns.lowerBound, n) }
}

/// `skinnyProduct` with w's rows drawn as they are needed from a `DeferredUniform` (its rows
/// are w's rows), four at a time and only the columns of each core's share: the same sums in
/// the same order, so the same bits, without w ever being stored (a (512, 30000) kernel is 61 MB
/// of fresh pages).
func skinnyProduct(_ m: Int, _ n: Int, _ k: Int, _ x: UnsafePointer<Float>, drawing w: DeferredUniform,
                   _ out: UnsafeMutablePointer<Float>) {
    let parts = skinnyParts(n)
    let width = (n + parts - 1) / parts
    let buffers = UnsafeMutablePointer<Float>.allocate(capacity: parts * 4 * width)
    defer { buffers.deallocate() }
    skinnyProduct(m, n, k, x, out) { part, rows, columns in
        let buffer = buffers + part * 4 * width
        for (slot, row) in rows.enumerated() { w.draw(row: row, columns: columns, into: buffer + slot * width) }
        return (UnsafePointer(buffer), width)
    }
}

private func skinnyParts(_ n: Int) -> Int { min(skinnyCores, max(1, n / 2048)) }
/// The cores, or NBRUN_TENSOR_THREADS when set, as for the tensor engine's splits (watch mode's
/// workers set it to 1 so that they never start dispatch threads: see Runner/Checkpoints.swift).
private let skinnyCores: Int = {
    if let v = ProcessInfo.processInfo.environment["NBRUN_TENSOR_THREADS"], let n = Int(v), n > 0 { return n }
    return ProcessInfo.processInfo.activeProcessorCount
}()

/// The loop of both: `rowsOf(part, rows, columns)` gives w's rows `rows` (up to four),
/// restricted to `columns` (core `part`'s share), as a pointer to the first and the distance
/// between rows.
@inline(__always)
private func skinnyProduct(_ m: Int, _ n: Int, _ k: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>,
                           _ rowsOf: (Int, Range<Int>, Range<Int>) -> (UnsafePointer<Float>, Int)) {
    let parts = skinnyParts(n)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
        let lo = n * part / parts, hi = n * (part + 1) / parts
        var i = 0
        while i + 4 <= k {  // four kernel rows per pass over the output rows
            let (w0, stride) = rowsOf(part, i..<(i + 4), lo..<hi)
            let (w1, w2, w3) = (w0 + stride, w0 + 2 * stride, w0 + 3 * stride)
            for r in 0..<m {
                let xr = x + r * k + i, o = out + r * n + lo
                let (a0, a1, a2, a3) = (xr[0], xr[1], xr[2], xr[3])
                for j in 0..<(hi - lo) { o[j] += a0 * w0[j] + a1 * w1[j] + a2 * w2[j] + a3 * w3[j] }
            }
            i += 4
        }
        for i in i..<k {
            let (row, _) = rowsOf(part, i..<(i + 1), lo..<hi)
            for r in 0..<m {
                let a = x[r * k + i], o = out + r * n + lo
                for j in 0..<(hi - lo) { o[j] += a * row[j] }
            }
        }
    }
}

/// `affine` with w drawn as it is used, for the m rows `skinnyProduct` takes (`usesSkinnyProduct`).
func affine(_ x: UnsafePointer<Float>, rows m: Int, inner k: Int, drawing w: DeferredUniform, columns n: Int,
            bias: [Float]?, into out: UnsafeMutablePointer<Float>) {
    precondition(usesSkinnyProduct(m, n) && w.rows == k && w.columns == n, "affine(drawing:) is skinnyProduct's case")
    for i in 0..<m {
        if let bias { (out + i * n).update(from: bias, count: n) } else { (out + i * n).update(repeating: 0, count: n) }
    }
    skinnyProduct(m, n, k, x, drawing: w, out)
}

/// Whether `affine` multiplies m rows by n columns with `skinnyProduct` (else one sgemm).
func usesSkinnyProduct(_ m: Int, _ n: Int) -> Bool { m > 1 && m <= 4 && n >= 4096 }

/// out[m×n] = x[m×k] · w[k×n] + bias (broadcast over rows), as one sgemm; `out` uninitialised.
func affine(_ x: UnsafePointer<Float>?, rows m: Int, inner k: Int, _ w: [Float], columns n: Int,
            bias: [Float]?, into out: UnsafeMutablePointer<Float>) {
    guard m > 0, n > 0 else { return }
    for i in 0..<m {
        if let bias { (out + i * n).update(from: bias, count: n) } else { (out + i * n).update(repeating: 0, count: n) }
    }
    guard k > 0, let x else { return }  // no features: only the bias
    w.withUnsafeBufferPointer { wp in
        if usesSkinnyProduct(m, n) {
            skinnyProduct(m, n, k, x, wp.baseAddress!, out)
        } else {
            gemm(m, n, k, x, lda: k, wp.baseAddress!, ldb: n, out, ldc: n, accumulate: true)
        }
    }
}

/// `gateExp` for one value: lane 0 of the eight-lane kernel below, so one definition gives every
/// gate its bits whether it runs in a vector loop or a scalar tail.
@inline(__always) func gateExp(_ x: Float) -> Float { gateExp(SIMD8(repeating: x))[0] }

@inline(__always) func sigmoidScalar(_ x: Float) -> Float { 1 / (1 + gateExp(-x)) }

/// tanh(x) = 1 − 2 / (exp(2x) + 1): absolute error about 2e-7, saturating to ±1.
@inline(__always) func gateTanh(_ x: Float) -> Float { 1 - 2 / (gateExp(2 * x) + 1) }

/// exp(x) for the recurrent gates, eight lanes at a time, without a libm call: Cody–Waite range
/// reduction to r in [−ln2/2, ln2/2] and Cephes's degree-6 polynomial, then the 2^k scale built
/// in the exponent bits. Relative error about 2e-7 (float32 rounding is 6e-8); inputs are clamped
/// to [−87.3, 88.3], where float32 exp neither overflows nor goes subnormal; NaN gives NaN.
@inline(__always)
func gateExp(_ v: SIMD8<Float>) -> SIMD8<Float> {
    var x = v.replacing(with: -87.3, where: v .< -87.3)
    x = x.replacing(with: 88.3, where: x .> 88.3)
    // Round x/ln2 to the nearest integer by adding and subtracting 1.5·2^23.
    let shifted = x * 1.442_695_04 + 12_582_912
    let k = shifted - 12_582_912
    let r = x - k * 0.693_359_375 + k * 2.121_944_4e-4
    var p = SIMD8<Float>(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 1.666_666_55e-1
    p = p * r + 5.000_000_12e-1
    let y = p * r * r + r + 1
    // 2^k's bits from `shifted`, exactly the integer 1.5·2^23 + k (no float-to-integer
    // conversion, which would trap on NaN).
    let bits = unsafeBitCast(shifted, to: SIMD8<UInt32>.self) &- 0x4B40_0000 &+ 127
    return y * unsafeBitCast(bits &<< 23, to: SIMD8<Float>.self)
}

@inline(__always) func sigmoidScalar(_ x: SIMD8<Float>) -> SIMD8<Float> { 1 / (1 + gateExp(-x)) }
@inline(__always) func gateTanh(_ x: SIMD8<Float>) -> SIMD8<Float> { 1 - 2 / (gateExp(2 * x) + 1) }

/// Eight floats from `p`, and back.
@inline(__always) func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
}
@inline(__always) func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
}

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
