/// Swift's `==`, `<` and hashing over values. Int and Double meet only when a literal adapted
/// to a Double at run time (valid Swift never mixes them), so they compare numerically.
extension Value: Hashable {
    public static func == (a: Value, b: Value) -> Bool {
        // Dictionary keys are mostly strings and ints: answer those without building a tuple.
        if case .string(let x) = a, case .string(let y) = b { return x == y }
        if case .int(let x) = a, case .int(let y) = b { return x == y }
        return equalValues(a, b)
    }

    private static func equalValues(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.character(let x), .character(let y)): return x == y
        case (.string(let x), .character(let y)), (.character(let y), .string(let x)): return x == String(y)
        case (.float(let x), .float(let y)): return x == y
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
        case (.float(let x), .double(let y)), (.double(let y), .float(let x)): return x == Float(y)
        case (.int(let x), .float(let y)), (.float(let y), .int(let x)): return Float(x) == y
        case (.array(let x), .array(let y)): return x.elements == y.elements
        case (.tuple(let x), .tuple(let y)): return x.elements == y.elements
        case (.dictionary(let x), .dictionary(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in zip(x.keys, x.values) where y[k] != v { return false }
            return true
        case (.set(let x), .set(let y)): return x.count == y.count && x.elements.allSatisfy(y.contains)
        case (.none, .none): return true
        case (.some(let x), .some(let y)): return x == y
        case (.some, .none), (.none, .some): return false
        case (.some(let x), _): return x == b
        case (_, .some(let y)): return a == y
        case (.none, _), (_, .none): return false
        case (.range(let l1, let u1), .range(let l2, let u2)): return l1 == l2 && u1 == u2
        case (.closedRange(let l1, let u1), .closedRange(let l2, let u2)): return l1 == l2 && u1 == u2
        case (.enumValue(let x), .enumValue(let y)):
            return x === y || (x.type === y.type && x.caseIndex == y.caseIndex && x.payload == y.payload)
        case (.enumValue(let x), .implicitMember(let m)), (.implicitMember(let m), .enumValue(let x)):
            return x.caseName == m.name && (!m.hasCall || x.payload == m.arguments)
        case (.structValue(let x), .structValue(let y)): return x.type === y.type && x.fields == y.fields
        case (.object(let x), .object(let y)): return x === y
        case (.type(let x), .type(let y)): return x.name == y.name
        // `type(of: pet) == Dog.self`: `type(of:)` gives the dynamic type's name.
        case (.string(let s), .type(let t)), (.type(let t), .string(let s)): return s == t.name
        case (.void, .void): return true
        case (.native(let x), .native(let y)): return x === y || (x.type.equals?(x.value, y.value) ?? false)
        default: return false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .int(let x): h.combine(x)
        case .string(let s): h.combine(s)
        case .character(let c): h.combine(String(c))
        case .double(let d):
            if d == d.rounded(), abs(d) < 9e18 { h.combine(Int(d)) } else { h.combine(d) }
        case .float(let f):
            if f == f.rounded(), abs(f) < 9e18 { h.combine(Int(f)) } else { h.combine(Double(f)) }
        case .bool(let b): h.combine(b)
        case .array(let a): h.combine(a.elements)
        case .tuple(let t): h.combine(t.elements)
        case .some(let v): v.hash(into: &h)
        case .none: h.combine(0x6E6F6E65)
        case .enumValue(let e): h.combine(e.caseIndex); h.combine(e.payload)
        case .structValue(let s): h.combine(s.fields)
        case .object(let o): h.combine(ObjectIdentifier(o))
        case .range(let l, let u), .closedRange(let l, let u): h.combine(l); h.combine(u)
        // Int8 ... UInt64 keys (their `equals` is the Swift integer's own).
        case .native(let n) where n.value is any FixedWidthInteger: h.combine(n.value as! AnyHashable)
        default: h.combine(-1)
        }
    }
}

/// Swift's `<` for the comparable values; nil when the values are not comparable.
func lessThan(_ a: Value, _ b: Value) -> Bool? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y
    case (.double(let x), .double(let y)): return x < y
    case (.float(let x), .float(let y)): return x < y
    case (.string(let x), .string(let y)): return x < y
    case (.character(let x), .character(let y)): return x < y
    case (.int(let x), .double(let y)): return Double(x) < y
    case (.double(let x), .int(let y)): return x < Double(y)
    case (.float(let x), .double(let y)): return x < Float(y)
    case (.double(let x), .float(let y)): return Float(x) < y
    case (.int(let x), .float(let y)): return Float(x) < y
    case (.float(let x), .int(let y)): return x < Float(y)
    case (.string(let x), .character(let y)): return x < String(y)
    case (.character(let x), .string(let y)): return String(x) < y
    case (.bool, .bool): return nil
    case (.tuple(let x), .tuple(let y)):
        for (p, q) in zip(x.elements, y.elements) {
            guard let lt = lessThan(p, q) else { return nil }
            if lt { return true }
            if lessThan(q, p) == true { return false }
        }
        return false
    case (.enumValue(let x), .enumValue(let y)) where x.type === y.type && x.payload.isEmpty && y.payload.isEmpty:
        return x.caseIndex < y.caseIndex
    default: return nil
    }
}
