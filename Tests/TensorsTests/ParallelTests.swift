// Work split over cores gives exactly the numbers of the same work on one thread.
import Testing
@testable import Tensors

@Suite(.serialized) struct ParallelTests {
    @Test func splitWorkGivesTheSameNumbers() throws {
        var g = RandomGenerator(seed: 9)
        let x = try Tensor(randomNormal: [64, 300, 7], generator: &g)
        let row = try Tensor(randomNormal: [7], generator: &g)
        func results() throws -> [[Float]] {
            [try (x + row).scalars, try exp(x).scalars, try tanh(x).scalars, try sigmoid(x).scalars,
             try softmax(x, alongAxis: 1).scalars, try softmax(x).scalars, try x.sum(squeezingAxes: 1).scalars,
             try x.max(alongAxes: 2).scalars, try x.transposed(permutation: [2, 0, 1]).scalars,
             try Tensor(concatenating: [x, x], alongAxis: 1).scalars, try (x .> 0).scalars, try abs(x).scalars,
             try logSoftmax(x, alongAxis: 0).scalars]
        }
        let saved = Parallel.threshold
        defer { Parallel.threshold = saved }
        Parallel.threshold = .max
        let serial = try results()
        Parallel.threshold = 1
        let split = try results()
        for (i, (a, b)) in zip(serial, split).enumerated() {
            #expect(a == b, "result \(i) differs when split")
        }
    }

    /// Random tensors filled in parallel pieces hold exactly the numbers of the one-word-at-a-time
    /// stream (`nextWord`, `nextUniform`, `nextNormalPair`), and leave the generator where the
    /// serial draws would, whatever word the fill starts at.
    @Test func splitRandomFillsGiveTheSerialStream() throws {
        let saved = Parallel.threshold
        defer { Parallel.threshold = saved }
        for threshold in [Int.max, 1] {
            Parallel.threshold = threshold
            for offset in 0..<5 {  // start at every position within a Philox block
                var g = RandomGenerator(seed: 0x1234_5678_9abc_def0), s = g
                for _ in 0..<offset { _ = g.nextWord(); _ = s.nextWord() }
                let u = try Tensor(randomUniform: [1001], lowerBound: -2, upperBound: 3, generator: &g).scalars
                #expect(u == (0..<1001).map { _ in -2 + 5 * s.nextUniform() }, "uniform, offset \(offset)")
                let ids = try Tensor(randomUniform: [7, 143], lowerBound: 3, upperBound: 7578, dtype: .int32, generator: &g)
                #expect(ids.int32Scalars == (0..<1001).map { _ in s.nextInt32(lower: 3, upper: 7578) }, "int32, offset \(offset)")
                let n = try Tensor(randomNormal: [1001], mean: 1, standardDeviation: 2, generator: &g).scalars
                var want = [Float]()
                while want.count < 1001 {
                    let (z0, z1) = s.nextNormalPair()
                    want += [Float(1 + 2 * z0), Float(1 + 2 * z1)]
                }
                #expect(n == Array(want.prefix(1001)), "normal, offset \(offset)")
                #expect(g.nextWord() == s.nextWord(), "generator position after the fills, offset \(offset)")
            }
        }
    }
}
