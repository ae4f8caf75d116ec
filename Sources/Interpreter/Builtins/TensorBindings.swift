import Foundation
import Reports
import Tensors

/// The tensor API of tensor-api.md, bound through the registry: `Tensor` (float32; also written
/// `Tensor<Float>`), `Tensor<Int32>`, `TensorShape`, operators, math, reductions, reshaping.
/// Every TensorError becomes an error of the cell at the call's range.
enum TensorBindings {
    /// Values of both dtypes share this type (the Tensor struct carries its dtype).
    static let tensor = NativeType(name: "Tensor")
    /// `Tensor<Int32>(...)`: the initializers that make int32 tensors.
    static let int32Tensor = NativeType(name: "Tensor<Int32>")
    static let shape = NativeType(name: "TensorShape")

    static func register(_ b: Builtins) {
        registerTypes(b)
        registerInitializers()
        registerMembers()
        registerOperators()
        registerFunctions(b)
    }

    static func value(_ t: Tensor) -> Value { .native(NativeValue(t, type: tensor)) }

    /// Runs a tensor operation; its TensorError becomes a cell error.
    static func op(_ body: () throws -> Tensor) throws -> Value {
        do { return value(try body()) } catch let e as TensorError { throw RuntimeError(e.message) }
    }

    static func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as TensorError { throw RuntimeError(e.message) }
    }

    static func tensor(_ v: Value, _ what: String) throws -> Tensor {
        if case .native(let n) = v, let t = n.value as? Tensor { return t }
        throw RuntimeError("\(what): expected a Tensor, got \(typeName(v))")
    }

    static func ints(_ v: Value, _ what: String) throws -> [Int] {
        if case .native(let n) = v, let s = n.value as? TensorShape { return s.dimensions.map { $0 ?? -1 } }
        if case .int(let i) = v { return [i] }
        return try v.array(what).map { try $0.int(what) }
    }

    // MARK: Types

    static func registerTypes(_ b: Builtins) {
        tensor.describe = { ($0 as? Tensor)?.description ?? "Tensor" }
        tensor.typeName = { ($0 as? Tensor).map { $0.dtype == .int32 ? "Tensor<Int32>" : "Tensor<Float>" } ?? "Tensor" }
        tensor.richValue = { any in
            guard let t = any as? Tensor else { return .text("Tensor") }
            return .tensor(shape: t.shape.dimensions, text: t.description)
        }
        tensor.specialized = ["Float": tensor, "Int": int32Tensor, "Double": tensor]
        int32Tensor.specialized = tensor.specialized
        _ = b.type(tensor)
        shape.describe = { ($0 as? TensorShape)?.description ?? "TensorShape" }
        shape.equals = { a, b in (a as? TensorShape) == (b as? TensorShape) }
        shape.subscriptGet = { _, v, indices, _ in
            guard case .native(let n) = v, let s = n.value as? TensorShape, indices.count == 1 else { throw RuntimeError("TensorShape takes one index") }
            let i = try indices[0].int("TensorShape index")
            guard let d = try run({ try s.dimension(at: i) }) else { return .none }
            return .int(d)
        }
        shape.property("dimensions") { _, v in
            guard case .native(let n) = v, let s = n.value as? TensorShape else { return .void }
            return .array(ArrayStorage(s.dimensions.map { $0.map(Value.int) ?? .none }))
        }
        shape.property("rank") { _, v in
            guard case .native(let n) = v, let s = n.value as? TensorShape else { return .void }
            return .int(s.rank)
        }
        shape.property("count") { _, v in
            guard case .native(let n) = v, let s = n.value as? TensorShape else { return .void }
            return .int(s.rank)
        }
        shape.property("elements") { _, v in
            guard case .native(let n) = v, let s = n.value as? TensorShape else { return .void }
            return .array(ArrayStorage(s.dimensions.map { $0.map(Value.int) ?? .none }))
        }
        shape.initializer([.unlabelled]) { _, args in .native(NativeValue(TensorShape(try ints(args[0], "TensorShape")), type: shape)) }
        _ = b.type(shape)
    }

    // MARK: Creation

    /// The flat elements and shape of a nested array literal (`[[1, 2], [3, 4]]`).
    static func flatten(_ v: Value) throws -> (shape: [Int], scalars: [Double]) {
        switch v {
        case .int(let i): return ([], [Double(i)])
        case .double(let d): return ([], [d])
        case .float(let f): return ([], [Double(f)])
        case .bool(let b): return ([], [b ? 1 : 0])
        case .array(let a):
            if a.elements.isEmpty { return ([0], []) }
            var inner: [Int]? = nil
            var all: [Double] = []
            for e in a.elements {
                let (s, xs) = try flatten(e)
                if let i = inner, i != s { throw RuntimeError("Tensor: rows have different shapes \(i) and \(s)") }
                inner = s
                all += xs
            }
            return ([a.elements.count] + (inner ?? []), all)
        case .native(let n):
            if let t = n.value as? Tensor { return (t.shape.dimensions.map { $0 ?? 0 }, t.scalars.map(Double.init)) }
        default: break
        }
        throw RuntimeError("Tensor: cannot make a tensor from a value of type '\(typeName(v))'")
    }

    static func make(_ v: Value, dtype: DType) throws -> Value {
        if case .native(let n) = v, let t = n.value as? Tensor {
            return try op { try t.converted(to: dtype) }
        }
        let (shape, xs) = try flatten(v)
        switch dtype {
        case .float32: return try op { try Tensor(shape: shape, scalars: xs.map { Float($0) }) }
        case .int32:
            return try op { try Tensor(shape: shape, int32Scalars: try xs.map { d in
                guard d == d.rounded(), abs(d) < 2147483648 else { throw TensorError("Tensor<Int32>: \(d) is not a 32-bit integer") }
                return Int32(d)
            }) }
        }
    }

    static func registerInitializers() {
        for (type, dtype) in [(tensor, DType.float32), (int32Tensor, DType.int32)] {
            type.initializer([.unlabelled]) { _, a in try make(a[0], dtype: dtype) }
            type.initializer([.labelled("zeros")]) { _, a in try op { try Tensor(zeros: try ints(a[0], "zeros"), dtype: dtype) } }
            type.initializer([.labelled("ones")]) { _, a in try op { try Tensor(ones: try ints(a[0], "ones"), dtype: dtype) } }
            type.initializer([.labelled("repeating"), .labelled("shape")]) { _, a in
                try op { try Tensor(repeating: Float(try a[0].double("repeating")), shape: try ints(a[1], "shape"), dtype: dtype) }
            }
            type.initializer([.labelled("rangeFrom"), .labelled("to"), .labelledDefault("stride", .int(1))]) { _, a in
                try op { try Tensor(rangeFrom: Float(try a[0].double()), to: Float(try a[1].double()), stride: Float(try a[2].double()), dtype: dtype) }
            }
            type.initializer([.labelled("randomUniform"), .labelledDefault("lowerBound", .int(0)), .labelledDefault("upperBound", .int(1))]) { ctx, a in
                let s = try ints(a[0], "randomUniform"), lo = Float(try a[1].double()), hi = Float(try a[2].double())
                return try op { try Tensor(randomUniform: s, lowerBound: lo, upperBound: hi, dtype: dtype, generator: &ctx.tensorGenerator) }
            }
            type.initializer([.labelled("randomNormal"), .labelledDefault("mean", .int(0)), .labelledDefault("standardDeviation", .int(1))]) { ctx, a in
                let s = try ints(a[0], "randomNormal"), m = Float(try a[1].double()), sd = Float(try a[2].double())
                return try op { try Tensor(randomNormal: s, mean: m, standardDeviation: sd, generator: &ctx.tensorGenerator).converted(to: dtype) }
            }
            type.initializer([.labelled("concatenating"), .labelledDefault("alongAxis", .int(0))]) { _, a in
                let parts = try a[0].array("concatenating").map { try tensor($0, "concatenating") }
                return try op { try Tensor(concatenating: parts, alongAxis: try a[1].int()).converted(to: dtype) }
            }
            type.initializer([.labelled("stacking"), .labelledDefault("alongAxis", .int(0))]) { _, a in
                let parts = try a[0].array("stacking").map { try tensor($0, "stacking") }
                return try op { try Tensor(stacking: parts, alongAxis: try a[1].int()).converted(to: dtype) }
            }
            type.initializer([.labelled("numpyFile")]) { ctx, a in
                let path = try ctx.dataPath(try a[0].string("numpyFile"))
                return try op { try Tensor(numpyFile: path) }
            }
        }
    }

    // MARK: Members

    static func registerMembers() {
        func this(_ a: [Value]) throws -> Tensor { try tensor(a[0], "Tensor") }
        tensor.property("shape") { _, v in .native(NativeValue(try tensor(v, "shape").shape, type: shape)) }
        tensor.property("rank") { _, v in .int(try tensor(v, "rank").rank) }
        tensor.property("scalarCount") { _, v in .int(try tensor(v, "scalarCount").scalarCount) }
        tensor.property("scalars") { _, v in
            let t = try tensor(v, "scalars")
            if t.dtype == .int32 { return .array(ArrayStorage(t.int32Scalars.map { .int(Int($0)) })) }
            return .array(ArrayStorage(t.scalars.map(Value.float)))
        }
        tensor.property("scalar") { _, v in
            let t = try tensor(v, "scalar")
            if t.dtype == .int32 { return .int(Int(try run { try t.int32Scalar })) }
            return .float(try run { try t.scalar })
        }
        tensor.property("scalarDouble") { _, v in .double(Double(try run { try tensor(v, "scalar").scalar })) }
        tensor.property("scalarInt") { _, v in .int(Int(try run { try tensor(v, "scalar").int32Scalar })) }
        tensor.property("elements") { _, v in
            let t = try tensor(v, "Tensor")
            guard let n = t.shape.dimensions.first ?? nil else { throw RuntimeError("for-in loop over a rank-0 tensor") }
            return .array(ArrayStorage(try (0..<n).map { i in try op { try t[i] } }))
        }
        tensor.property("dtype") { _, v in .string(try tensor(v, "dtype").dtype.rawValue) }
        tensor.property("description") { _, v in .string(try tensor(v, "description").description) }

        for name in ["sum", "mean", "max", "min"] {
            tensor.method(name, []) { _, a in
                let t = try this(a)
                return try op { switch name { case "sum": try t.sum(); case "mean": try t.mean(); case "max": try t.max(); default: try t.min() } }
            }
            for (label, keep) in [("alongAxes", true), ("squeezingAxes", false)] {
                tensor.method(name, [.labelled(label), .variadic(nil)]) { _, a in
                    let t = try this(a)
                    var axes = try ints(a[1], label)
                    axes += try ints(a[2], label)
                    return try op {
                        switch (name, keep) {
                        case ("sum", true): try t.sum(alongAxes: axes)
                        case ("sum", false): try t.sum(squeezingAxes: axes)
                        case ("mean", true): try t.mean(alongAxes: axes)
                        case ("mean", false): try t.mean(squeezingAxes: axes)
                        case ("max", true): try t.max(alongAxes: axes)
                        case ("max", false): try t.max(squeezingAxes: axes)
                        case ("min", true): try t.min(alongAxes: axes)
                        default: try t.min(squeezingAxes: axes)
                        }
                    }
                }
            }
        }
        tensor.method("argmax", [.labelled("squeezingAxis")]) { _, a in try op { try this(a).argmax(squeezingAxis: try a[1].int()) } }
        tensor.method("reshaped", [.labelled("to")]) { _, a in try op { try this(a).reshaped(to: try ints(a[1], "reshaped")) } }
        tensor.method("expandingShape", [.labelled("at")]) { _, a in try op { try this(a).expandingShape(at: try a[1].int()) } }
        tensor.method("squeezingShape", [.labelled("at"), .variadic(nil)]) { _, a in
            try op { try this(a).squeezingShape(at: try ints(a[1], "squeezingShape") + ints(a[2], "squeezingShape")) }
        }
        tensor.method("transposed", []) { _, a in try op { try this(a).transposed() } }
        tensor.method("transposed", [.labelled("permutation"), .variadic(nil)]) { _, a in
            try op { try this(a).transposed(permutation: try ints(a[1], "permutation") + ints(a[2], "permutation")) }
        }
        tensor.method("repeated", [.unlabelled, .labelled("alongAxis")]) { _, a in try op { try this(a).repeated(try a[1].int(), alongAxis: try a[2].int()) } }
        tensor.method("tiled", [.labelled("multiples")]) { _, a in try op { try this(a).tiled(multiples: try ints(a[1], "multiples")) } }
        tensor.subscriptGet = { _, v, indices, _ in
            let t = try tensor(v, "Tensor")
            let idx: [TensorIndex] = try indices.map { i in
                switch i {
                case .int(let k): return .at(k)
                case .range(let l, let u): return .range(lower: l == Int.min ? nil : l, upper: u == Int.max ? nil : u, stride: 1)
                case .closedRange(let l, let u): return .range(lower: l == Int.min ? nil : l, upper: u + 1, stride: 1)
                case .function(let f) where f.proto.name == "...": return .ellipsis
                default: throw RuntimeError("Tensor index: expected an Int, a range or ..., got \(typeName(i))")
                }
            }
            return try op { try t.indexed(idx) }
        }
    }

    // MARK: Operators and functions

    static func registerOperators() {
        tensor.binaryOperator = { _, opName, a, b in
            var name = opName
            if name.count == 2, name.hasSuffix("="), !["==", "<=", ">="].contains(name) { name = String(name.dropLast()) }
            func operand(_ v: Value) throws -> Tensor? {
                switch v {
                case .native(let n): return n.value as? Tensor
                case .int(let i): return try Tensor(Float(i))
                case .double(let d): return try Tensor(Float(d))
                case .float(let f): return try Tensor(f)
                default: return nil
                }
            }
            guard let x = try run({ try operand(a) }), let y = try run({ try operand(b) }) else { return nil }
            // A scalar takes the tensor's dtype (`ids + 1` stays int32).
            let xs = !isNative(a) && isNative(b) ? try run { try x.converted(to: y.dtype) } : x
            let ys = !isNative(b) && isNative(a) ? try run { try y.converted(to: x.dtype) } : y
            switch name {
            case "+": return try op { try xs + ys }
            case "-": return try op { try xs - ys }
            case "*": return try op { try xs * ys }
            case "/": return try op { try xs / ys }
            case ".==": return try op { try xs .== ys }
            case ".!=": return try op { try xs .!= ys }
            case ".<": return try op { try xs .< ys }
            case ".>": return try op { try xs .> ys }
            case ".<=": return try op { try xs .<= ys }
            case ".>=": return try op { try xs .>= ys }
            case "pow": return try op { try Tensors.pow(xs, ys) }
            case "==": return .bool(xs.shape == ys.shape && xs.dtype == ys.dtype && xs.scalars == ys.scalars)
            case "!=": return .bool(!(xs.shape == ys.shape && xs.dtype == ys.dtype && xs.scalars == ys.scalars))
            default: throw RuntimeError("operator '\(opName)' is not defined for tensors")
            }
        }
        tensor.prefixOperator = { _, name, v in
            let t = try tensor(v, name)
            switch name {
            case "-": return try op { try -t }
            case "exp": return try op { try Tensors.exp(t) }
            case "log": return try op { try Tensors.log(t) }
            case "sqrt": return try op { try Tensors.sqrt(t) }
            case "abs": return try op { try Tensors.abs(t) }
            case "tanh": return try op { try Tensors.tanh(t) }
            default: return nil
            }
        }
    }

    static func isNative(_ v: Value) -> Bool {
        if case .native = v { return true }
        return false
    }

    static func registerFunctions(_ b: Builtins) {
        b.function("matmul", [.unlabelled, .unlabelled]) { _, a in
            try op { try matmul(try tensor(a[0], "matmul"), try tensor(a[1], "matmul")) }
        }
        b.function("matmul", [.unlabelled, .labelled("transposed"), .unlabelled, .labelled("transposed")]) { _, a in
            try op { try matmul(try tensor(a[0], "matmul"), transposed: try a[1].bool(), try tensor(a[2], "matmul"), transposed: try a[3].bool()) }
        }
        b.function("softmax", [.unlabelled]) { _, a in try op { try softmax(try tensor(a[0], "softmax")) } }
        b.function("softmax", [.unlabelled, .labelled("alongAxis")]) { _, a in try op { try softmax(try tensor(a[0], "softmax"), alongAxis: try a[1].int()) } }
        b.function("logSoftmax", [.unlabelled]) { _, a in try op { try logSoftmax(try tensor(a[0], "logSoftmax")) } }
        b.function("logSoftmax", [.unlabelled, .labelled("alongAxis")]) { _, a in
            try op { try logSoftmax(try tensor(a[0], "logSoftmax"), alongAxis: try a[1].int()) }
        }
        b.function("sigmoid", [.unlabelled]) { _, a in try op { try sigmoid(try tensor(a[0], "sigmoid")) } }
        b.function("relu", [.unlabelled]) { _, a in
            if case .native = a[0] { return try op { try relu(try tensor(a[0], "relu")) } }
            return .double(max(0, try a[0].double("relu")))
        }
        b.function("maximum", [.unlabelled, .unlabelled]) { _, a in try op { try maximum(try tensor(a[0], "maximum"), try tensor(a[1], "maximum")) } }
        b.function("minimum", [.unlabelled, .unlabelled]) { _, a in try op { try minimum(try tensor(a[0], "minimum"), try tensor(a[1], "minimum")) } }
        b.function("loadNumpyArchive", [.unlabelled]) { ctx, a in
            let path = try ctx.dataPath(try a[0].string("loadNumpyArchive"))
            let arrays = try run { try Tensors.loadNumpyArchive(path) }
            var d = OrderedDictionary()
            for k in arrays.keys.sorted() { d.set(.string(k), value(arrays[k]!)) }
            return .dictionary(d)
        }
    }
}
