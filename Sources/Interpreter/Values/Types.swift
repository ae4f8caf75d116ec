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
    case nominal(NominalType)
    case native(NativeType)

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
        case .nominal(let n): return n.name
        case .native(let n): return n.name
        }
    }
}

/// A struct, class or enum declared in a cell.
public final class NominalType {
    public enum Kind { case structType, classType, enumType }

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
    var fields: [Field] = []
    var fieldIndex: [String: Int] = [:]
    /// Methods by full name (`scale(by:)`) and by base name (for `obj.method` without a call).
    var methods: [String: Function] = [:]
    var methodsByBaseName: [String: [Function]] = [:]
    var getters: [String: Function] = [:]
    var setters: [String: Function] = [:]
    var initializers: [String: Function] = [:]
    var staticValues: [Value] = []
    var staticIndex: [String: Int] = [:]
    var staticMethods: [String: Function] = [:]
    var staticGetters: [String: Function] = [:]
    var cases: [EnumCase] = []
    /// `willSet` / `didSet` of stored properties, by field index.
    var observers: [Int: (willSet: Function?, didSet: Function?)] = [:]
    var caseIndex: [String: Int] = [:]
    var rawType: TypeRef?

    init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    func method(_ key: String) -> Function? {
        if let m = methods[key] { return m }
        return superclass?.method(key)
    }

    func getter(_ name: String) -> Function? {
        if let g = getters[name] { return g }
        return superclass?.getter(name)
    }

    func setter(_ name: String) -> Function? {
        if let s = setters[name] { return s }
        return superclass?.setter(name)
    }

    func methods(named base: String) -> [Function] {
        (methodsByBaseName[base] ?? []) + (superclass?.methods(named: base) ?? [])
    }

    func isSubclass(of other: NominalType) -> Bool {
        var t: NominalType? = self
        while let c = t { if c === other { return true }; t = c.superclass }
        return false
    }

    func conforms(to name: String) -> Bool {
        if conformances.contains(name) { return true }
        return superclass?.conforms(to: name) ?? false
    }
}

/// A struct instance: its fields are a Swift array, so copies share storage until one is changed.
public struct StructValue {
    let type: NominalType
    var fields: [Value]
}

/// A class instance: reference semantics.
public final class Instance {
    let type: NominalType
    var fields: [Value]
    init(type: NominalType, fields: [Value]) {
        self.type = type
        self.fields = fields
    }
}

/// An enum value: immutable, so one box can be shared by every copy.
public final class EnumValue {
    let type: NominalType
    let caseIndex: Int
    let payload: [Value]
    init(type: NominalType, caseIndex: Int, payload: [Value]) {
        self.type = type
        self.caseIndex = caseIndex
        self.payload = payload
    }
    var caseName: String { type.cases[caseIndex].name }
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
