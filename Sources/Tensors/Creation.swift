// Making concrete tensors: from elements, filled, ranges, conversions between dtypes.

extension Tensor {
    /// A concrete tensor of `dims` whose elements `fill` writes (uninitialised before).
    static func float32(_ dims: [Int], _ fill: (UnsafeMutablePointer<Float>, Int) throws -> Void) throws -> Tensor {
        let count = try elementCount(dims, dtype: .float32)
        let b = try TensorBuffer(count: count, shape: dims, dtype: .float32)
        try fill(b.floats, count)
        return Tensor(dtype: .float32, dims: dims, buffer: b)
    }

    /// A concrete int32 tensor of `dims` whose elements `fill` writes.
    static func int32(_ dims: [Int], _ fill: (UnsafeMutablePointer<Int32>, Int) throws -> Void) throws -> Tensor {
        let count = try elementCount(dims, dtype: .int32)
        let b = try TensorBuffer(count: count, shape: dims, dtype: .int32)
        try fill(b.ints, count)
        return Tensor(dtype: .int32, dims: dims, buffer: b)
    }

    /// A concrete tensor of either dtype with raw 4-byte elements written by `fill`.
    static func raw(_ dtype: DType, _ dims: [Int], _ fill: (UnsafeMutableRawPointer, Int) throws -> Void) throws -> Tensor {
        let count = try elementCount(dims, dtype: dtype)
        let b = try TensorBuffer(count: count, shape: dims, dtype: dtype)
        try fill(b.raw, count)
        return Tensor(dtype: dtype, dims: dims, buffer: b)
    }

    static func elementCount(_ dims: [Int], dtype: DType) throws -> Int {
        var n = 1
        for d in dims {
            guard d >= 0 else { throw TensorError("invalid shape \(TensorShape(dims)): negative dimension") }
            let (m, o) = n.multipliedReportingOverflow(by: d)
            guard !o else { throw TensorError("cannot allocate \(TensorShape(dims)) \(dtype): too many elements") }
            n = m
        }
        return n
    }

    // MARK: From elements

    /// A float32 tensor of `shape` holding `scalars` in row-major order.
    public init(shape: [Int], scalars: [Float]) throws {
        let n = try Tensor.elementCount(shape, dtype: .float32)
        guard n == scalars.count else {
            throw TensorError("Tensor(shape:scalars:): \(scalars.count) scalars do not fill shape \(TensorShape(shape))")
        }
        self = try Tensor.float32(shape) { p, c in if c > 0 { scalars.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: c) } } }
    }

    /// An int32 tensor of `shape` holding `scalars` in row-major order.
    public init(shape: [Int], int32Scalars scalars: [Int32]) throws {
        let n = try Tensor.elementCount(shape, dtype: .int32)
        guard n == scalars.count else {
            throw TensorError("Tensor(shape:scalars:): \(scalars.count) scalars do not fill shape \(TensorShape(shape))")
        }
        self = try Tensor.int32(shape) { p, c in if c > 0 { scalars.withUnsafeBufferPointer { p.update(from: $0.baseAddress!, count: c) } } }
    }

    /// A rank-0 float32 tensor.
    public init(_ scalar: Float) throws {
        try self.init(shape: [], scalars: [scalar])
    }

    /// A rank-0 int32 tensor.
    public init(_ scalar: Int32) throws {
        try self.init(shape: [], int32Scalars: [scalar])
    }

    /// A rank-1 float32 tensor.
    public init(_ scalars: [Float]) throws {
        try self.init(shape: [scalars.count], scalars: scalars)
    }

    /// A rank-1 int32 tensor.
    public init(_ scalars: [Int32]) throws {
        try self.init(shape: [scalars.count], int32Scalars: scalars)
    }

    /// A rank-2 float32 tensor from rows of equal length: `Tensor([[1, 2], [3, 4]])`.
    public init(_ rows: [[Float]]) throws {
        let cols = try Tensor.uniformLength(rows.map(\.count))
        try self.init(shape: [rows.count, cols], scalars: rows.flatMap { $0 })
    }

    /// A rank-2 int32 tensor from rows of equal length.
    public init(_ rows: [[Int32]]) throws {
        let cols = try Tensor.uniformLength(rows.map(\.count))
        try self.init(shape: [rows.count, cols], int32Scalars: rows.flatMap { $0 })
    }

    /// A rank-3 float32 tensor from nested arrays of equal lengths.
    public init(_ planes: [[[Float]]]) throws {
        let rows = try Tensor.uniformLength(planes.map(\.count))
        let cols = try Tensor.uniformLength(planes.flatMap { $0 }.map(\.count))
        try self.init(shape: [planes.count, rows, cols], scalars: planes.flatMap { $0.flatMap { $0 } })
    }

    /// A rank-3 int32 tensor from nested arrays of equal lengths.
    public init(_ planes: [[[Int32]]]) throws {
        let rows = try Tensor.uniformLength(planes.map(\.count))
        let cols = try Tensor.uniformLength(planes.flatMap { $0 }.map(\.count))
        try self.init(shape: [planes.count, rows, cols], int32Scalars: planes.flatMap { $0.flatMap { $0 } })
    }

    private static func uniformLength(_ lengths: [Int]) throws -> Int {
        guard let first = lengths.first else { return 0 }
        guard lengths.allSatisfy({ $0 == first }) else {
            throw TensorError("Tensor: nested arrays have different lengths \(lengths); a tensor needs a rectangular shape")
        }
        return first
    }

    // MARK: Filled

    /// A tensor of `shape` with every element `value` (converted to `dtype`).
    public init(repeating value: Float, shape: [Int], dtype: DType = .float32) throws {
        switch dtype {
        case .float32: self = try Tensor.float32(shape) { p, c in p.initialize(repeating: value, count: c) }
        case .int32:
            let v = floatToInt32(value)
            self = try Tensor.int32(shape) { p, c in p.initialize(repeating: v, count: c) }
        }
    }

    /// Zeros of `shape`: `Tensor(zeros: [1, 3])`.
    public init(zeros shape: [Int], dtype: DType = .float32) throws {
        try self.init(repeating: 0, shape: shape, dtype: dtype)
    }

    /// Ones of `shape`.
    public init(ones shape: [Int], dtype: DType = .float32) throws {
        try self.init(repeating: 1, shape: shape, dtype: dtype)
    }

    /// `start, start + stride, ...` below `end` (above it for a negative stride), like `np.arange`.
    public init(rangeFrom start: Float, to end: Float, stride: Float = 1, dtype: DType = .float32) throws {
        guard stride != 0 && stride.isFinite && start.isFinite && end.isFinite else {
            throw TensorError("Tensor(rangeFrom:to:stride:): stride must be finite and non-zero")
        }
        let length = ((Double(end) - Double(start)) / Double(stride)).rounded(.up)
        guard length < 1e15 else {
            throw TensorError("Tensor(rangeFrom:to:stride:): \(length) elements is too many")
        }
        let total = Swift.max(0, Int(length))
        switch dtype {
        case .float32:
            self = try Tensor.float32([total]) { p, c in for i in 0..<c { p[i] = Float(Double(start) + Double(i) * Double(stride)) } }
        case .int32:
            self = try Tensor.int32([total]) { p, c in for i in 0..<c { p[i] = floatToInt32(Float(Double(start) + Double(i) * Double(stride))) } }
        }
    }

    // MARK: Conversions

    /// This tensor with elements converted to `dtype` (float → int truncates toward zero).
    /// Symbolic tensors give a symbolic result.
    public func converted(to dtype: DType) throws -> Tensor {
        if dtype == self.dtype { return self }
        if isSymbolic { return Tensor(symbolicShape: shape, dtype: dtype) }
        let src = buffer!
        switch dtype {
        case .float32:
            return try Tensor.float32(dims) { p, c in for i in 0..<c { p[i] = Float(src.ints[i]) } }
        case .int32:
            return try Tensor.int32(dims) { p, c in for i in 0..<c { p[i] = floatToInt32(src.floats[i]) } }
        }
    }

    /// `Tensor<Float>(ids)`: a float32 copy of any tensor.
    public init(float other: Tensor) throws {
        self = try other.converted(to: .float32)
    }

    /// `Tensor<Int32>(x)`: an int32 copy of any tensor.
    public init(int32 other: Tensor) throws {
        self = try other.converted(to: .int32)
    }
}
