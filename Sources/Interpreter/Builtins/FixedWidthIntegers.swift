import Reports

/// Int8 ... UInt64 and UInt: Swift's fixed-width integers. Each is a native type whose values hold
/// the Swift integer itself, so arithmetic traps (`Int8(127) + 1`), wraps (`UInt8(255) &+ 1`) and
/// converts (`Int32(x)` traps when x does not fit) exactly at the type's own width.
/// An `Int` operand is an integer literal that adapted late (`Int32(5) + 1`): it must fit.
func registerFixedWidthIntegers(_ b: Builtins) {
    bindFixedWidth(Int8.self, "Int8", b)
    bindFixedWidth(Int16.self, "Int16", b)
    bindFixedWidth(Int32.self, "Int32", b)
    bindFixedWidth(Int64.self, "Int64", b)
    bindFixedWidth(UInt8.self, "UInt8", b)
    bindFixedWidth(UInt16.self, "UInt16", b)
    bindFixedWidth(UInt32.self, "UInt32", b)
    bindFixedWidth(UInt64.self, "UInt64", b)
    bindFixedWidth(UInt.self, "UInt", b)
}

// Compiled once, generically, not specialised nine times: specialising it was the slowest file of
// the whole build (~6% of a cold build's compile time), for types cells rarely use.
@_semantics("optimize.sil.specialize.generic.never")
private func bindFixedWidth<T: FixedWidthInteger>(_: T.Type, _ name: String, _ b: Builtins) {
    let type = b.type(NativeType(name: name))
    func wrap(_ x: T) -> Value { .native(NativeValue(x, type: type)) }

    /// A value of this type, or an Int literal that fits in it.
    func operand(_ v: Value) throws -> T {
        switch v {
        case .native(let n) where n.type === type: return n.value as! T
        case .int(let i):
            guard let x = T(exactly: i) else { throw RuntimeError("integer literal '\(i)' overflows when stored into '\(name)'") }
            return x
        default: throw RuntimeError("cannot convert value of type '\(typeName(v))' to expected argument type '\(name)'")
        }
    }
    /// `T(x)` from any integer: Swift's traps when x does not fit.
    func converting(_ x: some BinaryInteger) throws -> T {
        if let v = T(exactly: x) { return v }
        throw RuntimeError(x < 0 && !T.isSigned ? "Negative value is not representable" : "Not enough bits to represent the passed value")
    }
    /// `T(d)` from a Double or Float (`what`): Swift's traps for non-finite or out-of-range values.
    func converting(_ d: Double, _ what: String) throws -> T {
        guard d.isFinite else { throw RuntimeError("\(what) value cannot be converted to \(name) because it is either infinite or NaN") }
        if d <= Double(T.min) - 1 { throw RuntimeError("\(what) value cannot be converted to \(name) because the result would be less than \(name).min") }
        if d >= Double(T.max) + 1 { throw RuntimeError("\(what) value cannot be converted to \(name) because the result would be greater than \(name).max") }
        return T(d.rounded(.towardZero))
    }

    type.describe = { String($0 as! T) }
    type.typeName = { _ in name }
    type.equals = { ($0 as? T) == ($1 as? T) }
    type.integerLiteral = { i in wrap(try operand(.int(i))) }
    type.initializer([.unlabelled]) { _, args in
        switch args[0] {
        case .int(let i): return wrap(try converting(i))
        case .double(let d): return wrap(try converting(d, "Double"))
        case .float(let f): return wrap(try converting(Double(f), "Float"))
        case .string(let s): return T(s).map(wrap).map(Value.some) ?? .none
        case .native(let n): if let x = n.value as? any BinaryInteger { return wrap(try converting(x)) }
        default: break
        }
        throw RuntimeError("\(name): cannot convert a value of type '\(typeName(args[0]))'")
    }
    type.initializer([.labelled("truncatingIfNeeded")]) { _, args in
        if case .native(let n) = args[0], let x = n.value as? any BinaryInteger { return wrap(T(truncatingIfNeeded: x)) }
        return wrap(T(truncatingIfNeeded: try args[0].int()))
    }
    type.initializer([.labelled("clamping")]) { _, args in
        if case .native(let n) = args[0], let x = n.value as? any BinaryInteger { return wrap(T(clamping: x)) }
        return wrap(T(clamping: try args[0].int()))
    }
    type.initializer([.labelled("exactly")]) { _, args in
        switch args[0] {
        case .int(let i): return T(exactly: i).map(wrap).map(Value.some) ?? .none
        case .native(let n): if let x = n.value as? any BinaryInteger { return T(exactly: x).map(wrap).map(Value.some) ?? .none }
        default: break
        }
        return T(exactly: try args[0].double()).map(wrap).map(Value.some) ?? .none
    }
    type.staticProperties["max"] = { _ in wrap(T.max) }
    type.staticProperties["min"] = { _ in wrap(T.min) }
    type.staticProperties["zero"] = { _ in wrap(T.zero) }
    type.staticProperties["bitWidth"] = { _ in .int(T.bitWidth) }
    // `Int(x)` and `Double(x)` read these (as they do for scalar tensors).
    type.properties["scalarInt"] = { _, v in
        guard let x = Int(exactly: try operand(v)) else { throw RuntimeError("Not enough bits to represent the passed value") }
        return .int(x)
    }
    type.properties["scalarDouble"] = { _, v in .double(Double(try operand(v))) }
    type.property("description") { _, v in .string(String(try operand(v))) }
    type.property("nonzeroBitCount") { _, v in .int(try operand(v).nonzeroBitCount) }
    type.property("leadingZeroBitCount") { _, v in .int(try operand(v).leadingZeroBitCount) }
    type.property("trailingZeroBitCount") { _, v in .int(try operand(v).trailingZeroBitCount) }
    type.property("byteSwapped") { _, v in wrap(try operand(v).byteSwapped) }
    type.method("isMultiple", [.labelled("of")]) { _, args in .bool(try operand(args[0]).isMultiple(of: try operand(args[1]))) }
    type.method("signum", []) { _, args in wrap(try operand(args[0]).signum()) }

    type.prefixOperator = { _, op, v in
        let x = try operand(v)
        switch op {
        case "-":
            let (r, o) = T.zero.subtractingReportingOverflow(x)
            if o { throw overflow }
            return wrap(r)
        case "~": return wrap(~x)
        default: return nil
        }
    }
    type.binaryOperator = { _, op, a, b in
        // Mixed widths (`Int8 + Int32`) are a type error in Swift.
        for v in [a, b] {
            if case .native(let n) = v, n.type !== type {
                throw RuntimeError("binary operator '\(op)' cannot be applied to operands of type '\(typeName(a))' and '\(typeName(b))'")
            }
        }
        let x = try operand(a), y = try operand(b)
        func checked(_ r: (T, Bool)) throws -> Value {
            if r.1 { throw overflow }
            return wrap(r.0)
        }
        switch op {
        case "+": return try checked(x.addingReportingOverflow(y))
        case "-": return try checked(x.subtractingReportingOverflow(y))
        case "*": return try checked(x.multipliedReportingOverflow(by: y))
        case "/":
            if y == 0 { throw RuntimeError("Division by zero") }
            let (r, o) = x.dividedReportingOverflow(by: y)
            if o { throw RuntimeError("Division results in an overflow") }
            return wrap(r)
        case "%":
            if y == 0 { throw RuntimeError("Division by zero in remainder operation") }
            let (r, o) = x.remainderReportingOverflow(dividingBy: y)
            if o { throw RuntimeError("Division results in an overflow in remainder operation") }
            return wrap(r)
        case "&+": return wrap(x &+ y)
        case "&-": return wrap(x &- y)
        case "&*": return wrap(x &* y)
        case "&": return wrap(x & y)
        case "|": return wrap(x | y)
        case "^": return wrap(x ^ y)
        case "<<": return wrap(x << y)
        case ">>": return wrap(x >> y)
        case "&<<": return wrap(x &<< y)
        case "&>>": return wrap(x &>> y)
        case "==", "!=", "<", ">", "<=", ">=": return comparison(op, x, y)
        default: return nil
        }
    }
}

extension Value {
    /// A fixed-width integer (`Int32(n)`) as a plain Int value, for natives that take numbers
    /// (`Tensor<Int32>(randomUniform:..., upperBound: Int32(n))`); nil for anything else.
    var fixedWidthAsInt: Value? {
        guard case .native(let n) = self, let x = n.value as? any BinaryInteger, let i = Int(exactly: x) else { return nil }
        return .int(i)
    }
}

/// `x op y` for Swift's six comparison operators (nil for any other operator), shared by the
/// builtin types that compare their own values (fixed-width integers, string indices, scalars).
func comparison<T: Comparable>(_ op: String, _ x: T, _ y: T) -> Value? {
    switch op {
    case "==": return .bool(x == y)
    case "!=": return .bool(x != y)
    case "<": return .bool(x < y)
    case ">": return .bool(x > y)
    case "<=": return .bool(x <= y)
    case ">=": return .bool(x >= y)
    default: return nil
    }
}
