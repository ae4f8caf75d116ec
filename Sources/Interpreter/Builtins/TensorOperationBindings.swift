// Tensor operations in cells: arithmetic with broadcasting and scalars on either side,
// element-wise comparisons, math functions, matmul, reductions, reshaping and combining.
// Every operation checks shapes in the engine (Sources/Tensors), whose message names both shapes.
import Foundation
import Layers
import Tensors

func registerTensorOperationBindings(_ b: Builtins) {
    let tensor = TensorTypes.tensor
    tensor.binaryOperator = { _, op, a, b in try engineCall { try tensorBinary(op, a, b) } }
    tensor.prefixOperator = { _, op, v in
        try engineCall {
            let x = try v.tensor(op)
            switch op {
            case "-": return tensorValue(try -x)
            case "exp": return tensorValue(try exp(x))
            case "log": return tensorValue(try log(x))
            case "sqrt": return tensorValue(try sqrt(x))
            case "abs": return tensorValue(try abs(x))
            case "tanh": return tensorValue(try tanh(x))
            default: return nil
            }
        }
    }
    registerMathFunctions(b)
    registerReductions(tensor)
    registerReshaping(tensor)
}

/// `a op b` where at least one side is a tensor and the other a tensor or a Swift number.
private func tensorBinary(_ op: String, _ a: Value, _ b: Value) throws -> Value? {
    let x = try? a.tensor(op), y = try? b.tensor(op)
    if op == "==" || op == "!=" {
        guard let x, let y else { return nil }
        return .bool(tensorsEqual(x, y) == (op == "=="))
    }
    if op == "pow" {
        guard let x else { return nil }
        if let y { return tensorValue(try pow(x, y)) }
        guard let p = b.floatScalar else { return nil }
        return tensorValue(try pow(x, p))
    }
    typealias Kernel = (Tensor, Tensor) throws -> Tensor
    let kernel: Kernel
    let withScalarRight: (Tensor, Float) throws -> Tensor
    let withScalarLeft: ((Float, Tensor) throws -> Tensor)?
    switch op {
    case "+": (kernel, withScalarRight, withScalarLeft) = ({ try $0 + $1 }, { try $0 + $1 }, { try $0 + $1 })
    case "-": (kernel, withScalarRight, withScalarLeft) = ({ try $0 - $1 }, { try $0 - $1 }, { try $0 - $1 })
    case "*": (kernel, withScalarRight, withScalarLeft) = ({ try $0 * $1 }, { try $0 * $1 }, { try $0 * $1 })
    case "/": (kernel, withScalarRight, withScalarLeft) = ({ try $0 / $1 }, { try $0 / $1 }, { try $0 / $1 })
    case ".==": (kernel, withScalarRight, withScalarLeft) = ({ try $0 .== $1 }, { try $0 .== $1 }, nil)
    case ".!=": (kernel, withScalarRight, withScalarLeft) = ({ try $0 .!= $1 }, { try $0 .!= $1 }, nil)
    case ".<": (kernel, withScalarRight, withScalarLeft) = ({ try $0 .< $1 }, { try $0 .< $1 }, nil)
    case ".>": (kernel, withScalarRight, withScalarLeft) = ({ try $0 .> $1 }, { try $0 .> $1 }, nil)
    case ".<=": (kernel, withScalarRight, withScalarLeft) = ({ try $0 .<= $1 }, { try $0 .<= $1 }, nil)
    case ".>=": (kernel, withScalarRight, withScalarLeft) = ({ try $0 .>= $1 }, { try $0 .>= $1 }, nil)
    default: return nil
    }
    switch (x, y) {
    case let (x?, y?): return tensorValue(try kernel(x, y))
    case let (x?, nil):
        guard let s = b.floatScalar else { return nil }
        return tensorValue(try withScalarRight(x, s))
    case let (nil, y?):
        guard let s = a.floatScalar else { return nil }
        if let left = withScalarLeft { return tensorValue(try left(s, y)) }
        // `2 .< x` is `x .> 2`: compare with the scalar as a tensor of x's dtype.
        let scalar = try Tensor(repeating: s, shape: [], dtype: y.dtype)
        return tensorValue(try kernel(scalar, y))
    default: return nil
    }
}

// MARK: - Free functions

private func registerMathFunctions(_ b: Builtins) {
    func unary(_ name: String, _ f: @escaping (Tensor) throws -> Tensor) {
        b.bind(name, [.unlabelled]) { _, a in tensorValue(try f(try a[0].tensor(name))) }
    }
    unary("sigmoid", sigmoid)
    unary("relu", relu)
    unary("softmax") { try softmax($0) }
    unary("logSoftmax") { try logSoftmax($0) }
    b.bind("softmax", [.unlabelled, .labelled("alongAxis")]) { _, a in
        tensorValue(try softmax(try a[0].tensor("softmax"), alongAxis: try a[1].int("softmax")))
    }
    b.bind("logSoftmax", [.unlabelled, .labelled("alongAxis")]) { _, a in
        tensorValue(try logSoftmax(try a[0].tensor("logSoftmax"), alongAxis: try a[1].int("logSoftmax")))
    }
    b.bind("matmul", [.unlabelled, .unlabelled]) { _, a in
        tensorValue(try matmul(try a[0].tensor("matmul"), try a[1].tensor("matmul")))
    }
    b.bind("maximum", [.unlabelled, .unlabelled]) { _, a in
        tensorValue(try maximum(try a[0].tensor("maximum"), try a[1].tensor("maximum")))
    }
    b.bind("minimum", [.unlabelled, .unlabelled]) { _, a in
        tensorValue(try minimum(try a[0].tensor("minimum"), try a[1].tensor("minimum")))
    }
}

// MARK: - Methods

private func registerReductions(_ tensor: NativeType) {
    typealias Reduce = (Tensor, [Int]?, Bool) throws -> Tensor
    let reductions: [(String, Reduce)] = [
        ("sum", { x, axes, keep in try axes.map { keep ? try x.sum(alongAxes: $0) : try x.sum(squeezingAxes: $0) } ?? x.sum() }),
        ("mean", { x, axes, keep in try axes.map { keep ? try x.mean(alongAxes: $0) : try x.mean(squeezingAxes: $0) } ?? x.mean() }),
        ("max", { x, axes, keep in try axes.map { keep ? try x.max(alongAxes: $0) : try x.max(squeezingAxes: $0) } ?? x.max() }),
        ("min", { x, axes, keep in try axes.map { keep ? try x.min(alongAxes: $0) : try x.min(squeezingAxes: $0) } ?? x.min() }),
    ]
    for (name, reduce) in reductions {
        tensor.bindMethod(name, []) { _, a in tensorValue(try reduce(try a[0].tensor(name), nil, false)) }
        tensor.bindMethod(name, [.variadic("alongAxes")]) { _, a in
            tensorValue(try reduce(try a[0].tensor(name), try a[1].ints("\(name)(alongAxes:)"), true))
        }
        tensor.bindMethod(name, [.variadic("squeezingAxes")]) { _, a in
            tensorValue(try reduce(try a[0].tensor(name), try a[1].ints("\(name)(squeezingAxes:)"), false))
        }
    }
    tensor.bindMethod("argmax", [.labelled("squeezingAxis")]) { _, a in
        tensorValue(try a[0].tensor("argmax").argmax(squeezingAxis: try a[1].int("argmax")))
    }
    tensor.bindMethod("argmax", []) { _, a in
        let x = try a[0].tensor("argmax")
        return tensorValue(try x.reshaped(to: [-1]).argmax(squeezingAxis: 0))
    }
}

private func registerReshaping(_ tensor: NativeType) {
    tensor.bindMethod("reshaped", [.labelled("to")]) { _, a in
        tensorValue(try a[0].tensor("reshaped").reshaped(to: try a[1].ints("reshaped(to:)")))
    }
    tensor.bindMethod("expandingShape", [.variadic("at")]) { _, a in
        var x = try a[0].tensor("expandingShape")
        for axis in try a[1].ints("expandingShape(at:)") { x = try x.expandingShape(at: axis) }
        return tensorValue(x)
    }
    tensor.bindMethod("squeezingShape", [.variadic("at")]) { _, a in
        tensorValue(try a[0].tensor("squeezingShape").squeezingShape(at: try a[1].ints("squeezingShape(at:)")))
    }
    tensor.bindMethod("squeezingShape", []) { _, a in
        tensorValue(try a[0].tensor("squeezingShape").squeezingShape(at: []))
    }
    tensor.bindMethod("transposed", []) { _, a in tensorValue(try a[0].tensor("transposed").transposed()) }
    tensor.bindMethod("transposed", [.variadic("permutation")]) { _, a in
        tensorValue(try a[0].tensor("transposed").transposed(permutation: try a[1].ints("transposed(permutation:)")))
    }
    tensor.bindMethod("repeated", [.unlabelled, .labelled("alongAxis")]) { _, a in
        tensorValue(try a[0].tensor("repeated").repeated(try a[1].int("repeated"), alongAxis: try a[2].int("repeated")))
    }
    tensor.bindMethod("tiled", [.labelled("multiples")]) { _, a in
        tensorValue(try a[0].tensor("tiled").tiled(multiples: try a[1].ints("tiled(multiples:)")))
    }
    tensor.bindMethod("concatenated", [.labelled("with"), .labelledDefault("alongAxis", .int(0))]) { _, a in
        tensorValue(try Tensor(concatenating: [try a[0].tensor("concatenated"), try a[1].tensor("concatenated")], alongAxis: try a[2].int()))
    }
}
