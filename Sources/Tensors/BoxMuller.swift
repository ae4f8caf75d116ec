// Box–Muller normals eight pairs at a time, in Double, without libm: the documented formula
// (RandomGenerator.swift) computed with fdlibm's kernels, whose results agree with libm's within
// double rounding, so the floats the normals round to are libm's but for a rare tie.
extension RandomGenerator {
    /// Box–Muller on eight pairs of words: z0 = r·cos(2π·u2), z1 = r·sin(2π·u2), r = √(−2 ln u1),
    /// with u1 = ((w1 >> 8) + 1)·2^-24 in (0, 1] and u2 = (w2 >> 8)·2^-24.
    @inline(__always)
    static func normalPairs(_ w1: SIMD8<UInt32>, _ w2: SIMD8<UInt32>) -> (SIMD8<Double>, SIMD8<Double>) {
        let u1 = (exactDouble(w1 &>> 8) + 1) * 0x1p-24
        let r = (-2 * logUnit(u1)).squareRoot()
        let (c, s) = turnCosSin(w2 &>> 8)
        return (r * c, r * s)
    }

    /// ln(x) for x in (0, 1] (no zero, infinity or NaN): fdlibm's e_log.c. x = 2^k·m with m in
    /// [√2/2, √2); f = m − 1, s = f/(2 + f), and ln(1 + f) = 2s + a polynomial in s²; error
    /// below one ulp.
    @inline(__always)
    static func logUnit(_ x: SIMD8<Double>) -> SIMD8<Double> {
        // fdlibm's split in integer arithmetic (no lane masks, which Swift's SIMD leaves as
        // scalar loops): adding 1 − 0x3fe6a09e to the high word carries mantissas above √2
        // into the next exponent, so m lands in [0x3fe6a09e…, 0x3ff6a09e…) ≈ [0.7071, 1.4142).
        let bits = unsafeBitCast(x, to: SIMD8<UInt64>.self)
        let shifted = bits &+ ((0x3FF0_0000 - 0x3FE6_A09E) << 32)
        let k = exactDouble(SIMD8<Int64>(truncatingIfNeeded: shifted &>> 52) &- 1023)
        let m = unsafeBitCast((((shifted &>> 32) & 0x000F_FFFF) &+ 0x3FE6_A09E) &<< 32 | (bits & 0xFFFF_FFFF),
                              to: SIMD8<Double>.self)
        let f = m - 1
        let s = f / (2 + f)
        let z = s * s, w = z * z
        var t1 = SIMD8<Double>(repeating: 1.531_383_769_920_937_332e-01)
        t1 = t1 * w + 2.222_219_843_214_978_396e-01
        t1 = (t1 * w + 3.999_999_999_940_941_908e-01) * w
        var t2 = SIMD8<Double>(repeating: 1.479_819_860_511_658_591e-01)
        t2 = t2 * w + 1.818_357_216_161_805_012e-01
        t2 = t2 * w + 2.857_142_874_366_239_149e-01
        t2 = (t2 * w + 6.666_666_666_666_735_130e-01) * z
        let hfsq = 0.5 * f * f
        let tail: SIMD8<Double> = s * (hfsq + (t1 + t2)) + k * 1.908_214_929_270_587_700_02e-10
        return k * 6.931_471_803_691_238_164_90e-01 - ((hfsq - tail) - f)
    }

    /// cos and sin of 2π·j/2^24 for j in [0, 2^24). u2 = j/2^24 is a fraction of a turn, so the
    /// reduction to a quarter turn is exact integer arithmetic: the nearest quarter (j's top
    /// bits) and the rest, an angle x in [−π/4, π/4), where fdlibm's kernel polynomials (k_sin.c,
    /// k_cos.c) hold to within a few double ulps. Checked against libm (RandomTests): within
    /// 8e-16, libm's own argument 2π·u2 being rounded by up to 4e-16.
    @inline(__always)
    static func turnCosSin(_ j: SIMD8<UInt32>) -> (cos: SIMD8<Double>, sin: SIMD8<Double>) {
        let quarter = (j &+ (1 << 21)) &>> 22                 // 0...4 quarter turns (4: a whole turn)
        let rest = SIMD8<Int64>(truncatingIfNeeded: SIMD8<Int32>(truncatingIfNeeded: j &- (quarter &<< 22)))
        let x = exactDouble(rest) * (2 * Double.pi * 0x1p-24)  // rest in [−2^21, 2^21)
        let z = x * x
        var sinTail = SIMD8<Double>(repeating: 1.589_690_995_211_550_102_21e-10)
        sinTail = sinTail * z - 2.505_076_025_340_686_341_95e-08
        sinTail = sinTail * z + 2.755_731_370_707_006_767_89e-06
        sinTail = sinTail * z - 1.984_126_982_985_794_931_34e-04
        sinTail = sinTail * z + 8.333_333_333_322_489_461_24e-03
        sinTail = sinTail * z - 1.666_666_666_666_663_243_48e-01
        var cosTail = SIMD8<Double>(repeating: -1.135_964_755_778_819_482_65e-11)
        cosTail = cosTail * z + 2.087_572_321_298_174_827_90e-09
        cosTail = cosTail * z - 2.755_731_435_139_066_330_35e-07
        cosTail = cosTail * z + 2.480_158_728_947_672_941_78e-05
        cosTail = cosTail * z - 1.388_888_888_887_410_957_49e-03
        cosTail = cosTail * z + 4.166_666_666_666_660_190_37e-02
        let s = x + z * x * sinTail
        let c = 1 - (0.5 * z - z * z * cosTail)
        // Quarter q turns (c, s) into (c, s), (−s, c), (−c, −s), (s, −c): a swap when q is odd,
        // then sign flips, as bit operations.
        let q = SIMD8<UInt64>(truncatingIfNeeded: quarter & 3)
        let swap = 0 &- (q & 1)                                   // all ones when q is odd
        let (cb, sb) = (unsafeBitCast(c, to: SIMD8<UInt64>.self), unsafeBitCast(s, to: SIMD8<UInt64>.self))
        let cosine = (sb & swap) | (cb & ~swap), sine = (cb & swap) | (sb & ~swap)
        let cosSign = ((q &+ 1) &>> 1 & 1) &<< 63, sinSign = (q &>> 1 & 1) &<< 63  // q = 1, 2 and q = 2, 3
        return (unsafeBitCast(cosine ^ cosSign, to: SIMD8<Double>.self), unsafeBitCast(sine ^ sinSign, to: SIMD8<Double>.self))
    }

    /// Integers below 2^51 in magnitude as Doubles, exactly: 1.5·2^52 + n has n in its low
    /// mantissa bits (Swift's SIMD conversions run lane by lane).
    @inline(__always)
    static func exactDouble(_ n: SIMD8<Int64>) -> SIMD8<Double> {
        let magic: Double = 6_755_399_441_055_744  // 1.5·2^52
        return unsafeBitCast(unsafeBitCast(magic, to: UInt64.self) &+ SIMD8<UInt64>(truncatingIfNeeded: n), to: SIMD8<Double>.self) - magic
    }

    @inline(__always)
    static func exactDouble(_ n: SIMD8<UInt32>) -> SIMD8<Double> {
        exactDouble(SIMD8<Int64>(truncatingIfNeeded: n))
    }
}
