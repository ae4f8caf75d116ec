// Elementwise arithmetic and comparisons with NumPy broadcasting; Swift scalars on either side.

extension Tensor {
    /// The shared path of binary operations: dtype check, shape rule, symbolic result, then the
    /// kernel for the dtype.
    static func binary(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, cost: Int = 1) throws -> Tensor {
        let operation = op.rawValue
        guard a.dtype == b.dtype else {
            throw TensorError("\(operation): dtypes differ: \(a.dtype) and \(b.dtype) (convert one with Tensor<Float>(x) or Tensor<Int32>(x))")
        }
        let shape = try broadcastShape(a.shape, b.shape, operation: operation)
        if a.isSymbolic || b.isSymbolic { return Tensor(symbolicShape: shape, dtype: a.dtype) }
        let outDims = shape.knownDimensions!
        let walk = BroadcastWalk(outDims: outDims, aDims: a.dims, bDims: b.dims)
        let ba = a.buffer!, bb = b.buffer!
        switch a.dtype {
        case .float32:
            let pa = UnsafePointer(ba.floats), pb = UnsafePointer(bb.floats)
            return try Tensor.float32(outDims) { out, count in
                guard count > 0 else { return }
                walk.run(cost: cost) { oa, ob, oo, sa, sb, r in floatLine(op, pa + oa, pb + ob, out + oo, sa, sb, r) }
            }
        case .int32:
            guard op.hasInt else { throw TensorError("\(operation): not defined for int32 tensors") }
            let pa = UnsafePointer(ba.ints), pb = UnsafePointer(bb.ints)
            return try Tensor.int32(outDims) { out, count in
                guard count > 0 else { return }
                walk.run(cost: cost) { oa, ob, oo, sa, sb, r in intLine(op, pa + oa, pb + ob, out + oo, sa, sb, r) }
            }
        }
    }

    /// self = self + g (a gradient sum): in place when this tensor's buffer is its own and both
    /// are float32 of the same shape and off any tape, else a new tensor. The same sums either way.
    mutating func accumulate(_ g: Tensor) throws {
        guard dtype == .float32, g.dtype == .float32, tapeOutput == nil, g.tapeOutput == nil,
              buffer != nil, g.buffer != nil, dims == g.dims, isKnownUniquelyReferenced(&buffer!) else {
            self = try Tensor.binary(.add, self, g)
            return
        }
        let o = buffer!.floats, pg = UnsafePointer(g.buffer!.floats)
        Parallel.chunks(buffer!.count) { r in for i in r { o[i] = o[i] + pg[i] } }
    }

    /// Comparisons give float32 masks of 1 and 0 (multiply by them, or convert with Tensor<Int32>).
    static func compare(_ op: CompareOp, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let operation = op.rawValue
        guard a.dtype == b.dtype else {
            throw TensorError("\(operation): dtypes differ: \(a.dtype) and \(b.dtype)")
        }
        let shape = try broadcastShape(a.shape, b.shape, operation: operation)
        if a.isSymbolic || b.isSymbolic { return Tensor(symbolicShape: shape, dtype: .float32) }
        let outDims = shape.knownDimensions!
        let walk = BroadcastWalk(outDims: outDims, aDims: a.dims, bDims: b.dims)
        let ba = a.buffer!, bb = b.buffer!
        return try Tensor.float32(outDims) { out, count in
            guard count > 0 else { return }
            switch a.dtype {
            case .float32:
                let pa = UnsafePointer(ba.floats), pb = UnsafePointer(bb.floats)
                walk.run { oa, ob, oo, sa, sb, r in compareLine(op, pa + oa, pb + ob, out + oo, sa, sb, r) }
            case .int32:
                let pa = UnsafePointer(ba.ints), pb = UnsafePointer(bb.ints)
                walk.run { oa, ob, oo, sa, sb, r in compareLine(op, pa + oa, pb + ob, out + oo, sa, sb, r) }
            }
        }
    }

    /// A rank-0 tensor of this tensor's dtype holding a Swift scalar (a literal in a cell).
    func scalarLike(_ value: Float, operation: String) throws -> Tensor {
        switch dtype {
        case .float32: return try Tensor(value)
        case .int32:
            guard value.rounded(.towardZero) == value, abs(value) <= 2147483647 else {
                throw TensorError("\(operation): scalar \(value) is not an int32 value, for an int32 tensor")
            }
            return try Tensor(Int32(value))
        }
    }

    // MARK: Operators

    // Each operator's pullback follows its forward: the gradient summed back over broadcast axes.

    public static func + (a: Tensor, b: Tensor) throws -> Tensor {
        let y = try binary(.add, a, b)
        guard Tape.tracked(a, b) else { return y }
        return y.recorded(a, b) { g in [try a.unbroadcast(g), try b.unbroadcast(g)] }
    }
    public static func - (a: Tensor, b: Tensor) throws -> Tensor {
        let y = try binary(.subtract, a, b)
        guard Tape.tracked(a, b) else { return y }
        return y.recorded(a, b) { g in [try a.unbroadcast(g), try b.unbroadcast(-g)] }
    }
    public static func * (a: Tensor, b: Tensor) throws -> Tensor {
        let y = try binary(.multiply, a, b)
        guard Tape.tracked(a, b) else { return y }
        return y.recorded(a, b) { g in [try a.unbroadcast(g * b), try b.unbroadcast(g * a)] }
    }
    /// Division; for int32 tensors it truncates toward zero as Swift does, and a zero divisor
    /// throws.
    public static func / (a: Tensor, b: Tensor) throws -> Tensor {
        if a.dtype == .int32, b.dtype == .int32, !b.isSymbolic, b.int32Scalars.contains(0) {
            throw TensorError("divide (/): integer division by zero (shapes \(a.shape) and \(b.shape))")
        }
        let y = try binary(.divide, a, b)
        guard Tape.tracked(a, b) else { return y }
        // d(a/b)/db = -a/b² = -y/b.
        return y.recorded(a, b) { g in [try a.unbroadcast(g / b), try b.unbroadcast(-(g * y) / b)] }
    }

    public static func + (a: Tensor, b: Float) throws -> Tensor { try a + a.scalarLike(b, operation: "add (+)") }
    public static func + (a: Float, b: Tensor) throws -> Tensor { try b.scalarLike(a, operation: "add (+)") + b }
    public static func - (a: Tensor, b: Float) throws -> Tensor { try a - a.scalarLike(b, operation: "subtract (-)") }
    public static func - (a: Float, b: Tensor) throws -> Tensor { try b.scalarLike(a, operation: "subtract (-)") - b }
    public static func * (a: Tensor, b: Float) throws -> Tensor { try a * a.scalarLike(b, operation: "multiply (*)") }
    public static func * (a: Float, b: Tensor) throws -> Tensor { try b.scalarLike(a, operation: "multiply (*)") * b }
    public static func / (a: Tensor, b: Float) throws -> Tensor { try a / a.scalarLike(b, operation: "divide (/)") }
    public static func / (a: Float, b: Tensor) throws -> Tensor { try b.scalarLike(a, operation: "divide (/)") / b }

    public static prefix func - (x: Tensor) throws -> Tensor {
        let y = try x.map(.negate)
        guard Tape.tracked(x) else { return y }
        return y.recorded(x) { g in [try -g] }
    }

    // MARK: Comparisons (masks)

    public static func .== (a: Tensor, b: Tensor) throws -> Tensor { try compare(.equal, a, b) }
    public static func .!= (a: Tensor, b: Tensor) throws -> Tensor { try compare(.notEqual, a, b) }
    public static func .< (a: Tensor, b: Tensor) throws -> Tensor { try compare(.less, a, b) }
    public static func .> (a: Tensor, b: Tensor) throws -> Tensor { try compare(.greater, a, b) }
    public static func .<= (a: Tensor, b: Tensor) throws -> Tensor { try compare(.lessEqual, a, b) }
    public static func .>= (a: Tensor, b: Tensor) throws -> Tensor { try compare(.greaterEqual, a, b) }

    public static func .== (a: Tensor, b: Float) throws -> Tensor { try a .== a.scalarLike(b, operation: "equal (.==)") }
    public static func .!= (a: Tensor, b: Float) throws -> Tensor { try a .!= a.scalarLike(b, operation: "not equal (.!=)") }
    public static func .< (a: Tensor, b: Float) throws -> Tensor { try a .< a.scalarLike(b, operation: "less (.<)") }
    public static func .> (a: Tensor, b: Float) throws -> Tensor { try a .> a.scalarLike(b, operation: "greater (.>)") }
    public static func .<= (a: Tensor, b: Float) throws -> Tensor { try a .<= a.scalarLike(b, operation: "less or equal (.<=)") }
    public static func .>= (a: Tensor, b: Float) throws -> Tensor { try a .>= a.scalarLike(b, operation: "greater or equal (.>=)") }
}

/// Elementwise maximum of two tensors, broadcast (NaN wins, as in NumPy).
public func maximum(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    let y = try Tensor.binary(.maximum, a, b)
    guard Tape.tracked(a, b) else { return y }
    // As TensorFlow: the gradient goes to `a` where a >= b, to `b` elsewhere.
    return y.recorded(a, b) { g in
        let toA = try Tensor.compare(.greaterEqual, a, b)
        return [try a.unbroadcast(g * toA), try b.unbroadcast(g * (1 - toA))]
    }
}

/// Elementwise minimum of two tensors, broadcast (NaN wins, as in NumPy).
public func minimum(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    let y = try Tensor.binary(.minimum, a, b)
    guard Tape.tracked(a, b) else { return y }
    // As TensorFlow: the gradient goes to `a` where a <= b, to `b` elsewhere.
    return y.recorded(a, b) { g in
        let toA = try Tensor.compare(.lessEqual, a, b)
        return [try a.unbroadcast(g * toA), try b.unbroadcast(g * (1 - toA))]
    }
}
