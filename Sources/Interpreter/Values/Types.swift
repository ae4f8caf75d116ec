/// Types as the interpreter knows them: enough to coerce literals (`let x: Double = 1`), wrap
/// optionals, print type names and find members.
public indirect enum TypeRef {
    case int, double, float, bool, string, character, void, any
    case array(TypeRef)
    case dictionary(TypeRef, TypeRef)
    case set(TypeRef)
    case optional(TypeRef)
    case tuple([TypeRef], [String?])
    /// A function type: its parameter types and result (closures written for it take them).
    case function([TypeRef], TypeRef)
    case range
    /// A struct, class or enum of a cell, with the type arguments it was written with
    /// (`Stack<Int>`: [Int]; none when not generic or not written).
    case nominal(NominalType, [TypeRef])
    case native(NativeType)
    /// A generic parameter (`T`, `Element`): any type, checked when the value is used.
    case parameter(String)

    /// Whether a generic parameter (`T`) appears in this type.
    var mentionsParameter: Bool {
        switch self {
        case .parameter: return true
        case .array(let e), .set(let e), .optional(let e): return e.mentionsParameter
        case .dictionary(let k, let v): return k.mentionsParameter || v.mentionsParameter
        case .tuple(let ts, _): return ts.contains { $0.mentionsParameter }
        case .function(let ps, let r): return r.mentionsParameter || ps.contains { $0.mentionsParameter }
        case .nominal(_, let args): return args.contains { $0.mentionsParameter }
        default: return false
        }
    }

    /// This type with generic parameters replaced by the types `map` binds them to
    /// (`[T]` with T = Double: `[Double]`).
    func substituting(_ map: [String: TypeRef]) -> TypeRef {
        if map.isEmpty { return self }
        switch self {
        case .parameter(let p): return map[p] ?? self
        case .array(let e): return .array(e.substituting(map))
        case .set(let e): return .set(e.substituting(map))
        case .optional(let w): return .optional(w.substituting(map))
        case .dictionary(let k, let v): return .dictionary(k.substituting(map), v.substituting(map))
        case .tuple(let ts, let labels): return .tuple(ts.map { $0.substituting(map) }, labels)
        case .function(let ps, let r): return .function(ps.map { $0.substituting(map) }, r.substituting(map))
        case .nominal(let n, let args): return .nominal(n, args.map { $0.substituting(map) })
        default: return self
        }
    }

    var name: String {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .float: return "Float"
        case .bool: return "Bool"
        case .string: return "String"
        case .character: return "Character"
        case .void: return "()"
        case .any: return "Any"
        case .array(let e): return "Array<\(e.name)>"
        case .dictionary(let k, let v): return "Dictionary<\(k.name), \(v.name)>"
        case .set(let e): return "Set<\(e.name)>"
        case .optional(let w): return "Optional<\(w.name)>"
        case .tuple(let ts, _): return "(" + ts.map(\.name).joined(separator: ", ") + ")"
        case .function: return "Function"
        case .range: return "Range<Int>"
        case .nominal(let n, let args): return args.isEmpty ? n.name : n.name + "<" + args.map(\.name).joined(separator: ", ") + ">"
        case .native(let n): return n.name
        case .parameter(let p): return p
        }
    }
}

/// A struct, class or enum declared in a cell.
public final class NominalType {
    /// `protocolType`: a protocol declared in a cell (its extensions' members are the defaults of
    /// the types conforming to it); `extensionType`: the members cells add to a builtin type or
    /// protocol (`extension Int`, `extension Collection`, `extension Layer`).
    public enum Kind { case structType, classType, enumType, protocolType, extensionType }

    struct Field {
        let name: String
        let type: TypeRef?
        let isLet: Bool
        /// The default value expression (`var units = 10`), evaluated per instance.
        let initial: ((Context) throws -> Value)?
        /// The type values are converted to when stored (`p.x = 10` stores 10.0 in a Double).
        var coercion: TypeRef? {
            switch type {
            case .double?, .float?, .optional?, .array(.double)?, .array(.float)?, .array(.array)?, .nominal?, .dictionary?, .set?, .tuple?: return type
            default: return nil
            }
        }
    }

    struct EnumCase {
        let name: String
        let rawValue: Value?
        let labels: [String?]
        /// Types of the associated values (literals adapt: `.circle(radius: 2)` holds 2.0).
        var types: [TypeRef] = []
        /// Shared value of a case without associated values (no allocation per use).
        var instance: EnumValue?
    }

    let kind: Kind
    let name: String
    var superclass: NominalType?
    var conformances: [String] = []
    /// Protocols declared in cells this type conforms to (for a protocol: those it inherits), and
    /// the members cells added to builtin protocols it names (`extension Comparable`).
    var protocols: [NominalType] = []
    /// A protocol's requirements, by name (what its extensions may use on `self`).
    var requirements: Set<String> = []
    /// For an `extensionType` of a builtin type: whether the builtin type has a member (used on
    /// `self` without `self.` inside the extension).
    var builtinMember: ((String) -> Bool)?
    /// A generic type's parameters (`Stack<Element>`), a protocol's associated types.
    var genericParameters: [String] = []
    /// For a protocol: the builtin types that conform to it through an extension (`extension Int: Shape`).
    var conformingBuiltins: Set<String> = []
    var fields: [Field] = []
    var fieldIndex: [String: Int] = [:]
    /// Methods by full name (`scale(by:)`) and by base name (for `obj.method` without a call).
    var methods: [String: Function] = [:]
    var methodsByBaseName: [String: [Function]] = [:]
    var getters: [String: Function] = [:]
    /// Types declared inside this one (`struct Card { enum Suit { ... } }`), and the type a nested
    /// type is declared in.
    var nestedTypes: [String: NominalType] = [:]
    /// Whether the type's own body declares an `init` (then a struct has no memberwise one).
    var hasOwnInitializer = false
    weak var enclosing: NominalType?
    /// `Card.` for `Card.Suit` (what a description inside a collection writes before the name).
    var qualifier: String { enclosing.map { $0.qualifier + $0.name + "." } ?? "" }
    /// `lazy var`s: the field that stores each (nil until first read) and its initial value.
    var lazyProperties: [String: (storage: Int, initial: Function)] = [:]
    var setters: [String: Function] = [:]
    var initializers: [String: Function] = [:]
    var staticValues: [Value] = []
    var staticIndex: [String: Int] = [:]
    var staticMethods: [String: Function] = [:]
    /// Operator functions by operator (`*`; prefix ones as `prefix-`), every overload: the one
    /// whose parameter types fit the operands is called.
    var operators: [String: [Function]] = [:]
    var staticGetters: [String: Function] = [:]
    var cases: [EnumCase] = []
    /// `willSet` / `didSet` of stored properties, by field index.
    /// A subclass inherits its superclass's and may add its own (`override var x { didSet }`),
    /// after them: the base's first.
    var observers: [Int: [(willSet: Function?, didSet: Function?)]] = [:]
    var caseIndex: [String: Int] = [:]
    var rawType: TypeRef?
    /// `deinit { }`: the body, a method of no arguments.
    var deinitializer: Function?
    /// Where this class's instances go when they are released, if it or a superclass has a `deinit`.
    var deinitQueue: DeinitQueue?

    init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    func method(_ key: String) -> Function? {
        if let m = methods[key] { return m }
        if let m = superclass?.method(key) { return m }
        for p in protocols { if let m = p.method(key) { return m } }
        return nil
    }

    func getter(_ name: String) -> Function? {
        if let g = getters[name] { return g }
        if let g = superclass?.getter(name) { return g }
        for p in protocols { if let g = p.getter(name) { return g } }
        return nil
    }

    func lazyProperty(_ name: String) -> (storage: Int, initial: Function)? {
        lazyProperties[name] ?? superclass?.lazyProperty(name)
    }

    func setter(_ name: String) -> Function? {
        if let s = setters[name] { return s }
        if let s = superclass?.setter(name) { return s }
        for p in protocols { if let s = p.setter(name) { return s } }
        return nil
    }

    /// The methods named `base`, the most specific first: the type's own, its superclass's, then
    /// the default implementations of the protocols it conforms to.
    func methods(named base: String) -> [Function] {
        var found = (methodsByBaseName[base] ?? []) + (superclass?.methods(named: base) ?? [])
        for p in protocols { found += p.methods(named: base) }
        return found
    }

    /// The type that stores static property `name`: this one or a superclass (`Dog.count` of
    /// `class Animal { static var count }`), with its slot.
    func staticStorage(_ name: String) -> (owner: NominalType, slot: Int)? {
        if let i = staticIndex[name] { return (self, i) }
        return superclass?.staticStorage(name)
    }

    /// A static method (or a protocol's default one) named `name` whose labels fit.
    func staticMethod(named name: String, labels: [String?], trailing: [Bool]) -> Function? {
        for (_, m) in staticMethods where m.proto.name == name && matchArguments(labels, trailing, m.proto.params) != nil { return m }
        if let m = superclass?.staticMethod(named: name, labels: labels, trailing: trailing) { return m }
        for p in protocols { if let m = p.staticMethod(named: name, labels: labels, trailing: trailing) { return m } }
        return nil
    }

    /// The static method whose key is `name(key)` (`subscript(_:)`), here or in a superclass.
    func staticMethod(named name: String, key: String) -> Function? {
        staticMethods["\(name)(\(key))"] ?? superclass?.staticMethod(named: name, key: key)
    }

    func staticGetter(_ name: String) -> Function? {
        if let g = staticGetters[name] { return g }
        if let g = superclass?.staticGetter(name) { return g }
        for p in protocols { if let g = p.staticGetter(name) { return g } }
        return nil
    }

    /// Whether `name` is a property, method or static member of this type (or of a superclass).
    func hasMember(_ name: String) -> Bool {
        fieldIndex[name] != nil || getter(name) != nil || !methods(named: name).isEmpty || staticIndex[name] != nil
            || staticGetters[name] != nil || staticMethods.values.contains { $0.proto.name == name }
            || requirements.contains(name) || (builtinMember?(name) ?? false)
            || (superclass?.hasMember(name) ?? false) || protocols.contains { $0.hasMember(name) }
    }

    /// The operator functions for `key` (see `operators`), the superclass's after its own.
    func operatorFunctions(_ key: String) -> [Function] {
        (operators[key] ?? []) + (superclass?.operatorFunctions(key) ?? [])
    }

    func isSubclass(of other: NominalType) -> Bool {
        var t: NominalType? = self
        while let c = t { if c === other { return true }; t = c.superclass }
        return false
    }

    func conforms(to name: String) -> Bool {
        if conformances.contains(name) { return true }
        if protocols.contains(where: { $0.name == name || $0.conforms(to: name) }) { return true }
        return superclass?.conforms(to: name) ?? false
    }
}

/// A struct instance: its fields are a Swift array, so copies share storage until one is changed.
public struct StructValue {
    let type: NominalType
    var fields: [Value]
}

/// A class instance: reference semantics. Its lifetime is Swift's own: the interpreter holds an
/// instance only where the program does (variables, properties, elements, captures), so when the
/// last of those goes the host releases it, which is when Swift would. Then its class's `deinit`,
/// if it has one, is queued with the instance's stored properties (`DeinitQueue`): the body runs
/// at the end of the running statement, before the next one (the host's deinit cannot run cell
/// code at an arbitrary point).
public final class Instance {
    let type: NominalType
    var fields: [Value]
    /// The stand-in `self` of a running `deinit` body: it is not deinitialized again.
    var isDeinitializing = false
    init(type: NominalType, fields: [Value]) {
        self.type = type
        self.fields = fields
    }

    deinit {
        if !isDeinitializing, let queue = type.deinitQueue {
            queue.pending.append((type, fields))
            fields = []
        }
    }
}

/// Instances whose last strong reference went away and whose class has a `deinit`, with their
/// stored properties, in the order they went (`Context.runPendingDeinits` runs them).
final class DeinitQueue {
    var pending: [(type: NominalType, fields: [Value])] = []
}

/// What a `weak` or `unowned` variable or property holds: the instance, without keeping it alive.
final class WeakReference {
    weak var instance: Instance?
    init(_ instance: Instance) { self.instance = instance }
}

let weakReferenceType = NativeType(name: "weak reference")

/// The value stored for `v` in a `weak` or `unowned` place: a `WeakReference` to the instance,
/// or nil.
func weakStore(_ v: Value, construct: String, at r: SourceRange?) throws -> Value {
    switch v {
    case .object(let o), .some(.object(let o)): return .native(NativeValue(WeakReference(o), type: weakReferenceType))
    case .none: return .none
    default: throw RuntimeError("'\(construct)' may only be applied to class instances, not to a value of type '\(typeName(v))'", at: r)
    }
}

/// What a `weak` place reads: the instance if something still holds it, else nil.
func weakLoad(_ stored: Value) -> Value {
    if case .native(let n) = stored, let w = n.value as? WeakReference, let o = w.instance { return .some(.object(o)) }
    return .none
}

/// What an `unowned` place reads: the instance; reading it after the instance is gone is Swift's trap.
func unownedLoad(_ stored: Value, at r: SourceRange?) throws -> Value {
    if case .native(let n) = stored, let w = n.value as? WeakReference {
        if let o = w.instance { return .object(o) }
        throw RuntimeError("Attempted to read an unowned reference but object was already destroyed", at: r)
    }
    return stored
}

/// An enum value: immutable, so one box can be shared by every copy.
public final class EnumValue {
    let type: NominalType
    let caseIndex: Int
    let payload: [Value]
    /// The type arguments of a generic enum's value when they were written or known from the
    /// context (`let b: Box<Double> = .none`), so that it prints as `Box<Double>.none`.
    let genericArguments: [String]
    init(type: NominalType, caseIndex: Int, payload: [Value], genericArguments: [String] = []) {
        self.type = type
        self.caseIndex = caseIndex
        self.payload = payload
        self.genericArguments = genericArguments
    }
    var caseName: String { type.cases[caseIndex].name }

    /// `Box<Double>` for a case of generic `Box<T>`: the arguments it was made with, else those its
    /// associated values show (`.one(1.5)`: `Double`).
    var displayTypeName: String {
        guard !type.genericParameters.isEmpty else { return type.name }
        if !genericArguments.isEmpty { return type.name + "<" + genericArguments.joined(separator: ", ") + ">" }
        let types = type.cases[caseIndex].types
        let inferred = type.genericParameters.map { p -> String in
            for (t, v) in zip(types, payload) { if let found = inferParameter(p, t, v) { return found } }
            return "Any"
        }
        return type.name + "<" + inferred.joined(separator: ", ") + ">"
    }
}

/// An instance of a native type (a Tensor, a layer) bound through the builtins registry.
public final class NativeValue {
    public let type: NativeType
    public let value: Any
    public init(_ value: Any, type: NativeType) {
        self.value = value
        self.type = type
    }
}

/// The cell-declared type of a value (a struct, a class instance, an enum case), if it has one.
func nominalType(of v: Value) -> NominalType? {
    switch v {
    case .structValue(let s): return s.type
    case .object(let o): return o.type
    case .enumValue(let e): return e.type
    default: return nil
    }
}

/// The type arguments an instance of a generic type was made with (`Stack<Int>()`), kept in a
/// hidden field after the declared ones, so that it prints as `Stack<Int>(items: [])`.
final class GenericArguments {
    let types: [TypeRef]
    var names: [String] { types.map(\.name) }
    init(_ types: [TypeRef]) { self.types = types }
}

let genericArgumentsType: NativeType = {
    let t = NativeType(name: "GenericArguments")
    t.equals = { a, b in (a as? GenericArguments)?.names == (b as? GenericArguments)?.names }
    return t
}()

extension NominalType {
    /// What each generic parameter stands for in `self<arguments>` (none when they were not written).
    func genericBindings(_ arguments: [TypeRef]) -> [String: TypeRef] {
        guard arguments.count == genericParameters.count, kind != .protocolType else { return [:] }
        return Dictionary(zip(genericParameters, arguments), uniquingKeysWith: { a, _ in a })
    }

    /// `Stack<Int>` for an instance of generic `Stack<Element>`: the arguments it was made with,
    /// else those its stored properties show (`items: [1]` is an `[Int]`).
    func displayName(of fields: [Value]) -> String {
        guard !genericParameters.isEmpty, kind == .structType || kind == .classType || kind == .enumType else { return name }
        for v in fields.dropFirst(self.fields.count) {
            if case .native(let n) = v, let g = n.value as? GenericArguments { return name + "<" + g.names.joined(separator: ", ") + ">" }
        }
        let inferred = genericParameters.map { p -> String in
            for (f, v) in zip(self.fields, fields) {
                if let t = f.type, let found = inferParameter(p, t, v) { return found }
            }
            return "Any"
        }
        return name + "<" + inferred.joined(separator: ", ") + ">"
    }
}

/// The type a value gives generic parameter `p` where a value of type `t` is expected (`[T]`
/// holding `[1]`: `Int`); nil when it does not say.
func inferParameter(_ p: String, _ t: TypeRef, _ v: Value) -> String? {
    switch (t, v) {
    case (.parameter(let q), _) where q == p: return typeOfName(v)
    case (.array(let e), .array(let a)): return a.elements.first.flatMap { inferParameter(p, e, $0) }
    case (.optional(let w), .some(let x)): return inferParameter(p, w, x)
    case (.set(let e), .set(let s)): return s.elements.first.flatMap { inferParameter(p, e, $0) }
    case (.dictionary(let k, let x), .dictionary(let d)):
        guard let key = d.keys.first, let value = d.values.first else { return nil }
        return inferParameter(p, k, key) ?? inferParameter(p, x, value)
    default: return nil
    }
}

/// What the generic parameters of `self`'s type stand for, when the instance was made with
/// type arguments (`Stack<Double>()`: Element = Double); empty otherwise (and for non-generic types).
func genericBindings(ofSelf v: Value) -> [String: TypeRef] {
    let type: NominalType, fields: [Value]
    switch v {
    case .structValue(let s): type = s.type; fields = s.fields
    case .object(let o): type = o.type; fields = o.fields
    default: return [:]
    }
    guard !type.genericParameters.isEmpty, fields.count > type.fields.count else { return [:] }
    for x in fields.dropFirst(type.fields.count) {
        if case .native(let n) = x, let g = n.value as? GenericArguments { return type.genericBindings(g.types) }
    }
    return [:]
}

/// A new instance value made with type arguments `names` (the hidden field is replaced or added).
func withGenericArguments(_ v: Value, _ types: [TypeRef]) -> Value {
    let hidden = Value.native(NativeValue(GenericArguments(types), type: genericArgumentsType))
    func attach(_ fields: inout [Value], _ n: NominalType) {
        if let i = fields.indices.dropFirst(n.fields.count).first(where: { i in
            if case .native(let x) = fields[i], x.value is GenericArguments { return true }
            return false
        }) { fields[i] = hidden } else { fields.append(hidden) }
    }
    switch v {
    case .structValue(var s): attach(&s.fields, s.type); return .structValue(s)
    case .object(let o): attach(&o.fields, o.type); return v
    default: return v
    }
}
