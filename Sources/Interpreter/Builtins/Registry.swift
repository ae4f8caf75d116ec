import Reports
/// The builtins registry: every native function, type, method and property that cells can use
/// is bound here, in one place. The standard library (Array, String, ...) and the tensor, layer
/// and data APIs (TensorBindings.swift, LayerBindings.swift, ...) use the same mechanism, so
/// binding an op or a layer is one entry.
///
/// How to bind (parameters are `ParamSpec`s: `.unlabelled`, `.labelled("units")`,
/// `.labelledDefault("activation", value)`, `.unlabelledDefault(value)`, `.variadic(label)`):
///
///     // a global function `softmax(_:alongAxis:)`
///     registry.function("softmax", [.unlabelled, .labelledDefault("alongAxis", .int(-1))]) { ctx, args in
///         ...                                   // args in parameter order, defaults filled in
///     }
///
///     // a class-like native type: an initializer, `callAsFunction`, a property
///     let dense = registry.type(NativeType(name: "Dense"))
///     dense.describe = { _ in "Dense" }
///     dense.initializer([.labelled("units"), .labelledDefault("activation", .implicitMember(ImplicitMember(name: "linear")))]) { ctx, args in
///         .native(NativeValue(DenseLayer(units: try args[0].int("units")), type: dense))
///     }
///     dense.method("callAsFunction", [.unlabelled]) { ctx, args in   // args[0] is self
///         let layer = try args[0].native(DenseLayer.self, "Dense")
///         ...
///     }
///     dense.property("units") { ctx, selfValue in .int(try selfValue.native(DenseLayer.self, "Dense").units) }
///
/// `layer(x)` on a native value calls its `callAsFunction`; `.relu` arrives as `.implicitMember`.
/// A native throws `RuntimeError("...")` (CommonBindings' `bind*` helpers also turn a
/// TensorError into one); it becomes a cell error at the call's range.
public final class NativeType {
    public let name: String
    var initializers: [Function] = []
    var methods: [String: [Function]] = [:]
    /// Methods that change `self` in place (`append`, `sort`): `self` is passed inout.
    var mutatingMethods: [String: [(params: [Param], body: (Context, inout Value, [Value]) throws -> Value)]] = [:]
    var properties: [String: (Context, Value) throws -> Value] = [:]
    var staticProperties: [String: (Context) throws -> Value] = [:]
    var staticMethods: [String: [Function]] = [:]
    /// `x[i]` for reads.
    var subscriptGet: ((Context, Value, [Value], [String?]) throws -> Value)?
    var describe: ((Any) -> String)?
    /// How a value shows inside a collection, when not as `describe` (Swift's `debugDescription`).
    var debugDescribe: ((Any) -> String)?
    /// How a cell's result of this type is shown (a tensor as `.tensor(shape:text:)`).
    var richValue: ((Any) -> RichValue)?
    var typeName: ((Any) -> String)?
    var equals: ((Any, Any) -> Bool)?
    /// `a + b` and friends where one side is of this type; nil when it does not apply.
    var binaryOperator: ((Context, String, Value, Value) throws -> Value?)?
    var prefixOperator: ((Context, String, Value) throws -> Value?)?
    /// `.relu` where a value of this type is expected.
    var implicitMember: ((Context, ImplicitMember) throws -> Value?)?
    /// An integer literal where a value of this type is expected (`let x: Int8 = 5`).
    var integerLiteral: ((Int) throws -> Value)?
    /// Generic arguments written at the use (`Tensor<Int32>`) select a variant of the type.
    var specialized: [String: NativeType] = [:]

    public init(name: String) { self.name = name }

    func initializer(_ params: [ParamSpec], _ body: @escaping NativeFn) {
        initializers.append(nativeFunction("init", params, body))
    }

    func method(_ name: String, _ params: [ParamSpec], _ body: @escaping NativeFn) {
        let f = nativeFunction(name, params, body, selfType: self.name)
        // Overloads are tried in order and a trailing closure fits any label, so the ones that
        // take a closure (`lastIndex(where:)`, `contains(where:)`, `max(by:)`) go first:
        // `xs.lastIndex { $0 == 5 }` is `lastIndex(where:)`, never `lastIndex(of:)` given a closure.
        if f.proto.params.contains(where: { $0.label.map(closureLabels.contains) ?? false }) {
            methods[name, default: []].insert(f, at: 0)
        } else {
            methods[name, default: []].append(f)
        }
    }

    func mutatingMethod(_ name: String, _ params: [ParamSpec], _ body: @escaping (Context, inout Value, [Value]) throws -> Value) {
        mutatingMethods[name, default: []].append((params.map(\.param), body))
    }

    func property(_ name: String, _ get: @escaping (Context, Value) throws -> Value) {
        properties[name] = get
    }

    func staticMethod(_ name: String, _ params: [ParamSpec], _ body: @escaping NativeFn) {
        staticMethods[name, default: []].append(nativeFunction(name, params, body, selfType: self.name))
    }
}

/// A parameter of a native function: its label and, optionally, its default value.
/// Labels of the standard library's closure parameters that have a value-taking overload.
private let closureLabels: Set<String> = ["where", "by", "while", "whereSeparator", "isIncluded", "areInIncreasingOrder"]

public enum ParamSpec {
    case unlabelled
    case labelled(String)
    case unlabelledDefault(Value)
    case labelledDefault(String, Value)
    /// `_ values: Value...`
    case variadic(String?)

    var param: Param {
        switch self {
        case .unlabelled: return Param(label: nil, name: "_", type: nil, defaultValue: nil, isVariadic: false, isInout: false)
        case .labelled(let l): return Param(label: l, name: l, type: nil, defaultValue: nil, isVariadic: false, isInout: false)
        case .unlabelledDefault(let v): return Param(label: nil, name: "_", type: nil, defaultValue: { _ in v }, isVariadic: false, isInout: false)
        case .labelledDefault(let l, let v): return Param(label: l, name: l, type: nil, defaultValue: { _ in v }, isVariadic: false, isInout: false)
        case .variadic(let l): return Param(label: l, name: l ?? "_", type: nil, defaultValue: nil, isVariadic: true, isInout: false)
        }
    }
}

func nativeFunction(_ name: String, _ params: [ParamSpec], _ body: @escaping NativeFn, selfType: String? = nil) -> Function {
    let ps = params.map(\.param)
    let display = (selfType.map { $0 + "." } ?? "") + functionKey(name, ps.map(\.label))
    let proto = FunctionProto(name: name, displayName: display, params: ps)
    proto.native = body
    return Function(proto, captured: nil)
}

/// All builtins: global functions, types by name, and the descriptor of each builtin value kind.
final class Builtins {
    var functions: [String: [Function]] = [:]
    var types: [String: TypeRef] = [:]
    /// Values bound by name (`Double.pi` lives on the type; this is for globals like `nil`-free constants).
    var constants: [String: Value] = [:]
    let intType = NativeType(name: "Int")
    let doubleType = NativeType(name: "Double")
    let floatType = NativeType(name: "Float")
    let boolType = NativeType(name: "Bool")
    let stringType = NativeType(name: "String")
    let characterType = NativeType(name: "Character")
    let arrayType = NativeType(name: "Array")
    let dictionaryType = NativeType(name: "Dictionary")
    let setType = NativeType(name: "Set")
    let rangeType = NativeType(name: "Range")
    let optionalType = NativeType(name: "Optional")
    let tupleType = NativeType(name: "Tuple")
    /// Modules `import` accepts.
    let modules = ["Foundation", "TensorFlow"]

    /// Names of the builtin methods that change their receiver (`formUnion`, `append`): a call
    /// of one goes through the receiver's storage.
    private(set) var mutatingMethodNames: Set<String> = []
    private func collectMutatingMethodNames() {
        var names = Set<String>()
        let listed = [intType, doubleType, floatType, boolType, stringType, characterType, arrayType, dictionaryType,
                      setType, rangeType, optionalType, tupleType]
        for t in listed { names.formUnion(t.mutatingMethods.keys) }
        for case .native(let t) in types.values { names.formUnion(t.mutatingMethods.keys) }
        mutatingMethodNames = names
    }

    func function(_ name: String, _ params: [ParamSpec], _ body: @escaping NativeFn) {
        functions[name, default: []].append(nativeFunction(name, params, body))
    }

    func type(_ t: NativeType) -> NativeType {
        types[t.name] = .native(t)
        return t
    }

    /// The descriptor that holds the methods and properties of a builtin value.
    func descriptor(of v: Value) -> NativeType? {
        switch v {
        case .int: return intType
        case .double: return doubleType
        case .float: return floatType
        case .bool: return boolType
        case .string: return stringType
        case .character: return characterType
        case .array: return arrayType
        case .dictionary: return dictionaryType
        case .set: return setType
        case .range, .closedRange: return rangeType
        case .none, .some: return optionalType
        case .tuple: return tupleType
        case .native(let n): return n.type
        default: return nil
        }
    }

    /// The one registry of the process (built once; natives reach session state via `Context`).
    static let shared: Builtins = {
        let b = Builtins()
        b.types["Int"] = .int
        b.types["Double"] = .double; b.types["Float"] = .float; b.types["Float32"] = .float
        b.types["Bool"] = .bool; b.types["String"] = .string; b.types["Character"] = .character
        b.types["Substring"] = .string; b.types["Any"] = .any; b.types["Void"] = .void
        b.types["Error"] = .any
        b.types["Optional"] = .optional(.any)
        registerGlobals(b)
        registerNumbers(b)
        registerFixedWidthIntegers(b)
        registerStrings(b)
        registerUnicodeScalars(b)
        registerArrays(b)
        registerDictionaries(b)
        registerMisc(b)
        registerExtensions(b)
        b.collectMutatingMethodNames()
        return b
    }()
}

/// Other targets' bindings (tensors, layers) plug in here.
var bindingHooks: [(Builtins) -> Void] = [registerTensorAPI]
func registerExtensions(_ b: Builtins) {
    for hook in bindingHooks { hook(b) }
}

// MARK: - Argument helpers for natives

extension Value {
    func int(_ what: String = "argument") throws -> Int {
        switch self {
        case .int(let i): return i
        case .double(let d) where d == d.rounded(): return Int(d)
        case .native:
            if case .int(let i)? = fixedWidthAsInt { return i }
            throw RuntimeError("\(what): expected Int, got \(typeName(self))")
        default: throw RuntimeError("\(what): expected Int, got \(typeName(self))")
        }
    }
    func double(_ what: String = "argument") throws -> Double {
        switch self {
        case .double(let d): return d
        case .int(let i): return Double(i)
        case .float(let f): return Double(f)
        case .native:
            if case .int(let i)? = fixedWidthAsInt { return Double(i) }
            throw RuntimeError("\(what): expected Double, got \(typeName(self))")
        default: throw RuntimeError("\(what): expected Double, got \(typeName(self))")
        }
    }
    func string(_ what: String = "argument") throws -> String {
        switch self {
        case .string(let s): return s
        case .character(let c): return String(c)
        case .native(let n) where n.value is Unicode.Scalar: return String(n.value as! Unicode.Scalar)
        default: throw RuntimeError("\(what): expected String, got \(typeName(self))")
        }
    }
    func bool(_ what: String = "argument") throws -> Bool {
        if case .bool(let b) = self { return b }
        throw RuntimeError("\(what): expected Bool, got \(typeName(self))")
    }
    func array(_ what: String = "argument") throws -> [Value] {
        switch self {
        case .array(let a): return a.elements
        case .set(let s): return s.elements
        case .range(let l, let u):
            try checkSequenceLength(self, l, u)
            return (l..<u).map(Value.int)
        case .closedRange(let l, let u):
            try checkSequenceLength(self, l, u)
            return (l...u).map(Value.int)
        case .string(let s): return s.map(Value.character)
        case .dictionary(let d): return zip(d.keys, d.values).map { .tuple(TupleValue([$0, $1], labels: ["key", "value"])) }
        default: throw RuntimeError("\(what): expected a sequence, got \(typeName(self))")
        }
    }
    func function(_ what: String = "argument") throws -> Function {
        if case .function(let f) = self { return f }
        throw RuntimeError("\(what): expected a function, got \(typeName(self))")
    }
    public func native<T>(_ type: T.Type, _ what: String) throws -> T {
        if case .native(let n) = self, let v = n.value as? T { return v }
        throw RuntimeError("\(what): expected \(T.self), got \(typeName(self))")
    }
}

/// A range made into its elements must have both ends and fit in memory: `1...` as a sequence
/// (`Array(1...)`, `(1...).map`) would never end, as it would not in Swift (`zip(1..., xs)`,
/// `for i in 1...`, which stop, are handled where they are used).
func checkSequenceLength(_ v: Value, _ lower: Int, _ upper: Int) throws {
    if lower == Int.min { throw RuntimeError("a range with no lower bound (..<\(upper)) is not a sequence") }
    if upper == Int.max { throw RuntimeError("the one-sided range \(lower)... has no end: use it with zip or a loop that stops") }
    // A finite range as large as memory allows is made (--memory-limit stops one that is too big,
    // as the machine would stop Swift); one with more elements than an Int counts never could be.
    if upper.subtractingReportingOverflow(lower).overflow {
        throw RuntimeError("the range \(lower)..<\(upper) has too many elements to make into an array")
    }
}
