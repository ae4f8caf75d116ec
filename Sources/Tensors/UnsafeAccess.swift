// Direct access to a concrete tensor's elements, for kernels in other modules (Layers' recurrent
// steps, optimisers). Writing copies the storage first when another value shares it.

extension Tensor {
    /// Reads the float32 elements in row-major order.
    public func withUnsafeFloats<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) throws -> R {
        let b = try storage(.float32, "withUnsafeFloats")
        return try body(UnsafeBufferPointer(start: b.floats, count: b.count))
    }

    /// Reads the int32 elements in row-major order.
    public func withUnsafeInt32s<R>(_ body: (UnsafeBufferPointer<Int32>) throws -> R) throws -> R {
        let b = try storage(.int32, "withUnsafeInt32s")
        return try body(UnsafeBufferPointer(start: b.ints, count: b.count))
    }

    /// Writes the float32 elements in place; other values that shared the storage keep the old
    /// elements (copy on write).
    public mutating func withUnsafeMutableFloats<R>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> R) throws -> R {
        let b = try uniqueStorage(.float32, "withUnsafeMutableFloats")
        return try body(UnsafeMutableBufferPointer(start: b.floats, count: b.count))
    }

    /// Writes the int32 elements in place (copy on write).
    public mutating func withUnsafeMutableInt32s<R>(_ body: (UnsafeMutableBufferPointer<Int32>) throws -> R) throws -> R {
        let b = try uniqueStorage(.int32, "withUnsafeMutableInt32s")
        return try body(UnsafeMutableBufferPointer(start: b.ints, count: b.count))
    }

    /// A float32 tensor of `shape` whose elements `fill` writes (they start uninitialised).
    public init(shape: [Int], unsafeUninitializedFloats fill: (UnsafeMutableBufferPointer<Float>) throws -> Void) throws {
        self = try Tensor.float32(shape) { p, n in try fill(UnsafeMutableBufferPointer(start: p, count: n)) }
    }

    private func storage(_ wanted: DType, _ operation: String) throws -> TensorBuffer {
        try requireConcrete(operation)
        guard dtype == wanted else {
            throw TensorError("\(operation): the tensor of shape \(shape) is \(dtype), not \(wanted)")
        }
        return buffer!
    }

    private mutating func uniqueStorage(_ wanted: DType, _ operation: String) throws -> TensorBuffer {
        _ = try storage(wanted, operation)
        if !isKnownUniquelyReferenced(&buffer!) {
            let old = buffer!
            let copy = try TensorBuffer(count: old.count, shape: dims, dtype: dtype)
            copy.raw.copyMemory(from: old.raw, byteCount: old.count * 4)
            buffer = copy
        }
        return buffer!
    }
}
