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

extension Philox {
    /// Words `first..<first + count` of the stream with `key` (block n's counter is (n, n >> 32, 0, 0)).
    @inline(__always)
    static func words(from first: UInt64, count: Int, key: (UInt32, UInt32), into out: UnsafeMutablePointer<UInt32>) {
        var i = 0
        var w = first
        while i < count {
            let n = w / 4
            let b = block(counter: (UInt32(truncatingIfNeeded: n), UInt32(truncatingIfNeeded: n >> 32), 0, 0), key: key)
            var lane = Int(w % 4)
            while lane < 4 && i < count {
                switch lane {
                case 0: out[i] = b.0
                case 1: out[i] = b.1
                case 2: out[i] = b.2
                default: out[i] = b.3
                }
                lane += 1
                i += 1
                w += 1
            }
        }
    }
}
