// A first look: printing, a product and a softmax on a small matrix.
import Testing
@testable import Tensors

@Suite struct BasicsTests {
    @Test func printsLikeNumpy() throws {
        let x = try Tensor([[1, 2.5], [-3, 4]] as [[Float]])
        #expect(x.description == "[[ 1.   2.5]\n [-3.   4. ]]")
        #expect(x.shape.description == "(2, 2)")
        let y = try matmul(x, x)
        #expect(y.scalars == [-6.5, 12.5, -15, 8.5])
        let s = try softmax(x)
        #expect(abs(try s.sum().scalar - 2) < 1e-6)
    }
}
