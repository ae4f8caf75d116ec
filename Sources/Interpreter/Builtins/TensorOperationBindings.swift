// Tensor operations in cells: arithmetic with broadcasting and scalars on either side,
// element-wise comparisons, math functions, matmul, reductions, reshaping and combining.
// Every operation checks shapes in the engine (Sources/Tensors), whose message names both shapes.
// On the symbolic output of a layer (a model being built) an operation is recorded in the
// model's graph, named as Keras 3 names it (`add (Add)`, `expand_dims (ExpandDims)`, ...).
import Foundation
import Layers
import Tensors

func registerTensorOperationBindings(_ b: Builtins) {
    let tensor = TensorTypes.tensor
    tensor.binaryOperator = { ctx, op, a, b in try engineCall { try tensorBinary(ctx, op, a, b) } }
    tensor.prefixOperator = { ctx, op, v in
        try engineCall {
            let unary: [String: (String, String, (Tensor) throws -> Tensor)] = [
                "-": ("negative", "Negative", { try -$0 }), "exp": ("exp", "Exp", exp), "log": ("log", "Log", log),
                "sqrt": ("sqrt", "Sqrt", sqrt), "abs": ("absolute", "Absolute", abs), "tanh": ("tanh", "Tanh", tanh),
            ]
            guard let (name, className, f) = unary[op] else { return nil }
            return tensorValue(try graphOperation(ctx, name, className, [try v.tensor(op)]) { try f($0[0]) })
        }
    }
    registerMathFunctions(b)
    registerTransposedMatmul(b)
    registerReductions(tensor)
    registerReshaping(tensor)
}

/// Runs `op` on `inputs`. When an input is the symbolic output of a layer or an `Input` (a model
/// being built), the operation is also recorded as a node of the graph, as Keras 3 records an
/// operation on KerasTensors, so `Model(inputs:outputs:)` reaches through it and runs it.
/// (Inside a user layer's body the tensors carry no history: nothing is recorded, as in Keras.)
func graphOperation(_ ctx: Context, _ name: String, _ className: String, _ inputs: [Tensor],
                    _ op: @escaping ([Tensor]) throws -> Tensor) throws -> Tensor {
    let result = try op(inputs)
    let recorded = inputs.indices.filter { (inputs[$0].origin as? TensorHistory)?.node != nil }
    guard !recorded.isEmpty else { return result }
    return recordOperation(name, className: className, inputs: recorded.map { inputs[$0] },
                           output: (result.shape, result.dtype), session: ctx.bindings.layers) { values in
        var args = inputs
        for (k, i) in recorded.enumerated() { args[i] = values[k] }
        return try op(args)
    }
}

/// Keras 3's names for the element-wise operators.
private let binaryNames: [String: (String, String)] = [
    "+": ("add", "Add"), "-": ("subtract", "Subtract"), "*": ("multiply", "Multiply"), "/": ("true_divide", "TrueDivide"),
    ".==": ("equal", "Equal"), ".!=": ("not_equal", "NotEqual"), ".<": ("less", "Less"), ".>": ("greater", "Greater"),
    ".<=": ("less_equal", "LessEqual"), ".>=": ("greater_equal", "GreaterEqual"), "pow": ("power", "Power"),
]

/// The engine's kernel for an element-wise operator.
private func kernel(_ op: String) -> ((Tensor, Tensor) throws -> Tensor)? {
    switch op {
    case "+": return { try $0 + $1 }
    case "-": return { try $0 - $1 }
    case "*": return { try $0 * $1 }
    case "/": return { try $0 / $1 }
    case ".==": return { try $0 .== $1 }
    case ".!=": return { try $0 .!= $1 }
    case ".<": return { try $0 .< $1 }
    case ".>": return { try $0 .> $1 }
    case ".<=": return { try $0 .<= $1 }
    case ".>=": return { try $0 .>= $1 }
    case "pow": return { try pow($0, $1) }
    default: return nil
    }
}

/// `a op b` where at least one side is a tensor and the other a tensor or a Swift number
/// (which takes the tensor's dtype, as a literal does in Swift for TensorFlow).
private func tensorBinary(_ ctx: Context, _ op: String, _ a: Value, _ b: Value) throws -> Value? {
    let x = try? a.tensor(op), y = try? b.tensor(op)
    if op == "==" || op == "!=" {
        guard let x, let y else { return nil }
        return .bool(tensorsEqual(x, y) == (op == "=="))
    }
    guard let f = kernel(op), let (name, className) = binaryNames[op] else { return nil }
    switch (x, y) {
    case let (x?, y?):
        return tensorValue(try graphOperation(ctx, name, className, [x, y]) { try f($0[0], $0[1]) })
    case let (x?, nil):
        guard let s = b.floatScalar else { return nil }
        if op == "pow" { return tensorValue(try graphOperation(ctx, name, className, [x]) { try pow($0[0], s) }) }
        return tensorValue(try graphOperation(ctx, name, className, [x]) { try f($0[0], try Tensor(repeating: s, shape: [], dtype: $0[0].dtype)) })
    case let (nil, y?):
        guard let s = a.floatScalar, op != "pow" else { return nil }
        return tensorValue(try graphOperation(ctx, name, className, [y]) { try f(try Tensor(repeating: s, shape: [], dtype: $0[0].dtype), $0[0]) })
    default: return nil
    }
}

// MARK: - Free functions

private func registerMathFunctions(_ b: Builtins) {
    func unary(_ name: String, _ kerasName: String, _ className: String, _ f: @escaping (Tensor) throws -> Tensor) {
        b.bind(name, [.unlabelled]) { ctx, a in tensorValue(try graphOperation(ctx, kerasName, className, [try a[0].tensor(name)]) { try f($0[0]) }) }
    }
    unary("sigmoid", "sigmoid", "Sigmoid", sigmoid)
    unary("relu", "relu", "Relu", relu)
    unary("softmax", "softmax", "Softmax") { try softmax($0) }
    unary("logSoftmax", "log_softmax", "LogSoftmax") { try logSoftmax($0) }
    b.bind("softmax", [.unlabelled, .labelled("alongAxis")]) { ctx, a in
        let axis = try a[1].int("softmax")
        return tensorValue(try graphOperation(ctx, "softmax", "Softmax", [try a[0].tensor("softmax")]) { try softmax($0[0], alongAxis: axis) })
    }
    b.bind("logSoftmax", [.unlabelled, .labelled("alongAxis")]) { ctx, a in
        let axis = try a[1].int("logSoftmax")
        return tensorValue(try graphOperation(ctx, "log_softmax", "LogSoftmax", [try a[0].tensor("logSoftmax")]) { try logSoftmax($0[0], alongAxis: axis) })
    }
    let binary: [(String, String, (Tensor, Tensor) throws -> Tensor)] = [
        ("matmul", "Matmul", { try Tensors.matmul($0, $1) }), ("maximum", "Maximum", { try Tensors.maximum($0, $1) }),
        ("minimum", "Minimum", { try Tensors.minimum($0, $1) }),
    ]
    for (name, className, f) in binary {
        b.bind(name, [.unlabelled, .unlabelled]) { ctx, a in
            tensorValue(try graphOperation(ctx, name, className, [try a[0].tensor(name), try a[1].tensor(name)]) { try f($0[0], $0[1]) })
        }
    }
}

/// Swift for TensorFlow's `matmul(a, transposed: true, b, transposed: false)`: the last two
/// axes of a flagged operand are swapped first.
private func registerTransposedMatmul(_ b: Builtins) {
    b.bind("matmul", [.unlabelled, .labelledDefault("transposed", .bool(false)), .unlabelled, .labelledDefault("transposed", .bool(false))]) { ctx, a in
        let (ta, tb) = (try a[1].bool("matmul(transposed:)"), try a[3].bool("matmul(transposed:)"))
        func swapLast(_ x: Tensor) throws -> Tensor {
            guard x.rank >= 2 else { return x }
            var permutation = Array(0..<x.rank)
            permutation.swapAt(x.rank - 1, x.rank - 2)
            return try x.transposed(permutation: permutation)
        }
        return tensorValue(try graphOperation(ctx, "matmul", "Matmul", [try a[0].tensor("matmul"), try a[2].tensor("matmul")]) {
            try Tensors.matmul(ta ? try swapLast($0[0]) : $0[0], tb ? try swapLast($0[1]) : $0[1])
        })
    }
}

// MARK: - Methods

private func registerReductions(_ tensor: NativeType) {
    typealias Reduce = (Tensor, [Int]?, Bool) throws -> Tensor
    let reductions: [(String, String, Reduce)] = [
        ("sum", "Sum", { x, axes, keep in try axes.map { keep ? try x.sum(alongAxes: $0) : try x.sum(squeezingAxes: $0) } ?? x.sum() }),
        ("mean", "Mean", { x, axes, keep in try axes.map { keep ? try x.mean(alongAxes: $0) : try x.mean(squeezingAxes: $0) } ?? x.mean() }),
        ("max", "Max", { x, axes, keep in try axes.map { keep ? try x.max(alongAxes: $0) : try x.max(squeezingAxes: $0) } ?? x.max() }),
        ("min", "Min", { x, axes, keep in try axes.map { keep ? try x.min(alongAxes: $0) : try x.min(squeezingAxes: $0) } ?? x.min() }),
    ]
    for (name, className, reduce) in reductions {
        func bind(_ params: [ParamSpec], keep: Bool) {
            tensor.bindMethod(name, params) { ctx, a in
                let axes = params.isEmpty ? nil : try a[1].ints("\(name)(\(keep ? "alongAxes" : "squeezingAxes"):)")
                return tensorValue(try graphOperation(ctx, name, className, [try a[0].tensor(name)]) { try reduce($0[0], axes, keep) })
            }
        }
        bind([], keep: false)
        bind([.variadic("alongAxes")], keep: true)
        bind([.variadic("squeezingAxes")], keep: false)
    }
    tensor.bindMethod("argmax", [.labelled("squeezingAxis")]) { ctx, a in
        let axis = try a[1].int("argmax")
        return tensorValue(try graphOperation(ctx, "argmax", "Argmax", [try a[0].tensor("argmax")]) { try $0[0].argmax(squeezingAxis: axis) })
    }
    tensor.bindMethod("argmax", []) { ctx, a in
        tensorValue(try graphOperation(ctx, "argmax", "Argmax", [try a[0].tensor("argmax")]) { try $0[0].reshaped(to: [-1]).argmax(squeezingAxis: 0) })
    }
}

private func registerReshaping(_ tensor: NativeType) {
    /// A method of one tensor and plain arguments, recorded under Keras's name on symbolic tensors.
    func method(_ name: String, _ params: [ParamSpec], _ keras: (String, String),
                _ body: @escaping ([Value]) throws -> (Tensor) throws -> Tensor) {
        tensor.bindMethod(name, params) { ctx, a in
            let f = try body(a)
            return tensorValue(try graphOperation(ctx, keras.0, keras.1, [try a[0].tensor(name)]) { try f($0[0]) })
        }
    }
    method("reshaped", [.labelled("to")], ("reshape", "Reshape")) { a in
        let shape = try a[1].ints("reshaped(to:)")
        return { try $0.reshaped(to: shape) }
    }
    method("expandingShape", [.variadic("at")], ("expand_dims", "ExpandDims")) { a in
        let axes = try a[1].ints("expandingShape(at:)")
        return { x in try axes.reduce(x) { try $0.expandingShape(at: $1) } }
    }
    method("squeezingShape", [.variadic("at")], ("squeeze", "Squeeze")) { a in
        let axes = try a[1].ints("squeezingShape(at:)")
        return { try $0.squeezingShape(at: axes) }
    }
    method("transposed", [], ("transpose", "Transpose")) { _ in { try $0.transposed() } }
    method("transposed", [.variadic("permutation")], ("transpose", "Transpose")) { a in
        let permutation = try a[1].ints("transposed(permutation:)")
        return { try $0.transposed(permutation: permutation) }
    }
    method("repeated", [.unlabelled, .labelled("alongAxis")], ("repeat", "Repeat")) { a in
        let (count, axis) = (try a[1].int("repeated"), try a[2].int("repeated"))
        return { try $0.repeated(count, alongAxis: axis) }
    }
    method("tiled", [.labelled("multiples")], ("tile", "Tile")) { a in
        let multiples = try a[1].ints("tiled(multiples:)")
        return { try $0.tiled(multiples: multiples) }
    }
    tensor.bindMethod("concatenated", [.labelled("with"), .labelledDefault("alongAxis", .int(0))]) { ctx, a in
        let axis = try a[2].int()
        return tensorValue(try graphOperation(ctx, "concatenate", "Concatenate", [try a[0].tensor("concatenated"), try a[1].tensor("concatenated")]) {
            try Tensor(concatenating: $0, alongAxis: axis)
        })
    }
}
