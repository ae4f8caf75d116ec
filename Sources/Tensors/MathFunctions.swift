// Elementwise math functions: exp, log, sqrt, pow, abs, tanh, sigmoid, relu.
import Foundation

extension Tensor {
    /// Applies a one-element operation to every element (same shape, same dtype); a float-only
    /// operation on an int32 tensor is an error naming the dtype.
    func map(_ op: UnaryOp) throws -> Tensor {
        if isSymbolic { return Tensor(symbolicShape: shape, dtype: dtype) }
        let src = buffer!
        switch dtype {
        case .float32:
            let s = UnsafePointer(src.floats)
            return try Tensor.float32(dims) { out, count in
                Parallel.chunks(count, costPerElement: op.cost) { r in floatUnary(op, s, out, r) }
            }
        case .int32:
            guard op.hasInt else {
                throw TensorError("\(op.rawValue): needs a float32 tensor, got int32 of shape \(shape) (convert with Tensor<Float>(x))")
            }
            let s = UnsafePointer(src.ints)
            return try Tensor.int32(dims) { out, count in
                Parallel.chunks(count, costPerElement: op.cost) { r in intUnary(op, s, out, r) }
            }
        }
    }

    /// Applies a float-only kernel over whole chunks (for the vectorised exp and tanh).
    func mapChunks(_ operation: String, cost: Int,
                   _ kernel: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void) throws -> Tensor {
        guard dtype == .float32 else {
            throw TensorError("\(operation): needs a float32 tensor, got int32 of shape \(shape) (convert with Tensor<Float>(x))")
        }
        if isSymbolic { return Tensor(symbolicShape: shape, dtype: dtype) }
        let src = buffer!
        return try Tensor.float32(dims) { out, count in
            let s = UnsafePointer(src.floats)
            Parallel.chunks(count, costPerElement: cost) { r in
                kernel(s + r.lowerBound, out + r.lowerBound, r.count)
            }
        }
    }
}

// Each function's pullback follows its forward (as TensorFlow's gradients write them).

public func exp(_ x: Tensor) throws -> Tensor {
    let y = try x.mapChunks("exp", cost: 4) { s, o, n in FastMath.exp(s, o, n) }
    guard Tape.tracked(x) else { return y }
    return y.recorded(x) { g in [try g * y] }
}

public func log(_ x: Tensor) throws -> Tensor {
    let y = try x.map(.log)
    guard Tape.tracked(x) else { return y }
    return y.recorded(x) { g in [try g / x] }
}

public func sqrt(_ x: Tensor) throws -> Tensor {
    let y = try x.map(.sqrt)
    guard Tape.tracked(x) else { return y }
    return y.recorded(x) { g in [try g * 0.5 / y] }
}

public func abs(_ x: Tensor) throws -> Tensor {
    let y = try x.map(.abs)
    guard Tape.tracked(x) else { return y }
    // sign(x): 1, -1, or 0 at 0 (as TensorFlow).
    return y.recorded(x) { g in [try g * (Tensor.compare(.greater, x, Tensor(Float(0))) - Tensor.compare(.less, x, Tensor(Float(0))))] }
}

/// `x` to the power `p`, elementwise (`pow(x, 2)` squares exactly).
public func pow(_ x: Tensor, _ p: Float) throws -> Tensor {
    if p == 2 {
        let y = try x.map(.square)
        guard Tape.tracked(x) else { return y }
        return y.recorded(x) { g in [try g * 2 * x] }
    }
    return try pow(x, x.scalarLike(p, operation: "pow"))
}

/// `x` to the power `p`, elementwise and broadcast.
public func pow(_ x: Tensor, _ p: Tensor) throws -> Tensor {
    let y = try Tensor.binary(.pow, x, p, cost: 8)
    guard Tape.tracked(x, p) else { return y }
    // d/dx = p·x^(p-1); d/dp = y·log(x) where x > 0, else 0 (as TensorFlow).
    return y.recorded(x, p) { g in
        let dx = try g * p * Tensor.binary(.pow, x, p - 1, cost: 8)
        let positive = try Tensor.compare(.greater, x, Tensor(Float(0)))
        let safeX = try x * positive + (1 - positive)
        let dp = try g * y * log(safeX) * positive
        return [try x.unbroadcast(dx), try p.unbroadcast(dp)]
    }
}

public func tanh(_ x: Tensor) throws -> Tensor {
    let y = try x.mapChunks("tanh", cost: 4) { s, o, n in FastMath.tanh(s, o, n) }
    guard Tape.tracked(x) else { return y }
    return y.recorded(x) { g in [try g * (1 - y * y)] }
}

/// 1 / (1 + exp(-x)).
public func sigmoid(_ x: Tensor) throws -> Tensor {
    let y = try x.mapChunks("sigmoid", cost: 4) { s, o, n in FastMath.sigmoid(s, o, n) }
    guard Tape.tracked(x) else { return y }
    return y.recorded(x) { g in [try g * y * (1 - y)] }
}

/// max(x, 0).
public func relu(_ x: Tensor) throws -> Tensor {
    let y = try x.map(.relu)
    guard Tape.tracked(x) else { return y }
    return y.recorded(x) { g in [try g * Tensor.compare(.greater, y, Tensor(Float(0)))] }
}
