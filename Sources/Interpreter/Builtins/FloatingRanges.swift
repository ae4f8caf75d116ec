import Reports

/// A range of Double or Float written in a cell (`0.0...1.0`, `0..<0.5`): its bounds, `contains`,
/// `~=` and Swift's description. (Int ranges are `Value.range` / `.closedRange`.)
struct FloatingRange {
    /// Both bounds are `.double`, or both `.float`.
    let lower: Value
    let upper: Value
    let closed: Bool

    /// Bounds as Swift types them: Float if either is a Float, else Double (`0..<0.5` is Double).
    init(_ a: Value, _ b: Value, closed: Bool) throws {
        let isFloat: Bool
        switch (a, b) {
        case (.float, _), (_, .float): isFloat = true
        default: isFloat = false
        }
        let (x, y) = (try a.double(), try b.double())
        guard x <= y else { throw RuntimeError("Range requires lowerBound <= upperBound") }
        lower = isFloat ? .float(Float(x)) : .double(x)
        upper = isFloat ? .float(Float(y)) : .double(y)
        self.closed = closed
    }

    func contains(_ v: Value) -> Bool {
        guard let below = lessThan(v, lower), !below, let after = lessThan(upper, v) else { return false }
        return closed ? !after : lessThan(v, upper) ?? false
    }

    var isEmpty: Bool { !closed && lower == upper }

    var description: String {
        func text(_ v: Value) -> String {
            switch v {
            case .float(let f): return f.description
            case .double(let d): return d.description
            default: return "\(v)"
            }
        }
        return text(lower) + (closed ? "..." : "..<") + text(upper)
    }

    var typeName: String {
        let bound: String
        if case .float = lower { bound = "Float" } else { bound = "Double" }
        return (closed ? "ClosedRange<" : "Range<") + bound + ">"
    }
}

let floatingRangeType: NativeType = {
    let t = NativeType(name: "Range")
    func this(_ v: Value) throws -> FloatingRange { try v.native(FloatingRange.self, "range") }
    t.describe = { ($0 as? FloatingRange)?.description ?? "range" }
    t.typeName = { ($0 as? FloatingRange)?.typeName ?? "Range<Double>" }
    t.equals = { a, b in
        guard let x = a as? FloatingRange, let y = b as? FloatingRange else { return false }
        return x.closed == y.closed && x.lower == y.lower && x.upper == y.upper
    }
    t.property("lowerBound") { _, v in try this(v).lower }
    t.property("upperBound") { _, v in try this(v).upper }
    t.property("isEmpty") { _, v in .bool(try this(v).isEmpty) }
    t.property("description") { _, v in .string(try this(v).description) }
    t.method("contains", [.unlabelled]) { _, args in .bool(try this(args[0]).contains(args[1])) }
    t.binaryOperator = { _, op, a, b in
        guard op == "~=", case .native(let n) = a, let r = n.value as? FloatingRange else { return nil }
        return .bool(r.contains(b))
    }
    return t
}()

extension Value {
    /// A Double or Float range value.
    static func floatingRange(_ a: Value, _ b: Value, closed: Bool) throws -> Value {
        .native(NativeValue(try FloatingRange(a, b, closed: closed), type: floatingRangeType))
    }
}
