// Drawing many random words at once, split over the cores. Philox is counter-based: word w of a
// stream is word w % 4 of block w / 4, so any piece of the stream can be computed on its own and
// a split fill gives exactly the numbers the serial `nextWord()` loop gives.
extension RandomGenerator {
    /// Hands the next `groups · wordsPerGroup` words of the stream to `consume`, in pieces that
    /// may run concurrently: `consume(first, words, count)` gets groups `first..<first + count`,
    /// their words consecutive in `words`. The generator then stands after the last word, as if
    /// they had been drawn one by one. `cost` is a rough per-group weight (see `Parallel.chunks`).
    mutating func drawWords(groups: Int, wordsPerGroup: Int, cost: Int,
                            _ consume: (Int, UnsafePointer<UInt32>, Int) -> Void) {
        let start = position
        let key = (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
        // Pieces small enough to stay in L1 whatever the split.
        let tileGroups = Swift.max(1, 2048 / wordsPerGroup)
        Parallel.chunks(groups, costPerElement: cost) { range in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: tileGroups * wordsPerGroup) { buffer in
                let words = buffer.baseAddress!
                var first = range.lowerBound
                while first < range.upperBound {
                    let count = Swift.min(tileGroups, range.upperBound - first)
                    Philox.words(from: start + UInt64(first * wordsPerGroup), count: count * wordsPerGroup,
                                 key: key, into: words)
                    consume(first, words, count)
                    first += count
                }
            }
        }
        skip(to: start + UInt64(groups * wordsPerGroup))
    }
}

extension RandomGenerator {
    /// Fills `p[0..<n]` with uniform floats in [lowerBound, upperBound), one word each.
    /// Whole runs of 32 words (8 Philox blocks) go from the block vectors to floats directly,
    /// without a buffer of words: about twice as fast as drawing words and converting them.
    /// (Here, beside `Philox.blocks8`, so that it is inlined: files are optimised one by one.)
    mutating func fillUniform(_ p: UnsafeMutablePointer<Float>, count n: Int, lowerBound: Float, upperBound: Float) {
        let span = upperBound - lowerBound
        let start = position
        let key = (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
        @inline(__always) func uniform(_ word: UInt32) -> Float { lowerBound + span * (Float(word >> 8) * 0x1p-24) }
        Parallel.chunks(n, costPerElement: 8) { range in
            var i = range.lowerBound
            var words = (UInt32(0), UInt32(0), UInt32(0), UInt32(0))
            // The ragged head and tail word by word (as `Philox.words` does).
            func one() {
                let w = start + UInt64(i)
                Philox.words(from: w, count: 1, key: key, into: &words.0)
                p[i] = uniform(words.0)
                i += 1
            }
            while i < range.upperBound && (start + UInt64(i)) % 4 != 0 { one() }
            while range.upperBound - i >= 32 {
                let (c0, c1, c2, c3) = Philox.blocks8(from: (start + UInt64(i)) / 4, key: key)
                let scale = SIMD8<Float>(repeating: 0x1p-24)
                let u0 = lowerBound + span * (SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: c0 &>> 8)) * scale)
                let u1 = lowerBound + span * (SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: c1 &>> 8)) * scale)
                let u2 = lowerBound + span * (SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: c2 &>> 8)) * scale)
                let u3 = lowerBound + span * (SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: c3 &>> 8)) * scale)
                for lane in 0..<8 {  // word k of block lane is element 4·lane + k
                    p[i + 4 * lane] = u0[lane]
                    p[i + 4 * lane + 1] = u1[lane]
                    p[i + 4 * lane + 2] = u2[lane]
                    p[i + 4 * lane + 3] = u3[lane]
                }
                i += 32
            }
            while i < range.upperBound { one() }
        }
        skip(to: start + UInt64(n))
    }
}

extension Philox {
    /// Words `first..<first + count` of the stream with `key` (block n's counter is (n, n >> 32, 0, 0)).
    /// Whole runs of 8 blocks go through `blocks8`; the ragged ends word by word.
    @inline(__always)
    static func words(from first: UInt64, count: Int, key: (UInt32, UInt32), into out: UnsafeMutablePointer<UInt32>) {
        var i = 0
        var w = first
        while i < count {
            if w % 4 == 0 && count - i >= 32 {
                let (c0, c1, c2, c3) = blocks8(from: w / 4, key: key)
                for lane in 0..<8 {
                    out[i + 4 * lane] = c0[lane]
                    out[i + 4 * lane + 1] = c1[lane]
                    out[i + 4 * lane + 2] = c2[lane]
                    out[i + 4 * lane + 3] = c3[lane]
                }
                i += 32
                w += 32
                continue
            }
            let n = w / 4
            let b = block(counter: (UInt32(truncatingIfNeeded: n), UInt32(truncatingIfNeeded: n >> 32), 0, 0), key: key)
            switch w % 4 {
            case 0: out[i] = b.0
            case 1: out[i] = b.1
            case 2: out[i] = b.2
            default: out[i] = b.3
            }
            i += 1
            w += 1
        }
    }

    /// Blocks `first..<first + 8`, the same as `block` lane by lane, in 8-wide vectors: word k
    /// of block first + lane is `result.k[lane]`.
    @inline(__always)
    static func blocks8(from first: UInt64, key: (UInt32, UInt32))
        -> (SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>) {
        let n = SIMD8<UInt64>(repeating: first) &+ SIMD8<UInt64>(0, 1, 2, 3, 4, 5, 6, 7)
        var c0 = SIMD8<UInt32>(truncatingIfNeeded: n)
        var c1 = SIMD8<UInt32>(truncatingIfNeeded: n &>> 32)
        var c2 = SIMD8<UInt32>(), c3 = SIMD8<UInt32>()
        var (k0, k1) = key
        for round in 0..<10 {
            if round > 0 { k0 &+= 0x9E37_79B9; k1 &+= 0xBB67_AE85 }
            let p0 = SIMD8<UInt64>(truncatingIfNeeded: c0) &* 0xD251_1F53
            let p1 = SIMD8<UInt64>(truncatingIfNeeded: c2) &* 0xCD9E_8D57
            let (hi0, lo0) = (SIMD8<UInt32>(truncatingIfNeeded: p0 &>> 32), SIMD8<UInt32>(truncatingIfNeeded: p0))
            let (hi1, lo1) = (SIMD8<UInt32>(truncatingIfNeeded: p1 &>> 32), SIMD8<UInt32>(truncatingIfNeeded: p1))
            (c0, c1, c2, c3) = (hi1 ^ c1 ^ SIMD8(repeating: k0), lo1, hi0 ^ c3 ^ SIMD8(repeating: k1), lo0)
        }
        return (c0, c1, c2, c3)
    }
}
