// Softmax and log-softmax along an axis, computed as TensorFlow does:
// exp(x - max) times the reciprocal of its sum.
import Foundation

/// Softmax along the last axis.
public func softmax(_ x: Tensor) throws -> Tensor {
    try softmax(x, alongAxis: -1)
}

/// Softmax along `axis`: every slice along it sums to 1.
public func softmax(_ x: Tensor, alongAxis axis: Int) throws -> Tensor {
    let y = try softmaxLike(x, axis: axis, operation: "softmax", log: false)
    guard Tape.tracked(x) else { return y }
    // dx = y · (g − Σ g·y along the axis).
    return y.recorded(x) { g in [try y * (g - (g * y).sum(alongAxes: axis))] }
}

/// log(softmax(x)) along the last axis, computed stably.
public func logSoftmax(_ x: Tensor) throws -> Tensor {
    try logSoftmax(x, alongAxis: -1)
}

public func logSoftmax(_ x: Tensor, alongAxis axis: Int) throws -> Tensor {
    let y = try softmaxLike(x, axis: axis, operation: "logSoftmax", log: true)
    guard Tape.tracked(x) else { return y }
    // dx = g − softmax(x) · Σ g along the axis.
    return y.recorded(x) { g in [try g - exp(y) * g.sum(alongAxes: axis)] }
}

private func softmaxLike(_ x: Tensor, axis: Int, operation: String, log: Bool) throws -> Tensor {
    guard x.dtype == .float32 else {
        throw TensorError("\(operation): needs a float32 tensor, got int32 of shape \(x.shape)")
    }
    guard x.rank > 0 else { throw TensorError("\(operation): needs rank 1 or more, got shape \(x.shape)") }
    let a = try normalizedAxis(axis, rank: x.rank, operation: operation)
    if x.isSymbolic { return Tensor(symbolicShape: x.shape, dtype: .float32) }
    let d = x.dims
    let outer = d[..<a].reduce(1, *), length = d[a], inner = d[(a + 1)...].reduce(1, *)
    let src = UnsafePointer(x.buffer!.floats)
    return try Tensor.float32(d) { out, count in
        guard count > 0 else { return }
        if inner == 1 {
            Parallel.chunks(outer, costPerElement: length * 6) { r in
                for o in r { softmaxRow(src + o * length, out + o * length, length, log: log) }
            }
        } else {
            // Strided slices: gather each into a row, reuse the row kernel, scatter back.
            Parallel.chunks(outer * inner, costPerElement: length * 6) { r in
                var tmpIn = [Float](repeating: 0, count: length), tmpOut = tmpIn
                for idx in r {
                    let o = idx / inner, i = idx % inner
                    let base = o * length * inner + i
                    for j in 0..<length { tmpIn[j] = src[base + j * inner] }
                    tmpIn.withUnsafeBufferPointer { pin in
                        tmpOut.withUnsafeMutableBufferPointer { pout in
                            softmaxRow(pin.baseAddress!, pout.baseAddress!, length, log: log)
                        }
                    }
                    for j in 0..<length { out[base + j * inner] = tmpOut[j] }
                }
            }
        }
    }
}

/// Softmax (or log-softmax) of one contiguous row of `n` values.
@inline(__always)
private func softmaxRow(_ s: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int, log: Bool) {
    let m = rowMax(s, n)
    FastMath.expShifted(s, o, n, m)
    if log {
        let l = Foundation.log(pairwiseSum(o, n, 1))
        for j in 0..<n { o[j] = s[j] - m - l }
    } else {
        let r = 1 / pairwiseSum(o, n, 1)
        for j in 0..<n { o[j] *= r }
    }
}

/// The largest of `n` values, with 8 independent lanes so it vectorises. NaNs are skipped: a
/// NaN in the row makes every output NaN through the sum anyway, as in TensorFlow.
@inline(__always)
private func rowMax(_ s: UnsafePointer<Float>, _ n: Int) -> Float {
    var m0 = -Float.infinity, m1 = m0, m2 = m0, m3 = m0, m4 = m0, m5 = m0, m6 = m0, m7 = m0
    var j = 0
    while j + 8 <= n {
        m0 = s[j] > m0 ? s[j] : m0; m1 = s[j + 1] > m1 ? s[j + 1] : m1
        m2 = s[j + 2] > m2 ? s[j + 2] : m2; m3 = s[j + 3] > m3 ? s[j + 3] : m3
        m4 = s[j + 4] > m4 ? s[j + 4] : m4; m5 = s[j + 5] > m5 ? s[j + 5] : m5
        m6 = s[j + 6] > m6 ? s[j + 6] : m6; m7 = s[j + 7] > m7 ? s[j + 7] : m7
        j += 8
    }
    var m = Swift.max(Swift.max(Swift.max(m0, m1), Swift.max(m2, m3)), Swift.max(Swift.max(m4, m5), Swift.max(m6, m7)))
    while j < n { m = s[j] > m ? s[j] : m; j += 1 }
    return m
}
