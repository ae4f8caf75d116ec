// Cutting arrays into batches along the first axis, in order or in a seeded shuffled order.
import Tensors

enum Batches {
    /// The number of samples, the same for every tensor (the first axis), or an error naming them.
    static func sampleCount(_ caller: String, _ tensors: [(String, Tensor)]) throws -> Int {
        var count: Int?
        for (role, t) in tensors {
            guard !t.isSymbolic else { throw layerError("\(caller): \(role) is symbolic (shape \(t.shape)); pass arrays of numbers") }
            guard t.rank >= 1 else { throw layerError("\(caller): \(role) is a scalar; it needs a first axis of samples") }
            let n = dims(t)[0]
            if let c = count, c != n {
                let all = tensors.map { "\($0.0) \($0.1.shape)" }.joined(separator: ", ")
                throw layerError("\(caller): every array needs the same number of samples (first axis); got \(all)")
            }
            count = n
        }
        return count ?? 0
    }

    /// 0..<n shuffled by Fisher–Yates with the session's generator (documented, so it is the
    /// same on every machine: for i from n-1 down to 1, j = uniform int in [0, i]).
    static func permutation(_ n: Int, _ random: inout RandomGenerator) -> [Int] {
        var order = Array(0..<n)
        guard n > 1 else { return order }
        for i in stride(from: n - 1, to: 0, by: -1) {
            let j = Int(random.nextInt32(lower: 0, upper: Int32(i + 1)))
            order.swapAt(i, j)
        }
        return order
    }

    /// The rows `indices` of `x` (first axis), as a new tensor of the same dtype.
    static func rows(_ x: Tensor, _ indices: ArraySlice<Int>) throws -> Tensor {
        let shape = dims(x)
        let rowSize = shape.dropFirst().reduce(1, *)
        let outShape = [indices.count] + shape.dropFirst()
        let contiguous = indices.count > 0 && indices.last! - indices.first! == indices.count - 1
            && zip(indices, indices.dropFirst()).allSatisfy { $1 == $0 + 1 }
        if contiguous, indices.count == shape[0] { return plain(x) }
        switch x.dtype {
        case .float32:
            return try x.withUnsafeFloats { src in
                var out = [Float](repeating: 0, count: indices.count * rowSize)
                for (k, i) in indices.enumerated() { for j in 0..<rowSize { out[k * rowSize + j] = src[i * rowSize + j] } }
                return try Tensor(shape: outShape, scalars: out)
            }
        case .int32:
            return try x.withUnsafeInt32s { src in
                var out = [Int32](repeating: 0, count: indices.count * rowSize)
                for (k, i) in indices.enumerated() { for j in 0..<rowSize { out[k * rowSize + j] = src[i * rowSize + j] } }
                return try Tensor(shape: outShape, int32Scalars: out)
            }
        }
    }

    /// `x` without the history Layers attached (a mask of the whole array does not fit a batch).
    static func plain(_ x: Tensor) -> Tensor {
        var y = x
        y.origin = nil
        return y
    }
}
