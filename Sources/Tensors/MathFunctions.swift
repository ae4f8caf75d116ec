// Elementwise math functions: exp, log, sqrt, pow, abs, tanh, sigmoid, relu.
import Foundation

extension Tensor {
    /// Applies a function to every element (same shape, same dtype). `int` nil means the
    /// function is float-only and an int32 input is an error naming the dtype.
    @inline(__always)
    func map(_ operation: String, cost: Int = 1, float: (Float) -> Float,
             int: ((Int32) -> Int32)?) throws -> Tensor {
        if isSymbolic { return Tensor(symbolicShape: shape, dtype: dtype) }
        let src = buffer!
        switch dtype {
        case .float32:
            return try Tensor.float32(dims) { out, count in
                let s = src.floats
                Parallel.chunks(count, costPerElement: cost) { r in for i in r { out[i] = float(s[i]) } }
            }
        case .int32:
            guard let int else {
                throw TensorError("\(operation): needs a float32 tensor, got int32 of shape \(shape) (convert with Tensor<Float>(x))")
            }
            return try Tensor.int32(dims) { out, count in
                let s = src.ints
                Parallel.chunks(count, costPerElement: cost) { r in for i in r { out[i] = int(s[i]) } }
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
    try x.map("log", cost: 8, float: { Foundation.log($0) }, int: nil)
}

public func sqrt(_ x: Tensor) throws -> Tensor {
    try x.map("sqrt", cost: 2, float: { $0.squareRoot() }, int: nil)
}

public func abs(_ x: Tensor) throws -> Tensor {
    try x.map("abs", float: { Swift.abs($0) }, int: { $0 == .min ? .min : Swift.abs($0) })
}

/// `x` to the power `p`, elementwise (`pow(x, 2)` squares exactly).
public func pow(_ x: Tensor, _ p: Float) throws -> Tensor {
    if p == 2 { return try x.map("pow", float: { $0 * $0 }, int: { $0 &* $0 }) }
    if p == 1 { return try x.map("pow", float: { $0 }, int: { $0 }) }
    if p == 0.5 { return try x.map("pow", cost: 2, float: { $0.squareRoot() }, int: nil) }
    return try x.map("pow", cost: 8, float: { Foundation.pow($0, p) }, int: nil)
}

/// `x` to the power `p`, elementwise and broadcast.
public func pow(_ x: Tensor, _ p: Tensor) throws -> Tensor {
    try Tensor.binary("pow", x, p, cost: 8, float: { Foundation.pow($0, $1) }, int: nil)
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
    try x.map("relu", float: { $0 > 0 ? $0 : ($0.isNaN ? $0 : 0) }, int: { Swift.max($0, 0) })
}
