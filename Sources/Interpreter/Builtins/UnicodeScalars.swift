import Reports

/// `Unicode.Scalar` (also spelled `UnicodeScalar`): a value holds Swift's own scalar, so it
/// prints as Swift prints it (`A`, and `"\u{00E9}"` inside a collection). Made by
/// `UnicodeScalar(_:)` (failable from an Int, UInt32 or UInt16; not from a UInt8, as in Swift)
/// and by `s.unicodeScalars`; `.value` is its code point, a UInt32.
func registerUnicodeScalars(_ b: Builtins) {
    let t = b.type(NativeType(name: "Unicode.Scalar"))
    b.types["UnicodeScalar"] = .native(t)
    let unicode = b.type(NativeType(name: "Unicode"))
    unicode.staticProperties["Scalar"] = { _ in .type(.native(t)) }
    func wrap(_ s: Unicode.Scalar) -> Value { .native(NativeValue(s, type: t)) }
    func this(_ v: Value) throws -> Unicode.Scalar { try v.native(Unicode.Scalar.self, "Unicode.Scalar") }
    t.describe = { String(describing: $0 as! Unicode.Scalar) }
    t.debugDescribe = { String(reflecting: $0 as! Unicode.Scalar) }
    t.typeName = { _ in "Scalar" }
    t.equals = { ($0 as? Unicode.Scalar) == ($1 as? Unicode.Scalar) }
    t.initializer([.unlabelled]) { _, a in
        switch a[0] {
        case .int(let i): return UInt32(exactly: i).flatMap(Unicode.Scalar.init).map { .some(wrap($0)) } ?? .none
        case .native(let n):
            if let x = n.value as? UInt8 { return wrap(Unicode.Scalar(x)) }
            if let x = n.value as? UInt16 { return Unicode.Scalar(x).map { .some(wrap($0)) } ?? .none }
            if let x = n.value as? UInt32 { return Unicode.Scalar(x).map { .some(wrap($0)) } ?? .none }
            if n.type === t { return a[0] }
        case .string(let s) where s.unicodeScalars.count == 1: return wrap(s.unicodeScalars.first!)
        case .character(let c) where c.unicodeScalars.count == 1: return wrap(c.unicodeScalars.first!)
        default: break
        }
        throw RuntimeError("no 'Unicode.Scalar' initializer takes a \(typeName(a[0]))")
    }
    guard case .native(let u32)? = b.types["UInt32"], let uint32 = u32.integerLiteral else {
        preconditionFailure("UInt32 is registered before the Unicode scalars")
    }
    t.property("value") { _, v in try uint32(Int(try this(v).value)) }
    t.property("isASCII") { _, v in .bool(try this(v).isASCII) }
    t.property("description") { _, v in .string(String(try this(v))) }
    t.binaryOperator = { _, op, a, b in
        // The other side may be a literal (`scalar == "A"`).
        func scalar(_ v: Value) -> Unicode.Scalar? {
            switch v {
            case .native(let n): return n.value as? Unicode.Scalar
            case .string(let s) where s.unicodeScalars.count == 1: return s.unicodeScalars.first
            case .character(let c) where c.unicodeScalars.count == 1: return c.unicodeScalars.first
            default: return nil
            }
        }
        guard let x = scalar(a), let y = scalar(b) else { return nil }
        switch op {
        case "==", "!=", "<", ">", "<=", ">=": return comparison(op, x, y)
        default: return nil
        }
    }
    let scalars: (Context, Value) throws -> Value = { _, v in
        let text: String
        switch v {
        case .string(let s): text = s
        case .character(let c): text = String(c)
        default: throw RuntimeError("unicodeScalars: expected a String, got \(typeName(v))")
        }
        return .array(ArrayStorage(text.unicodeScalars.map(wrap)))
    }
    b.stringType.property("unicodeScalars", scalars)
    b.characterType.property("unicodeScalars", scalars)
}
