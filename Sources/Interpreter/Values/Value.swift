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
/// Stored like CPython's compact dict: entries in insertion order, plus an open-addressing table
/// of entry positions. Each key's hash is kept, so growing the table never hashes a key again.
/// Three arrays only: a `Value` holds a dictionary inline, and a fourth field would make every
/// `Value` 8 bytes larger.
public struct OrderedDictionary {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    /// The linear-probing table (`tableSize` buckets, a power of two at least twice the count, or
    /// 0 while empty), then the hash of each entry. A bucket is 0 when free, else the entry's
    /// position + 1 in its low 32 bits and the low 32 bits of the key's hash in its high bits, so
    /// that probing compares hashes without reading the entries.
    private var index: [Int] = []

    public init() {}
    public var count: Int { keys.count }
    private var tableSize: Int { index.count - keys.count }

    public subscript(key: Value) -> Value? {
        get { position(of: key).map { values[$0] } }
    }

    public func position(of key: Value) -> Int? {
        find(key, hash: key.hashValue).position
    }

    /// The entry holding `key`, or the free bucket where it would go.
    @inline(__always)
    private func find(_ key: Value, hash: Int) -> (position: Int?, bucket: Int) {
        let size = tableSize
        guard size > 0 else { return (nil, 0) }
        let tag = UInt(UInt32(truncatingIfNeeded: hash))
        var b = hash & (size - 1)
        while true {
            let e = UInt(bitPattern: index[b])
            if e == 0 { return (nil, b) }
            if e >> 32 == tag {
                let position = Int(e & 0xFFFF_FFFF) - 1
                if keys[position] == key { return (position, b) }
            }
            b = (b + 1) & (size - 1)
        }
    }

    /// What a bucket holds for the entry at `position` with `hash` (see `index`).
    @inline(__always)
    private static func bucket(position: Int, hash: Int) -> Int {
        Int(bitPattern: UInt(UInt32(truncatingIfNeeded: hash)) << 32 | UInt(position + 1))
    }

    /// Appends a new entry (the key is known to be absent).
    private mutating func append(_ key: Value, _ value: Value, hash: Int, bucket: Int) {
        var b = bucket
        if (keys.count + 1) * 2 > tableSize {
            rebuildTable(capacity: keys.count + 1)
            b = find(key, hash: hash).bucket
        }
        index[b] = Self.bucket(position: keys.count, hash: hash)
        index.append(hash)
        keys.append(key)
        values.append(value)
    }

    /// Makes a new table sized for `capacity` entries and fills it from the stored hashes.
    private mutating func rebuildTable(capacity: Int) {
        var size = 8
        while size < capacity * 2 { size <<= 1 }
        var rebuilt = [Int](repeating: 0, count: size)
        // Room for the hashes of every entry until the next rebuild (at `size / 2` entries): the
        // table is not copied again by a growing array in between.
        rebuilt.reserveCapacity(size + size / 2)
        rebuilt += index[tableSize...]
        rebuilt.withUnsafeMutableBufferPointer { t in
            for i in 0..<keys.count {
                let hash = t[size + i]
                var b = hash & (size - 1)
                while t[b] != 0 { b = (b + 1) & (size - 1) }
                t[b] = Self.bucket(position: i, hash: hash)
            }
        }
        index = rebuilt
    }

    /// Sets `key` to `value`, keeping the key's first position.
    public mutating func set(_ key: Value, _ value: Value) {
        let h = key.hashValue
        let (position, bucket) = find(key, hash: h)
        if let i = position { values[i] = value } else { append(key, value, hash: h, bucket: bucket) }
    }

    /// Changes the value of `key` in place (inserting `defaultValue` first if absent).
    public mutating func modify(_ key: Value, default defaultValue: Value?, _ body: (inout Value) throws -> Void) throws -> Bool {
        let h = key.hashValue
        let (position, bucket) = find(key, hash: h)
        if let i = position {
            try body(&values[i])
            return true
        }
        guard var v = defaultValue else { return false }
        try body(&v)
        append(key, v, hash: h, bucket: bucket)
        return true
    }

    @discardableResult
    public mutating func remove(_ key: Value) -> Value? {
        guard let i = position(of: key) else { return nil }
        let old = values[i]
        index.remove(at: tableSize + i)
        keys.remove(at: i)
        values.remove(at: i)
        rebuildTable(capacity: keys.count)
        return old
    }

    public mutating func removeAll() { self = OrderedDictionary() }
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
