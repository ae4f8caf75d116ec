// exp, tanh and sigmoid over contiguous float32 buffers, written branch-free so the optimiser
// vectorises the loops (libm's scalar expf/tanhf are 10-50x slower than NumPy's SIMD loops).
// Accuracy: within 2 ulp of the correctly rounded result over the float32 range (checked
// against NumPy in the operation fixtures), NaN propagates, overflow gives inf.

enum FastMath {
    static func exp(_ s: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { o[i] = expKernel(s[i]) }
    }

    /// o[i] = e^(s[i] - shift); `o` must not overlap `s` (an overlap check would make the
    /// optimiser fall back to scalar code).
    static func expShifted(_ s: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int, _ shift: Float) {
        for i in 0..<n { o[i] = expKernel(s[i] - shift) }
    }

    static func tanh(_ s: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { o[i] = tanhKernel(s[i]) }
    }

    static func sigmoid(_ s: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { o[i] = 1 / (1 + expKernel(-s[i])) }
    }
}

/// e^x: x = n ln2 + r with |r| <= ln2/2 (Cody–Waite split of ln2), e^r by a degree-6
/// polynomial (Cephes expf coefficients), times 2^n built in the exponent bits. n is formed in
/// two steps for large |x| so 2^n stays a normal float and results down to subnormals are right.
@inline(__always)
func expKernel(_ x: Float) -> Float {
    // Out-of-range x (and infinities) give garbage below, replaced by the two selects at the end.
    // Round to nearest with the 1.5·2^23 trick (SSE2 has no vector round).
    let magic: Float = 12_582_912
    let t = x * 1.442_695_04 + magic
    let n = t - magic
    // n as an integer straight from t's mantissa bits (no checked conversion in the loop).
    let ni = Int32(bitPattern: t.bitPattern &- magic.bitPattern)
    var r = x - n * 0.693_359_375
    r = r - n * -2.121_944_4e-4
    let r2 = r * r
    var p: Float = 1.987_569_15e-4
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_6e-2
    p = p * r + 1.666_666_55e-1
    p = p * r + 5.000_000_1e-1
    let er = p * r2 + r + 1
    // 2^n as two factors, each a normal float, so n down to -149 works.
    let half = ni &>> 1
    let s1 = Float(bitPattern: UInt32(bitPattern: (half &+ 127) &<< 23))
    let s2 = Float(bitPattern: UInt32(bitPattern: (ni &- half &+ 127) &<< 23))
    var y = er * s1 * s2
    y = x > 88.722_84 ? Float.infinity : y
    // NaN needs no test: it survives the clamp and every step after it.
    return x < -103.972_08 ? 0 : y
}

/// tanh x as a 13/6-degree rational function on x clamped to ±7.9053 (where float32 tanh
/// reaches ±1), the approximation TensorFlow's CPU kernels use (Eigen's fast tanh); exact
/// below |x| < 0.0004, where tanh x rounds to x.
@inline(__always)
func tanhKernel(_ x: Float) -> Float {
    let c = Swift.min(Swift.max(x, -7.905_311_107_635_498), 7.905_311_107_635_498)
    let x2 = c * c
    var p: Float = -2.760_768_477_423_55e-16
    p = p * x2 + 2.000_187_904_824_77e-13
    p = p * x2 - 8.604_671_522_137_35e-11
    p = p * x2 + 5.122_297_090_371_14e-08
    p = p * x2 + 1.485_722_357_179_79e-05
    p = p * x2 + 6.372_619_288_754_36e-04
    p = p * x2 + 4.893_524_558_917_86e-03
    p = p * c
    var q: Float = 1.198_258_394_667_02e-06
    q = q * x2 + 1.185_347_056_866_54e-04
    q = q * x2 + 2.268_434_632_439_00e-03
    q = q * x2 + 4.893_525_185_543_85e-03
    let y = p / q
    return Swift.abs(x) < 0.0004 || x.isNaN ? x : y
}
