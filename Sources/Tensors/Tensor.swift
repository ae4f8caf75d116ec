// The tensor value: dtype, shape, and either storage (concrete) or none (symbolic).

/// An N-dimensional array of float32 or int32, a value with copy-on-write storage.
///
/// A tensor is either concrete (every dimension known, elements stored row-major) or symbolic
/// (no elements; the shape may have unknown dimensions). Every operation accepts symbolic inputs
/// and returns a symbolic result whose shape follows the same rule, computing no numbers; the
/// Layers module uses this to build functional models.
public struct Tensor {
    public let dtype: DType
    public let shape: TensorShape
    /// Row-major elements; nil for a symbolic tensor.
    var buffer: TensorBuffer?
    /// Free for the Layers module (which layer produced a symbolic tensor); Tensors never reads it.
    public var origin: AnyObject?
    /// Where this tensor came from on a recording `GradientTape` (nil: not tracked).
    var tapeOutput: TapeOutput?

    /// A concrete tensor over `buffer`, whose count must match `dims`.
    init(dtype: DType, dims: [Int], buffer: TensorBuffer) {
        precondition(buffer.count == dims.reduce(1, *), "buffer does not match shape")
        self.dtype = dtype
        self.shape = TensorShape(dims)
        self.buffer = buffer
    }

    /// A symbolic tensor: shape only, no elements; unknown dimensions are `nil`.
    public init(symbolicShape: TensorShape, dtype: DType = .float32) {
        self.dtype = dtype
        self.shape = symbolicShape
        self.buffer = nil
    }

    public var isSymbolic: Bool { buffer == nil }
    public var rank: Int { shape.rank }

    /// Number of elements (0 for a symbolic tensor with an unknown dimension).
    public var scalarCount: Int { shape.elementCount ?? 0 }

    /// The dimensions of a concrete tensor.
    var dims: [Int] { shape.dimensions.map { $0 ?? 0 } }

    /// The elements in row-major order, as Float (int32 elements converted).
    public var scalars: [Float] {
        guard let b = buffer else { return [] }
        switch dtype {
        case .float32: return Array(UnsafeBufferPointer(start: b.floats, count: b.count))
        case .int32: return UnsafeBufferPointer(start: b.ints, count: b.count).map { Float($0) }
        }
    }

    /// The elements in row-major order, as Int32 (float32 elements truncated toward zero,
    /// as `Tensor<Int32>(x)` converts).
    public var int32Scalars: [Int32] {
        guard let b = buffer else { return [] }
        switch dtype {
        case .int32: return Array(UnsafeBufferPointer(start: b.ints, count: b.count))
        case .float32: return UnsafeBufferPointer(start: b.floats, count: b.count).map(floatToInt32)
        }
    }

    /// The single element of a rank-0 (or one-element) tensor, as Float.
    public var scalar: Float {
        get throws {
            let s = try singleElement()
            return s
        }
    }

    /// The single element of a one-element tensor, as Int32.
    public var int32Scalar: Int32 {
        get throws {
            try requireConcrete("scalar")
            guard scalarCount == 1 else {
                throw TensorError("scalar: tensor of shape \(shape) has \(scalarCount) elements, not 1")
            }
            return int32Scalars[0]
        }
    }

    private func singleElement() throws -> Float {
        try requireConcrete("scalar")
        guard scalarCount == 1 else {
            throw TensorError("scalar: tensor of shape \(shape) has \(scalarCount) elements, not 1")
        }
        return scalars[0]
    }

    func requireConcrete(_ operation: String) throws {
        if isSymbolic {
            throw TensorError("\(operation): needs a concrete tensor, not a symbolic one of shape \(shape)")
        }
    }
}

/// Float to Int32 as TensorFlow's cast does: truncation toward zero; NaN gives 0 and
/// out-of-range values saturate (never a trap).
@inline(__always)
func floatToInt32(_ x: Float) -> Int32 {
    if x.isNaN { return 0 }
    if x >= 2147483647 { return .max }
    if x <= -2147483648 { return .min }
    return Int32(x)
}
