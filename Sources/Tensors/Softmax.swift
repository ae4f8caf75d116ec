// Softmax and log-softmax along an axis, computed as TensorFlow does:
// exp(x - max) times the reciprocal of its sum.
import Foundation

/// Softmax along the last axis.
public func softmax(_ x: Tensor) throws -> Tensor {
    try softmax(x, alongAxis: -1)
}

/// Softmax along `axis`: every slice along it sums to 1.
public func softmax(_ x: Tensor, alongAxis axis: Int) throws -> Tensor {
    try softmaxLike(x, axis: axis, operation: "softmax", log: false)
}

/// log(softmax(x)) along the last axis, computed stably.
public func logSoftmax(_ x: Tensor) throws -> Tensor {
    try logSoftmax(x, alongAxis: -1)
}

public func logSoftmax(_ x: Tensor, alongAxis axis: Int) throws -> Tensor {
    try softmaxLike(x, axis: axis, operation: "logSoftmax", log: true)
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
    var m = -Float.infinity
    for j in 0..<n { m = Swift.max(m, s[j]) }
    if m.isNaN || s[0].isNaN {
        for j in 0..<n where s[j].isNaN { m = .nan }
    }
    for j in 0..<n { o[j] = s[j] - m }
    if log {
        var sum: Float = 0
        let e = UnsafeMutablePointer<Float>.allocate(capacity: n)
        defer { e.deallocate() }
        FastMath.exp(UnsafePointer(o), e, n)
        for j in 0..<n { sum += e[j] }
        let l = Foundation.log(sum)
        for j in 0..<n { o[j] -= l }
    } else {
        FastMath.exp(UnsafePointer(o), o, n)
        var sum: Float = 0
        for j in 0..<n { sum += o[j] }
        let r = 1 / sum
        for j in 0..<n { o[j] *= r }
    }
}
