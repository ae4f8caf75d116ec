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

    /// Box–Muller on two words (the documented formula): lane 0 of `normalPairs` (BoxMuller.swift),
    /// so every normal of a stream has the same bits whichever way it is drawn.
    @inline(__always)
    static func normalPair(_ w1: UInt32, _ w2: UInt32) -> (Double, Double) {
        let (z0, z1) = normalPairs(SIMD8(repeating: w1), SIMD8(repeating: w2))
        return (z0[0], z1[0])
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
