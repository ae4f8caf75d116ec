// Seeded, counter-based random numbers: the same numbers on every machine and in every order
// of evaluation.
//
// Algorithm (documented so other implementations can reproduce it):
// - Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011),
//   multipliers 0xD2511F53 and 0xCD9E8D57, key increments 0x9E3779B9 and 0xBB67AE85, 10 rounds.
//   Key = (low 32 bits of the seed, high 32 bits of the seed). Block n (n = 0, 1, 2, ...) is
//   Philox(counter: (low 32 bits of n, high 32 bits of n, 0, 0), key) and gives 4 UInt32 words,
//   consumed in order; a generator's state is just (seed, next block, words left in the block).
// - Uniform float in [0, 1): (word >> 8) * 2^-24 (24 random bits; every value is a float32).
// - Uniform float in [a, b): a + (b - a) * u, computed in Float.
// - Uniform int32 in [a, b): a + (word * (b - a)) >> 32 (multiply-shift; bias < 2^-32 · (b - a)).
// - Normal: Box–Muller on two words: u1 = ((w1 >> 8) + 1) * 2^-24 in (0, 1],
//   u2 = (w2 >> 8) * 2^-24; r = sqrt(-2 ln u1); z0 = r cos(2π u2), z1 = r sin(2π u2), in Double,
//   then mean + sd · z rounded to Float. Pairs are emitted in order z0, z1.
// - Truncated normal (Keras/TensorFlow): normal draws with |z| > 2 are discarded and redrawn.
import Foundation

/// A Philox4x32-10 stream seeded by a UInt64. A value: copying it forks an identical stream.
public struct RandomGenerator: Sendable {
    public let seed: UInt64
    /// Index of the next Philox block to compute.
    private var block: UInt64 = 0
    private var words: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    private var used = 4

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The next 32 random bits.
    public mutating func nextWord() -> UInt32 {
        if used == 4 {
            words = Philox.block(counter: (UInt32(truncatingIfNeeded: block), UInt32(truncatingIfNeeded: block >> 32), 0, 0),
                                 key: (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)))
            block &+= 1
            used = 0
        }
        defer { used += 1 }
        switch used {
        case 0: return words.0
        case 1: return words.1
        case 2: return words.2
        default: return words.3
        }
    }

    /// Words consumed so far: the next word is word number `position` of the stream.
    var position: UInt64 { block &* 4 &- 4 &+ UInt64(used) }

    /// Moves to word number `position` of the stream, as if that many words had been drawn.
    mutating func skip(to position: UInt64) {
        if position % 4 == 0 {
            block = position / 4
            used = 4
        } else {
            block = position / 4 + 1
            words = Philox.block(counter: (UInt32(truncatingIfNeeded: block - 1), UInt32(truncatingIfNeeded: (block - 1) >> 32), 0, 0),
                                 key: (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)))
            used = Int(position % 4)
        }
    }

    /// Uniform in [0, 1).
    public mutating func nextUniform() -> Float {
        Float(nextWord() >> 8) * 0x1p-24
    }

    /// Uniform integer in [lower, upper); upper must exceed lower.
    public mutating func nextInt32(lower: Int32, upper: Int32) -> Int32 {
        let range = UInt64(Int64(upper) - Int64(lower))
        return Int32(Int64(lower) + Int64((UInt64(nextWord()) * range) >> 32))
    }

    /// A pair of independent standard normal numbers (Box–Muller).
    public mutating func nextNormalPair() -> (Double, Double) {
        let w1 = nextWord()
        return RandomGenerator.normalPair(w1, nextWord())
    }

    /// Box–Muller on two words (the documented formula). cos and sin of 2π·u2 come from
    /// `turnCosSin`, 3x faster than libm's pair and equal to it within double rounding.
    @inline(__always)
    static func normalPair(_ w1: UInt32, _ w2: UInt32) -> (Double, Double) {
        let u1 = (Double(w1 >> 8) + 1) * 0x1p-24
        let r = (-2 * Foundation.log(u1)).squareRoot()
        let (c, s) = turnCosSin(w2 >> 8)
        return (r * c, r * s)
    }

    /// cos and sin of 2π·j/2^24 for j in [0, 2^24), in Double. u2 = j/2^24 is a fraction of a
    /// turn, so the reduction to a quarter turn is exact integer arithmetic: the nearest quarter
    /// (j's top bits) and the rest, an angle x in [−π/4, π/4), where fdlibm's kernel polynomials
    /// (k_sin.c, k_cos.c) hold to within a few double ulps. Checked against libm over every j:
    /// within 8e-16 (libm's own argument 2π·u2 is rounded by 4e-16), and the floats the
    /// normals round to are the same (RandomTests).
    @inline(__always)
    static func turnCosSin(_ j: UInt32) -> (cos: Double, sin: Double) {
        let quarter = (j &+ (1 << 21)) >> 22           // 0...4 quarter turns (4 is a whole turn)
        let rest = Int32(bitPattern: j &- (quarter << 22))  // in [−2^21, 2^21)
        let x = Double(rest) * (2 * Double.pi * 0x1p-24)
        let z = x * x
        let sinTail = -1.666_666_666_666_663_243_48e-01 + z * (8.333_333_333_322_489_461_24e-03
            + z * (-1.984_126_982_985_794_931_34e-04 + z * (2.755_731_370_707_006_767_89e-06
            + z * (-2.505_076_025_340_686_341_95e-08 + z * 1.589_690_995_211_550_102_21e-10))))
        let cosTail = 4.166_666_666_666_660_190_37e-02 + z * (-1.388_888_888_887_410_957_49e-03
            + z * (2.480_158_728_947_672_941_78e-05 + z * (-2.755_731_435_139_066_330_35e-07
            + z * (2.087_572_321_298_174_827_90e-09 + z * -1.135_964_755_778_819_482_65e-11))))
        let s = x + z * x * sinTail
        let c = 1 - (0.5 * z - z * z * cosTail)
        switch quarter & 3 {
        case 0: return (c, s)
        case 1: return (-s, c)
        case 2: return (-c, -s)
        default: return (s, -c)
        }
    }
}

enum Philox {
    /// One Philox4x32-10 block.
    @inline(__always)
    static func block(counter c: (UInt32, UInt32, UInt32, UInt32), key k: (UInt32, UInt32)) -> (UInt32, UInt32, UInt32, UInt32) {
        var (c0, c1, c2, c3) = c
        var (k0, k1) = k
        for round in 0..<10 {
            if round > 0 { k0 &+= 0x9E37_79B9; k1 &+= 0xBB67_AE85 }
            let p0 = UInt64(0xD251_1F53) * UInt64(c0)
            let p1 = UInt64(0xCD9E_8D57) * UInt64(c2)
            let (hi0, lo0) = (UInt32(p0 >> 32), UInt32(truncatingIfNeeded: p0))
            let (hi1, lo1) = (UInt32(p1 >> 32), UInt32(truncatingIfNeeded: p1))
            (c0, c1, c2, c3) = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0)
        }
        return (c0, c1, c2, c3)
    }
}

/// The same Philox stream serves Swift's own randomness (`Int.random(in:using:)`, `shuffled(using:)`)
/// in cells, so a notebook has one seeded generator: 64 bits are two consecutive words, high first.
extension RandomGenerator: RandomNumberGenerator {
    public mutating func next() -> UInt64 {
        let high = UInt64(nextWord())
        return high << 32 | UInt64(nextWord())
    }
}
