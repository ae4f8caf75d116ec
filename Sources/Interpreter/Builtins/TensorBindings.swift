// `Tensor` in cells: the type (`Tensor`, `Tensor<Float>`, `Tensor<Int32>`), its initializers,
// what it shows, its inspection properties, subscripts and `TensorShape`. Operations are in
// TensorOperationBindings.swift. The contract is /work/shared/design/tensor-api.md.
import Foundation
import Layers
import Tensors

/// The native types of the tensor API. Every tensor value carries `tensor` (its dtype is inside);
/// `int32Tensor` is what `Tensor<Int32>` names: the same type whose initializers make int32.
enum TensorTypes {
    static let tensor = NativeType(name: "Tensor")
    static let int32Tensor = NativeType(name: "Tensor")
    /// `Tensor<Double>` and other element types the engine lacks: no initializers, so using one
    /// is an error at the call (never a silent float32).
    static let unsupportedTensor = NativeType(name: "Tensor")
    static let shape = NativeType(name: "TensorShape")
}

func registerTensorBindings(_ b: Builtins) {
    let tensor = b.type(TensorTypes.tensor)
    let int32 = TensorTypes.int32Tensor
    let unsupported = TensorTypes.unsupportedTensor
    tensor.specialized = ["Float": tensor, "Int32": int32, "Int": int32, "Double": unsupported, "Bool": unsupported, "String": unsupported]
    b.types["TensorShape"] = .native(TensorTypes.shape)

    tensor.describe = { ($0 as? Tensor)?.description ?? "Tensor" }
    tensor.typeName = { ($0 as? Tensor)?.dtype == .int32 ? "Tensor<Int32>" : "Tensor<Float>" }
    tensor.richValue = { value in
        guard let t = value as? Tensor else { return .text("Tensor") }
        return .tensor(shape: t.shape.dimensions, text: t.description)
    }
    tensor.equals = { a, b in
        guard let x = a as? Tensor, let y = b as? Tensor else { return false }
        return tensorsEqual(x, y)
    }
    registerInitializers(tensor, dtype: .float32)
    registerInitializers(int32, dtype: .int32)
    // `Tensor<Double>(...)` with any of the float initializers' labels: an error that says why.
    for f in tensor.initializers {
        let proto = FunctionProto(name: "init", displayName: f.proto.displayName, params: f.proto.params)
        proto.native = { _, _ in throw RuntimeError("tensors hold Float (Tensor<Float>, or just Tensor) or Int32 (Tensor<Int32>); use one of those") }
        unsupported.initializers.append(Function(proto, captured: nil))
    }
    registerInspection(tensor)
    registerShape(b)
}

/// Same shape, dtype and elements (Swift's `==` on tensors).
func tensorsEqual(_ x: Tensor, _ y: Tensor) -> Bool {
    x.dtype == y.dtype && x.shape == y.shape && !x.isSymbolic && !y.isSymbolic
        && (x.dtype == .int32 ? x.int32Scalars == y.int32Scalars : x.scalars == y.scalars)
}

// MARK: - Initializers

private func registerInitializers(_ type: NativeType, dtype: DType) {
    let what = dtype == .int32 ? "Tensor<Int32>" : "Tensor"
    // `Tensor([[1, 2], [3, 4]])`, `Tensor(3)`, and conversions `Tensor<Float>(ids)`.
    type.bindInit([.unlabelled]) { ctx, a in
        if case .native(let n) = a[0], let t = n.value as? Tensor {
            if t.dtype == dtype { return a[0] }
            return tensorValue(try graphOperation(ctx, "cast", "Cast", [t]) { try $0[0].converted(to: dtype) })
        }
        return tensorValue(try tensorFromLiteral(a[0], dtype: dtype, what: what))
    }
    type.bindInit([.labelled("shape"), .labelled("scalars")]) { _, a in
        let shape = try a[0].ints("\(what)(shape:scalars:)")
        let literal = try tensorFromLiteral(a[1], dtype: dtype, what: what)
        guard literal.rank == 1 else { throw RuntimeError("\(what)(shape:scalars:): scalars must be a flat array") }
        return tensorValue(try literal.reshaped(to: shape))
    }
    type.bindInit([.labelled("zeros")]) { _, a in tensorValue(try Tensor(zeros: try a[0].ints("\(what)(zeros:)"), dtype: dtype)) }
    type.bindInit([.labelled("ones")]) { _, a in tensorValue(try Tensor(ones: try a[0].ints("\(what)(ones:)"), dtype: dtype)) }
    type.bindInit([.labelled("repeating"), .labelled("shape")]) { _, a in
        tensorValue(try Tensor(repeating: try a[0].float("\(what)(repeating:shape:)"), shape: try a[1].ints("\(what)(repeating:shape:)"), dtype: dtype))
    }
    type.bindInit([.labelled("rangeFrom"), .labelled("to"), .labelledDefault("stride", .int(1))]) { _, a in
        let op = "\(what)(rangeFrom:to:stride:)"
        return tensorValue(try Tensor(rangeFrom: try a[0].float(op), to: try a[1].float(op), stride: try a[2].float(op), dtype: dtype))
    }
    type.bindInit([.labelled("randomUniform"), .labelledDefault("lowerBound", .int(0)), .labelledDefault("upperBound", .int(1))]) { ctx, a in
        let op = "\(what)(randomUniform:lowerBound:upperBound:)"
        let shape = try a[0].ints(op), lower = try a[1].float(op), upper = try a[2].float(op)
        return tensorValue(try Tensor(randomUniform: shape, lowerBound: lower, upperBound: upper, dtype: dtype,
                                      generator: &ctx.bindings.layers.random))
    }
    if dtype == .float32 {
        type.bindInit([.labelled("randomNormal"), .labelledDefault("mean", .int(0)), .labelledDefault("standardDeviation", .int(1))]) { ctx, a in
            let op = "Tensor(randomNormal:mean:standardDeviation:)"
            return tensorValue(try Tensor(randomNormal: try a[0].ints(op), mean: try a[1].float(op), standardDeviation: try a[2].float(op),
                                          generator: &ctx.bindings.layers.random))
        }
    }
    type.bindInit([.labelled("numpyFile")]) { ctx, a in
        let path = try sandboxedPath(try a[0].string("\(what)(numpyFile:)"), in: ctx, operation: "\(what)(numpyFile:)")
        return tensorValue(try Tensor(numpyFile: path).converted(to: dtype))
    }
    type.bindInit([.labelled("concatenating"), .labelledDefault("alongAxis", .int(0))]) { ctx, a in
        let (parts, axis) = (try a[0].tensors("\(what)(concatenating:alongAxis:)"), try a[1].int())
        return tensorValue(try graphOperation(ctx, "concatenate", "Concatenate", parts) {
            try Tensor(concatenating: $0, alongAxis: axis).converted(to: dtype)
        })
    }
    type.bindInit([.labelled("stacking"), .labelledDefault("alongAxis", .int(0))]) { ctx, a in
        let (parts, axis) = (try a[0].tensors("\(what)(stacking:alongAxis:)"), try a[1].int())
        return tensorValue(try graphOperation(ctx, "stack", "Stack", parts) { try Tensor(stacking: $0, alongAxis: axis).converted(to: dtype) })
    }
}

/// A tensor from a Swift number or nested arrays of numbers (rectangular), as
/// `Tensor([[1, 2], [3, 4]])` builds one. Int32 tensors take whole numbers only.
func tensorFromLiteral(_ v: Value, dtype: DType, what: String) throws -> Tensor {
    var shape: [Int] = []
    var floats: [Float] = []
    var ints: [Int32] = []
    var leafDepth: Int? = nil
    func walk(_ element: Value, _ depth: Int) throws {
        let v = element.fixedWidthAsInt ?? element
        switch v {
        case .array(let a):
            if let d = leafDepth, depth >= d { throw RuntimeError("\(what): nested arrays have different depths; a tensor needs a rectangular shape") }
            if depth == shape.count { shape.append(a.elements.count) } else if shape[depth] != a.elements.count {
                throw RuntimeError("\(what): nested arrays have different lengths (\(shape[depth]) and \(a.elements.count)); a tensor needs a rectangular shape")
            }
            for e in a.elements { try walk(e, depth + 1) }
        case .int, .double, .float:
            if leafDepth == nil { leafDepth = depth }
            guard leafDepth == depth, depth == shape.count else {
                throw RuntimeError("\(what): nested arrays have different depths; a tensor needs a rectangular shape")
            }
            switch (dtype, v) {
            case (.int32, .int(let i)):
                guard let x = Int32(exactly: i) else { throw RuntimeError("\(what): \(i) does not fit in Int32") }
                ints.append(x)
            case (.int32, _): throw RuntimeError("\(what): expected Int32 elements, got \(typeName(v))")
            default: floats.append(v.floatScalar!)
            }
        default:
            throw RuntimeError("\(what): expected numbers or nested arrays of numbers, got \(typeName(v))")
        }
    }
    try walk(v, 0)
    // `[[]]`: the shape is what the brackets say, with no elements.
    return dtype == .int32 ? try Tensor(shape: shape, int32Scalars: ints) : try Tensor(shape: shape, scalars: floats)
}

// MARK: - Inspection and subscripts

private func registerInspection(_ tensor: NativeType) {
    func this(_ v: Value) throws -> Tensor { try v.tensor("Tensor") }
    tensor.bindProperty("shape") { _, v in shapeValue(try this(v).shape) }
    tensor.bindProperty("rank") { _, v in .int(try this(v).rank) }
    tensor.bindProperty("scalarCount") { _, v in .int(try this(v).scalarCount) }
    tensor.bindProperty("dtype") { _, v in .string(try this(v).dtype.rawValue) }
    tensor.bindProperty("description") { _, v in .string(try this(v).description) }
    tensor.bindProperty("isSymbolic") { _, v in .bool(try this(v).isSymbolic) }
    tensor.bindProperty("scalars") { _, v in
        let t = try this(v)
        if t.isSymbolic { throw RuntimeError("scalars: a symbolic tensor of shape \(t.shape) has no values") }
        if t.dtype == .int32 { return .array(ArrayStorage(t.int32Scalars.map { .int(Int($0)) })) }
        return .array(ArrayStorage(t.scalars.map(Value.float)))
    }
    tensor.bindProperty("scalar") { _, v in
        let t = try this(v)
        return t.dtype == .int32 ? .int(Int(try t.int32Scalar)) : .float(try t.scalar)
    }
    tensor.subscriptGet = { ctx, v, indices, labels in
        try engineCall {
            guard labels.allSatisfy({ $0 == nil }) else { throw RuntimeError("Tensor subscripts take no labels") }
            let index = try indices.map(tensorIndex)
            return tensorValue(try graphOperation(ctx, "get_item", "GetItem", [try v.tensor("subscript")]) { try $0[0].indexed(index) })
        }
    }
}

/// One subscript entry: `0`, `-1`, `1..<3`, `2...`, `..<2`, `...` (all remaining axes).
func tensorIndex(_ v: Value) throws -> TensorIndex {
    switch v {
    case .int(let i): return .at(i)
    case .range(let l, let u):
        return .range(lower: l == Int.min ? nil : l, upper: u == Int.max ? nil : u, stride: 1)
    case .closedRange(let l, let u):
        return .range(lower: l == Int.min ? nil : l, upper: u == Int.max ? nil : u + 1, stride: 1)
    case .function(let f) where f.proto.name == "...":
        return .ellipsis
    case .implicitMember(let m) where m.name == "ellipsis": return .ellipsis
    case .implicitMember(let m) where m.name == "newAxis": return .newAxis
    default:
        throw RuntimeError("Tensor subscript: expected an Int, a range or '...', got \(typeName(v))")
    }
}

// MARK: - TensorShape

func shapeValue(_ s: TensorShape) -> Value { .native(NativeValue(s, type: TensorTypes.shape)) }

private func registerShape(_ b: Builtins) {
    let shape = TensorTypes.shape
    shape.describe = { ($0 as? TensorShape)?.description ?? "TensorShape" }
    shape.equals = { a, b in (a as? TensorShape) == (b as? TensorShape) }
    func this(_ v: Value) throws -> TensorShape { try v.native(TensorShape.self, "TensorShape") }
    func dims(_ s: TensorShape) -> Value { .array(ArrayStorage(s.dimensions.map { $0.map(Value.int) ?? .none })) }
    shape.property("rank") { _, v in .int(try this(v).rank) }
    shape.property("count") { _, v in .int(try this(v).rank) }
    shape.property("dimensions") { _, v in dims(try this(v)) }
    shape.property("description") { _, v in .string(try this(v).description) }
    shape.property("contiguousSize") { _, v in
        let s = try this(v)
        guard let n = s.elementCount else { throw RuntimeError("contiguousSize: the shape \(s) has unknown dimensions") }
        return .int(n)
    }
    shape.subscriptGet = { _, v, indices, _ in
        let s = try this(v)
        guard indices.count == 1, case .int(let i) = indices[0] else { throw RuntimeError("TensorShape subscript: expected one Int") }
        guard i >= -s.rank, i < s.rank else { throw RuntimeError("Index out of range: axis \(i) of a shape of rank \(s.rank)") }
        // An unknown dimension (the batch of a model input) is nil, as TensorFlow gives None.
        return s[i].map(Value.int) ?? .none
    }
    // `x.shape == [1, 3]` and `x.shape == y.shape`.
    shape.binaryOperator = { _, op, a, b in
        guard op == "==" || op == "!=" else { return nil }
        func asShape(_ v: Value) -> TensorShape? {
            if case .native(let n) = v, let s = n.value as? TensorShape { return s }
            if case .array(let arr) = v {
                let ds = arr.elements.map { e -> Int?? in
                    if case .int(let i) = e { return .some(i) }
                    if case .none = e { return .some(nil) }
                    return nil
                }
                if ds.contains(where: { $0 == nil }) { return nil }
                return TensorShape(ds.map { $0! })
            }
            return nil
        }
        guard let x = asShape(a), let y = asShape(b) else { return nil }
        return .bool((x == y) == (op == "=="))
    }
    shape.bindInit([.unlabelled]) { _, a in shapeValue(TensorShape(try a[0].ints("TensorShape"))) }
}
