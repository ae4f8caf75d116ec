/// Swift's operators over values. Int comes first everywhere (the common case); traps of Swift
/// (overflow, division by zero) are errors of the cell. Int meeting Double only happens when a
/// literal adapted at run time, so it promotes; Float meeting Double likewise gives Float.
enum NumericPair {
    case ints(Int, Int)
    case doubles(Double, Double)
    case floats(Float, Float)
    case other

    @inline(__always) init(_ a: Value, _ b: Value) {
        switch (a, b) {
        case (.int(let x), .int(let y)): self = .ints(x, y)
        case (.double(let x), .double(let y)): self = .doubles(x, y)
        case (.double(let x), .int(let y)): self = .doubles(x, Double(y))
        case (.int(let x), .double(let y)): self = .doubles(Double(x), y)
        case (.float(let x), .float(let y)): self = .floats(x, y)
        case (.float(let x), .int(let y)): self = .floats(x, Float(y))
        case (.int(let x), .float(let y)): self = .floats(Float(x), y)
        case (.float(let x), .double(let y)): self = .floats(x, Float(y))
        case (.double(let x), .float(let y)): self = .floats(Float(x), y)
        default: self = .other
        }
    }
}

let overflow = RuntimeError("arithmetic overflow")

extension Context {
    func binary(_ op: String, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case "+": return try add(a, b)
        case "-": return try subtract(a, b)
        case "*": return try multiply(a, b)
        case "/": return try divide(a, b)
        case "%": return try remainder(a, b)
        case "==": return .bool(try equals(a, b))
        case "!=": return .bool(!(try equals(a, b)))
        case "<": return .bool(try less(a, b))
        case ">": return .bool(try less(b, a))
        case "<=": return .bool(!(try less(b, a)))
        case ">=": return .bool(!(try less(a, b)))
        case "===":
            if case .object(let x) = a, case .object(let y) = b { return .bool(x === y) }
            return .bool(false)
        case "!==":
            if case .object(let x) = a, case .object(let y) = b { return .bool(x !== y) }
            return .bool(true)
        case "..<":
            guard case .int(let l) = a, case .int(let u) = b else { return try floatingRange(op, a, b) }
            if u < l { throw RuntimeError("Range requires lowerBound <= upperBound") }
            return .range(l, u)
        case "...":
            guard case .int(let l) = a, case .int(let u) = b else { return try floatingRange(op, a, b) }
            if u < l { throw RuntimeError("Range requires lowerBound <= upperBound") }
            return .closedRange(l, u)
        case "&+": if case .ints(let x, let y) = NumericPair(a, b) { return .int(x &+ y) }
        case "&-": if case .ints(let x, let y) = NumericPair(a, b) { return .int(x &- y) }
        case "&*": if case .ints(let x, let y) = NumericPair(a, b) { return .int(x &* y) }
        case "&": if case .ints(let x, let y) = NumericPair(a, b) { return .int(x & y) }
        case "|": if case .ints(let x, let y) = NumericPair(a, b) { return .int(x | y) }
        case "^": if case .ints(let x, let y) = NumericPair(a, b) { return .int(x ^ y) }
        case "<<": if case .ints(let x, let y) = NumericPair(a, b) { return .int(x << y) }
        case ">>": if case .ints(let x, let y) = NumericPair(a, b) { return .int(x >> y) }
        case "&<<": if case .ints(let x, let y) = NumericPair(a, b) { return .int(x &<< y) }
        case "&>>": if case .ints(let x, let y) = NumericPair(a, b) { return .int(x &>> y) }
        default: break
        }
        return try userOperator(op, a, b)
    }

    /// Ranges of Double or Float (`0.0..<1.0`).
    func floatingRange(_ op: String, _ a: Value, _ b: Value) throws -> Value {
        if case .other = NumericPair(a, b) { return try userOperator(op, a, b) }
        return try .floatingRange(a, b, closed: op == "...")
    }

    @inline(__always) func add(_ a: Value, _ b: Value) throws -> Value {
        switch NumericPair(a, b) {
        case .ints(let x, let y):
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw overflow }
            return .int(r)
        case .doubles(let x, let y): return .double(x + y)
        case .floats(let x, let y): return .float(x + y)
        case .other:
            switch (a, b) {
            case (.string(let x), .string(let y)): return .string(x + y)
            case (.string(let x), .character(let y)): return .string(x + String(y))
            case (.character(let x), .string(let y)): return .string(String(x) + y)
            case (.character(let x), .character(let y)): return .string(String(x) + String(y))
            case (.array(let x), .array(let y)): return .array(ArrayStorage(x.elements + y.elements))
            default: return try userOperator("+", a, b)
            }
        }
    }

    @inline(__always) func subtract(_ a: Value, _ b: Value) throws -> Value {
        switch NumericPair(a, b) {
        case .ints(let x, let y):
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw overflow }
            return .int(r)
        case .doubles(let x, let y): return .double(x - y)
        case .floats(let x, let y): return .float(x - y)
        case .other: return try userOperator("-", a, b)
        }
    }

    @inline(__always) func multiply(_ a: Value, _ b: Value) throws -> Value {
        switch NumericPair(a, b) {
        case .ints(let x, let y):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw overflow }
            return .int(r)
        case .doubles(let x, let y): return .double(x * y)
        case .floats(let x, let y): return .float(x * y)
        case .other: return try userOperator("*", a, b)
        }
    }

    func divide(_ a: Value, _ b: Value) throws -> Value {
        switch NumericPair(a, b) {
        case .ints(let x, let y):
            if y == 0 { throw RuntimeError("Division by zero") }
            let (r, o) = x.dividedReportingOverflow(by: y)
            if o { throw RuntimeError("Division results in an overflow") }
            return .int(r)
        case .doubles(let x, let y): return .double(x / y)
        case .floats(let x, let y): return .float(x / y)
        case .other: return try userOperator("/", a, b)
        }
    }

    func remainder(_ a: Value, _ b: Value) throws -> Value {
        switch NumericPair(a, b) {
        case .ints(let x, let y):
            if y == 0 { throw RuntimeError("Division by zero in remainder operation") }
            let (r, o) = x.remainderReportingOverflow(dividingBy: y)
            if o { throw RuntimeError("Division results in an overflow in remainder operation") }
            return .int(r)
        case .doubles, .floats:
            throw RuntimeError("'%' is unavailable: For floating point numbers use truncatingRemainder instead")
        case .other: return try userOperator("%", a, b)
        }
    }

    func equals(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.structValue(let s), _):
            if let f = s.type.staticMethods["==(_:_:)"] { return try truth(call(f, [a, b])) }
        case (.object(let o), _):
            if let f = o.type.staticMethods["==(_:_:)"] ?? o.type.superclass?.staticMethods["==(_:_:)"] { return try truth(call(f, [a, b])) }
        case (.native(let n), _), (_, .native(let n)):
            if let op = try n.type.binaryOperator?(self, "==", a, b) { return try truth(op) }
        default: break
        }
        return a == b
    }

    func less(_ a: Value, _ b: Value) throws -> Bool {
        if let r = lessThan(a, b) { return r }
        // `level < .high`: the implicit member takes the other side's enum type.
        if case .enumValue(let e) = a, case .implicitMember(let m) = b { return try less(a, resolveImplicitMember(m, in: e.type)) }
        if case .implicitMember(let m) = a, case .enumValue(let e) = b { return try less(resolveImplicitMember(m, in: e.type), b) }
        // `enum SkillLevel: Comparable` without its own `<`: Swift's synthesised order, by case
        // then by associated values.
        if case .enumValue(let x) = a, case .enumValue(let y) = b, x.type === y.type, x.type.conforms(to: "Comparable"),
           x.type.rawType == nil, userOperatorFunction("<", [a, b]) == nil {
            if x.caseIndex != y.caseIndex { return x.caseIndex < y.caseIndex }
            for (p, q) in zip(x.payload, y.payload) {
                if try less(p, q) { return true }
                if try less(q, p) { return false }
            }
            return false
        }
        return try truth(userOperator("<", a, b))
    }

    /// An operator defined by a cell's type (`static func + (a: Vec, b: Vec) -> Vec`) or by a
    /// native type (tensor arithmetic).
    func userOperator(_ op: String, _ a: Value, _ b: Value) throws -> Value {
        for v in [a, b] {
            if case .native(let n) = v, let r = try n.type.binaryOperator?(self, op, a, b) { return r }
        }
        if let f = userOperatorFunction(op, [a, b]) { return try call(f, [a, b]) }
        throw RuntimeError("binary operator '\(op)' cannot be applied to operands of type '\(typeName(a))' and '\(typeName(b))'")
    }

    /// `-m` with a `static prefix func -` of m's type.
    func userPrefixOperator(_ op: String, _ v: Value) throws -> Value {
        if let f = userOperatorFunction("prefix" + op, [v]) { return try call(f, [v]) }
        throw RuntimeError("unary operator '\(op)' cannot be applied to an operand of type '\(typeName(v))'")
    }

    /// The operator function declared by an operand's type (or a protocol it conforms to) whose
    /// parameters take the operands: exactly typed first, then with an integer where a
    /// floating-point number is expected (`2 * m` meaning `2.0 * m`).
    func userOperatorFunction(_ key: String, _ operands: [Value]) -> Function? {
        var candidates: [Function] = []
        for v in operands {
            guard let t = nominalType(of: v) else { continue }
            candidates += t.operatorFunctions(key)
        }
        if candidates.isEmpty { return nil }
        func fits(_ f: Function, loosely: Bool) -> Bool {
            guard f.proto.params.count == operands.count else { return false }
            return zip(f.proto.params, operands).allSatisfy { p, v in
                guard let t = p.type else { return true }
                if valueIs(v, t) { return true }
                if loosely, case .int = v, case .double = t { return true }
                if loosely, case .int = v, case .float = t { return true }
                return false
            }
        }
        return candidates.first { fits($0, loosely: false) } ?? candidates.first { fits($0, loosely: true) }
    }

    func truth(_ v: Value) throws -> Bool {
        if case .bool(let b) = v { return b }
        throw RuntimeError("'\(typeName(v))' is not convertible to 'Bool'")
    }
}

/// The Swift name of a value's type as messages write it (`[Int]`, `Int?`).
func typeName(_ v: Value) -> String {
    switch v {
    case .array(let a): return "[\(a.elements.first.map(typeName) ?? "Any")]"
    case .dictionary(let d): return "[\(d.keys.first.map(typeName) ?? "AnyHashable"): \(d.values.first.map(typeName) ?? "Any")]"
    case .some(let w): return typeName(w) + "?"
    default: return typeOfName(v)
    }
}

/// The name `type(of:)` prints (`Array<Int>`).
func typeOfName(_ v: Value) -> String {
    switch v {
    case .void: return "()"
    case .int: return "Int"
    case .double: return "Double"
    case .float: return "Float"
    case .bool: return "Bool"
    case .string: return "String"
    case .character: return "Character"
    case .range: return "Range<Int>"
    case .closedRange: return "ClosedRange<Int>"
    case .array(let a): return (a.isSlice ? "ArraySlice<" : "Array<") + "\(a.elements.first.map(typeOfName) ?? "Any")>"
    case .dictionary(let d): return "Dictionary<\(d.keys.first.map(typeOfName) ?? "AnyHashable"), \(d.values.first.map(typeOfName) ?? "Any")>"
    case .set(let s): return "Set<\(s.elements.first.map(typeOfName) ?? "AnyHashable")>"
    case .tuple(let t): return "(" + t.elements.map(typeOfName).joined(separator: ", ") + ")"
    case .none: return "Optional<Any>"
    case .some(let w): return "Optional<\(typeOfName(w))>"
    case .function: return "Function"
    case .structValue(let s): return s.type.displayName(of: s.fields)
    case .object(let o): return o.type.name
    case .enumValue(let e): return e.type.name
    case .type(let t): return "\(t.name).Type"
    case .implicitMember: return "implicit member"
    case .native(let n): return n.type.typeName?(n.value) ?? n.type.name
    }
}

@inline(__always) func isIntValue(_ v: Value) -> Bool {
    if case .int = v { return true }
    return false
}
