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

public func exp(_ x: Tensor) throws -> Tensor {
    try x.mapChunks("exp", cost: 4) { s, o, n in FastMath.exp(s, o, n) }
}

public func log(_ x: Tensor) throws -> Tensor {
    try x.map(.log)
}

public func sqrt(_ x: Tensor) throws -> Tensor {
    try x.map(.sqrt)
}

public func abs(_ x: Tensor) throws -> Tensor {
    try x.map(.abs)
}

/// `x` to the power `p`, elementwise (`pow(x, 2)` squares exactly).
public func pow(_ x: Tensor, _ p: Float) throws -> Tensor {
    if p == 2 { return try x.map(.square) }
    return try pow(x, x.scalarLike(p, operation: "pow"))
}

/// `x` to the power `p`, elementwise and broadcast.
public func pow(_ x: Tensor, _ p: Tensor) throws -> Tensor {
    try Tensor.binary(.pow, x, p, cost: 8)
}

public func tanh(_ x: Tensor) throws -> Tensor {
    try x.mapChunks("tanh", cost: 4) { s, o, n in FastMath.tanh(s, o, n) }
}

/// 1 / (1 + exp(-x)).
public func sigmoid(_ x: Tensor) throws -> Tensor {
    try x.mapChunks("sigmoid", cost: 4) { s, o, n in FastMath.sigmoid(s, o, n) }
}

/// max(x, 0).
public func relu(_ x: Tensor) throws -> Tensor {
    try x.map(.relu)
}
