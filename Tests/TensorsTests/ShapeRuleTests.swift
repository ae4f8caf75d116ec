// Shape rules on symbolic tensors (unknown batch), error messages, memory limit, copy on write.
import Testing
@testable import Tensors

@Suite(.serialized) struct ShapeRuleTests {
    let batch = Tensor(symbolicShape: TensorShape([nil, 500, 128]))

    @Test func symbolicResultsFollowTheSameRules() throws {
        let w = Tensor(symbolicShape: [128, 64])
        let y = try matmul(batch, w)
        #expect(y.isSymbolic && y.shape.description == "(None, 500, 64)")
        #expect(try (batch + (try Tensor(zeros: [128]))).shape.description == "(None, 500, 128)")
        #expect(try batch.sum(squeezingAxes: 1).shape.description == "(None, 128)")
        #expect(try batch.mean(alongAxes: -1).shape.description == "(None, 500, 1)")
        #expect(try batch.expandingShape(at: 1).shape.description == "(None, 1, 500, 128)")
        #expect(try batch.transposed(permutation: [0, 2, 1]).shape.description == "(None, 128, 500)")
        #expect(try batch.reshaped(to: [-1, 500 * 128]).shape.description == "(None, 64000)")
        #expect(try Tensor(concatenating: [batch, batch], alongAxis: -1).shape.description == "(None, 500, 256)")
        #expect(try Tensor(stacking: [batch, batch], alongAxis: 1).shape.description == "(None, 2, 500, 128)")
        #expect(try softmax(batch, alongAxis: 1).shape == batch.shape)
        #expect(try tanh(batch).isSymbolic)
        #expect(try batch.argmax(squeezingAxis: -1).dtype == .int32)
        #expect(try batch[.ellipsis, .at(0)].shape.description == "(None, 500)")
        #expect(try batch.repeated(2, alongAxis: 1).shape.description == "(None, 1000, 128)")
        #expect(try batch.tiled(multiples: [1, 1, 3]).shape.description == "(None, 500, 384)")
        let ids = Tensor(symbolicShape: [nil, 500], dtype: .int32)
        #expect(try (ids .!= 0).shape.description == "(None, 500)")
    }

    @Test func symbolicShapeErrorsStillThrow() {
        #expect(throws: TensorError("matmul: inner dimensions differ: (None, 500, 128) x (64, 10)")) {
            try matmul(batch, Tensor(symbolicShape: [64, 10]))
        }
        #expect(throws: TensorError.self) { try batch + Tensor(symbolicShape: [127]) }
    }

    @Test func errorMessagesNameTheOperationAndShapes() throws {
        let a = try Tensor(zeros: [1, 10, 512]), b = try Tensor(zeros: [1, 100, 1])
        #expect(throws: TensorError("matmul: inner dimensions differ: (1, 10, 512) x (1, 100, 1)")) { try matmul(a, b) }
        #expect(throws: TensorError("add (+): shapes (2, 3) and (4,) cannot be broadcast together")) {
            try Tensor(zeros: [2, 3]) + Tensor(zeros: [4])
        }
        #expect(throws: TensorError("add (+): dtypes differ: float32 and int32 (convert one with Tensor<Float>(x) or Tensor<Int32>(x))")) {
            try Tensor(zeros: [2]) + Tensor(zeros: [2], dtype: .int32)
        }
        #expect(throws: TensorError("reshaped(to:): cannot reshape (2, 3) (6 elements) to (4, 2) (8 elements)")) {
            try Tensor(zeros: [2, 3]).reshaped(to: [4, 2])
        }
    }

    // Each test uses an arena of its own, so tests running in parallel never see each other's use.
    @Test func memoryLimitIsAnError() throws {
        try TensorArena().makeCurrent {
            #expect(throws: TensorError("cannot allocate (100000, 100000) float32: 37.3 GiB is over the 4.0 GiB tensor memory limit")) {
                try Tensor(zeros: [100_000, 100_000])
            }
        }
        let arena = TensorArena(limit: 1000)
        try arena.makeCurrent {
            #expect(throws: TensorError.self) { try Tensor(zeros: [1000]) }
            let small = try Tensor(zeros: [100])
            #expect(small.scalarCount == 100)
            #expect(TensorMemory.liveBytes == 400 && TensorMemory.limit == 1000)
        }
    }

    @Test func liveBytesAreReleasedToTheirArena() throws {
        let arena = TensorArena()
        var t: Tensor? = try arena.makeCurrent { try Tensor(zeros: [1000, 1000]) }
        #expect(arena.liveBytes == 4_000_000)
        #expect(t?.scalarCount == 1_000_000)
        t = nil
        #expect(arena.liveBytes == 0)
    }

    @Test func valuesAreIndependentCopies() throws {
        let a = try Tensor([1, 2, 3] as [Float])
        var b = a
        b = try b + 1
        #expect(a.scalars == [1, 2, 3])
        #expect(b.scalars == [2, 3, 4])
    }

    @Test func writingCopiesSharedStorage() throws {
        let a = try Tensor([1, 2, 3] as [Float])
        var b = a
        try b.withUnsafeMutableFloats { $0[0] = 9 }
        #expect(a.scalars == [1, 2, 3])
        #expect(b.scalars == [9, 2, 3])
        var c = try Tensor(shape: [2], unsafeUninitializedFloats: { $0[0] = 4; $0[1] = 5 })
        try c.withUnsafeMutableFloats { $0[1] += 1 }     // unique: written in place
        #expect(try c.withUnsafeFloats { Array($0) } == [4, 6])
        #expect(throws: TensorError.self) { try c.withUnsafeInt32s { _ in } }
        var s = Tensor(symbolicShape: [nil, 2])
        #expect(throws: TensorError.self) { try s.withUnsafeMutableFloats { _ in } }
    }

    @Test func inspection() throws {
        let x = try Tensor([[1, 2], [3, 4]] as [[Float]])
        #expect(x.rank == 2 && x.scalarCount == 4 && x.shape[1] == 2 && x.shape[-2] == 2)
        #expect(try x[1, 0].scalar == 3)
        #expect(throws: TensorError.self) { try x.scalar }
        let ids = try Tensor([[4, 9, 0]] as [[Int32]])
        #expect(try Tensor(float: ids).scalars == [4, 9, 0])
        #expect(try Tensor(int32: Tensor([1.7, -1.7] as [Float])).int32Scalars == [1, -1])
        #expect(try Tensor(rangeFrom: 0, to: 10, stride: 3).scalars == [0, 3, 6, 9])
        #expect(try Tensor(rangeFrom: 0, to: 1, stride: 0.25).scalars == [0, 0.25, 0.5, 0.75])
        #expect(try Tensor(repeating: 0.5, shape: [2, 2]).scalars == [0.5, 0.5, 0.5, 0.5])
        #expect(throws: TensorError.self) { try Tensor([[1, 2], [3]] as [[Float]]) }
    }
}
