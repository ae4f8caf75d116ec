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
}
