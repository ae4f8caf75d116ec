// The Swift spellings cells and the other modules use (subscripts, scalars on either side,
// int32 rules); the numbers themselves are checked against NumPy in NumpyOperationTests.
import Testing
@testable import Tensors

@Suite struct SwiftSpellingTests {
    let x = try! Tensor(shape: [3, 4], scalars: (0..<12).map(Float.init))

    @Test func subscripts() throws {
        #expect(try x[1].scalars == [4, 5, 6, 7])
        #expect(try x[1, 2].scalar == 6)
        #expect(try x[-1, -1].scalar == 11)
        #expect(try x[1..<3].shape == [2, 4])
        #expect(try x[.ellipsis, .at(0)].scalars == [0, 4, 8])
        #expect(try x[.all, .range(1...2)].scalars == [1, 2, 5, 6, 9, 10])
        #expect(throws: TensorError("index: index 3 is out of range for axis 0 of size 3 in shape (3, 4)")) { try x[3] }
    }

    @Test func scalarsOnEitherSide() throws {
        #expect(try (x * 2 + 1)[0].scalars == [1, 3, 5, 7])
        #expect(try (1 - x)[0].scalars == [1, 0, -1, -2])
        #expect(try (x .> 9).scalars.reduce(0, +) == 2)
        let ids = try Tensor([[4, 9, 0]] as [[Int32]])
        #expect(try (ids + 1).int32Scalars == [5, 10, 1])
        #expect(throws: TensorError.self) { try ids + 0.5 }
        #expect(try (ids .== 0).scalars == [0, 0, 1])
    }

    @Test func int32Rules() throws {
        let a = try Tensor([7, -7] as [Int32]), b = try Tensor([2, 2] as [Int32])
        #expect(try (a / b).int32Scalars == [3, -3])
        #expect(throws: TensorError.self) { try a / Tensor([0, 1] as [Int32]) }
        #expect(throws: TensorError.self) { try exp(a) }
        #expect(try a.mean().int32Scalar == 0)
        #expect(try pow(a, 2).int32Scalars == [49, 49])
        #expect(try a.argmax(squeezingAxis: 0).int32Scalar == 0)
    }

    @Test func mathAtTheEdges() throws {
        let x = try Tensor([.infinity, -.infinity, .nan, 88.8, -104, 0, -88] as [Float])
        let e = try exp(x).scalars
        #expect(e[0] == .infinity && e[1] == 0 && e[2].isNaN && e[3] == .infinity && e[4] == 0 && e[5] == 1)
        #expect(e[6] > 0 && abs(e[6] - 6.0546018e-39) < 1e-44)      // subnormal, as NumPy
        let t = try tanh(x).scalars
        #expect(t[0] == 1 && t[1] == -1 && t[2].isNaN && t[5] == 0)
        let s = try sigmoid(x).scalars
        #expect(s[0] == 1 && s[1] == 0 && s[2].isNaN && s[5] == 0.5)
    }

    @Test func emptyTensors() throws {
        let e = try Tensor(shape: [0, 3], scalars: [])
        #expect(e.description == "[]")
        #expect(try e.sum(squeezingAxes: 0).scalars == [0, 0, 0])
        #expect(try Tensor([Float]()).shape == [0])
        #expect(try Tensor([[Int32]]()).shape == [0, 0])
        #expect(throws: TensorError.self) { try e.max() }
    }

    @Test func printing() throws {
        #expect(try Tensor(3.5).description == "3.5")
        #expect(try Tensor(Int32(7)).description == "7")
        #expect(Tensor(symbolicShape: [nil, 3]).description == "<symbolic float32 tensor of shape (None, 3)>")
        #expect(try Tensor([[4, 9, 0]] as [[Int32]]).description == "[[4 9 0]]")
    }
}
