/// A value of a cell at run time. Small scalars are stored inline (no allocation, no ARC), so
/// integer loops and recursive calls stay fast; aggregates carry Swift's own copy-on-write
/// storage, which gives Swift's value semantics for arrays, dictionaries, sets and structs.
public enum Value {
    case void
    case int(Int)
    case double(Double)
    case float(Float)
    case bool(Bool)
    case string(String)
    case character(Character)
    /// Half-open `lower..<upper` of Int; partial ranges use Int.min / Int.max for the open end.
    case range(Int, Int)
    /// Closed `lower...upper` of Int.
    case closedRange(Int, Int)
    case array(ArrayStorage)
    case dictionary(OrderedDictionary)
    case set(OrderedSet)
    case tuple(TupleValue)
    /// `nil` of any optional type.
    case none
    /// `Optional(x)`: boxed so that `Value` stays small.
    indirect case some(Value)
    case function(Function)
    case structValue(StructValue)
    case object(Instance)
    case enumValue(EnumValue)
    /// A type used as a value (`Point`, `Color`, `Int`), for static members and constructors.
    case type(TypeRef)
    /// `.name` or `.name(args)` written without a type: resolved when it meets its type.
    case implicitMember(ImplicitMember)
    /// A value of a native type bound through the builtins registry (Tensor, layers, ...).
    case native(NativeValue)
}

/// Elements of an array; a struct wrapper so the payload stays one word.
public struct ArrayStorage {
    public var elements: [Value]
    /// The index of the first element: 0 for an array; a slice (`xs[2...]`) keeps its base's indices.
    public var startIndex = 0
    /// An ArraySlice (it describes itself as `ArraySlice([1, 2])` inside a collection).
    public var isSlice = false
    public init(_ elements: [Value], startIndex: Int = 0, isSlice: Bool = false) {
        self.elements = elements
        self.startIndex = startIndex
        self.isSlice = isSlice
    }
}

public struct TupleValue {
    public var elements: [Value]
    /// Labels, one per element (nil: unlabelled), or empty when no element has a label.
    public var labels: [String?]
    public init(_ elements: [Value], labels: [String?] = []) {
        self.elements = elements
        self.labels = labels.allSatisfy { $0 == nil } ? [] : labels
    }
    func index(of label: String) -> Int? {
        labels.firstIndex(where: { $0 == label })
    }
}

public final class ImplicitMember {
    let name: String
    let arguments: [Value]
    let labels: [String?]
    let hasCall: Bool
    init(name: String, arguments: [Value] = [], labels: [String?] = [], hasCall: Bool = false) {
        self.name = name
        self.arguments = arguments
        self.labels = labels
        self.hasCall = hasCall
    }
}

/// A dictionary that iterates in insertion order, so every run prints the same text.
/// (Swift's own Dictionary order is randomised per process; a notebook must be reproducible.)
public struct OrderedDictionary {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    private var index: [HashedKey: Int] = [:]

    public init() {}
    public var count: Int { keys.count }

    public subscript(key: Value) -> Value? {
        get { index[HashedKey(key)].map { values[$0] } }
    }

    public func position(of key: Value) -> Int? { index[HashedKey(key)] }

    /// Sets `key` to `value`, keeping the key's first position.
    public mutating func set(_ key: Value, _ value: Value) {
        let k = HashedKey(key)
        if let i = index[k] { values[i] = value } else {
            index[k] = keys.count
            keys.append(key)
            values.append(value)
        }
    }

    /// Changes the value of `key` in place (inserting `defaultValue` first if absent).
    public mutating func modify(_ key: Value, default defaultValue: Value?, _ body: (inout Value) throws -> Void) throws -> Bool {
        let k = HashedKey(key)
        if let i = index[k] {
            try body(&values[i])
            return true
        }
        guard var v = defaultValue else { return false }
        try body(&v)
        index[k] = keys.count
        keys.append(key)
        values.append(v)
        return true
    }

    @discardableResult
    public mutating func remove(_ key: Value) -> Value? {
        guard let i = index.removeValue(forKey: HashedKey(key)) else { return nil }
        let old = values[i]
        keys.remove(at: i)
        values.remove(at: i)
        for j in i..<keys.count { index[HashedKey(keys[j])] = j }
        return old
    }

    public mutating func removeAll() { self = OrderedDictionary() }
}

/// A key with its hash computed once: growing the index re-hashes an Int, not the string.
struct HashedKey: Hashable {
    let value: Value
    let hash: Int
    @inline(__always) init(_ value: Value) {
        self.value = value
        hash = value.hashValue
    }
    static func == (a: HashedKey, b: HashedKey) -> Bool { a.hash == b.hash && a.value == b.value }
    func hash(into h: inout Hasher) { h.combine(hash) }
}

/// A set that iterates in insertion order (see `OrderedDictionary`).
public struct OrderedSet {
    public private(set) var elements: [Value] = []
    private var index: [Value: Int] = [:]
    public init() {}
    public init<S: Sequence>(_ s: S) where S.Element == Value { for v in s { insert(v) } }
    public var count: Int { elements.count }
    public func contains(_ v: Value) -> Bool { index[v] != nil }
    @discardableResult
    public mutating func insert(_ v: Value) -> Bool {
        if index[v] != nil { return false }
        index[v] = elements.count
        elements.append(v)
        return true
    }
    @discardableResult
    public mutating func remove(_ v: Value) -> Bool {
        guard let i = index.removeValue(forKey: v) else { return false }
        elements.remove(at: i)
        for j in i..<elements.count { index[elements[j]] = j }
        return true
    }
}
