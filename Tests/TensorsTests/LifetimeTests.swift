import Testing
import Tensors

/// Kernels that read raw buffers must keep their inputs alive: an initializer owns its
/// arguments, and the optimiser may free a temporary right after its pointer is taken.
struct LifetimeTests {
    @Test func concatenatingTemporarySlices() throws {
        let b = try Tensor(shape: [10], scalars: (0..<10).map(Float.init))
        for _ in 0..<50 {
            let c = try Tensor(concatenating: [try b.indexed([.range(2..<3)]), try b.indexed([.range(5..<7)])], alongAxis: 0)
            #expect(c.scalars == [2, 5, 6])
        }
    }
}
