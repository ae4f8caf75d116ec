import Foundation
import Reports

/// Free functions of the standard library: `print`, `min`, `zip`, `stride`, math, traps.
func registerGlobals(_ b: Builtins) {
    b.function("print", [.variadic(nil), .labelledDefault("separator", .string(" ")), .labelledDefault("terminator", .string("\n"))]) { ctx, args in
        let items = try args[0].array()
        let text = try items.map { try ctx.describe($0) }.joined(separator: try args[1].string())
        ctx.write(text + (try args[2].string()))
        return .void
    }
    b.function("debugPrint", [.variadic(nil), .labelledDefault("separator", .string(" ")), .labelledDefault("terminator", .string("\n"))]) { ctx, args in
        let items = try args[0].array()
        let text = try items.map { try ctx.describe($0, debug: true) }.joined(separator: try args[1].string())
        ctx.write(text + (try args[2].string()))
        return .void
    }
    b.function("display", [.unlabelled]) { ctx, args in
        ctx.display(try ctx.richValue(args[0]))
        return .void
    }
    for name in ["min", "max"] {
        let pickLess = name == "min"
        b.function(name, [.unlabelled, .unlabelled, .variadic(nil)]) { ctx, args in
            var best = args[0]
            let all = [args[0], args[1]] + (try args[2].array())
            for v in all.dropFirst() {
                let lt = try ctx.less(v, best)
                if pickLess ? lt : try ctx.less(best, v) { best = v }
            }
            // An integer literal among Doubles (`min(2.5, 1)`) is a Double in Swift.
            if case .int(let i) = best {
                if all.contains(where: { if case .double = $0 { return true }; return false }) { return .double(Double(i)) }
                if all.contains(where: { if case .float = $0 { return true }; return false }) { return .float(Float(i)) }
            }
            return best
        }
    }
    b.function("abs", [.unlabelled]) { ctx, args in
        switch args[0] {
        case .int(let i):
            if i == .min { throw RuntimeError("arithmetic overflow") }
            return .int(abs(i))
        case .double(let d): return .double(abs(d))
        case .float(let f): return .float(abs(f))
        case .native(let n): if let r = try n.type.prefixOperator?(ctx, "abs", args[0]) { return r }
        default: break
        }
        throw RuntimeError("abs: expected a number, got \(typeName(args[0]))")
    }
    b.function("zip", [.unlabelled, .unlabelled]) { _, args in
        // A one-sided range (`zip(1..., words)`) runs as long as the other sequence.
        func elements(_ v: Value, _ other: Value) throws -> [Value] {
            if case .range(let l, Int.max) = v, l != Int.min {
                if case .range(_, Int.max) = other { throw RuntimeError("zip of two one-sided ranges never ends") }
                let n = try other.array("zip").count
                return (0..<n).map { .int(l + $0) }
            }
            return try v.array("zip")
        }
        let a = try elements(args[0], args[1]), c = try elements(args[1], args[0])
        return .array(ArrayStorage(zip(a, c).map { .tuple(TupleValue([$0, $1])) }))
    }
    for (label, closed) in [("to", false), ("through", true)] {
        b.function("stride", [.labelled("from"), .labelled(label), .labelled("by")]) { _, args in
            if case .int(let from) = args[0], case .int(let to) = args[1], case .int(let by) = args[2] {
                if by == 0 { throw RuntimeError("Stride size must not be zero") }
                return .array(ArrayStorage(closed ? stride(from: from, through: to, by: by).map(Value.int) : stride(from: from, to: to, by: by).map(Value.int)))
            }
            let from = try args[0].double(), to = try args[1].double(), by = try args[2].double()
            if by == 0 { throw RuntimeError("Stride size must not be zero") }
            return .array(ArrayStorage(closed ? stride(from: from, through: to, by: by).map(Value.double) : stride(from: from, to: to, by: by).map(Value.double)))
        }
    }
    b.function("type", [.labelled("of")]) { _, args in .string(typeOfName(args[0])) }
    b.function("fatalError", [.unlabelledDefault(.string(""))]) { _, args in
        let m = try args[0].string()
        throw RuntimeError(m.isEmpty ? "Fatal error" : "Fatal error: \(m)")
    }
    b.function("precondition", [.unlabelled, .unlabelledDefault(.string(""))]) { _, args in
        if try args[0].bool() { return .void }
        let m = try args[1].string()
        throw RuntimeError(m.isEmpty ? "Precondition failed" : "Precondition failed: \(m)")
    }
    b.function("assert", [.unlabelled, .unlabelledDefault(.string(""))]) { _, args in
        if try args[0].bool() { return .void }
        let m = try args[1].string()
        throw RuntimeError(m.isEmpty ? "Assertion failed" : "Assertion failed: \(m)")
    }
    b.function("preconditionFailure", [.unlabelledDefault(.string(""))]) { _, args in
        let m = try args[0].string()
        throw RuntimeError(m.isEmpty ? "Fatal error" : "Fatal error: \(m)")
    }
    b.function("swap", [.unlabelled, .unlabelled]) { _, _ in .void }
    b.function("repeatElement", [.unlabelled, .labelled("count")]) { _, args in
        .array(ArrayStorage(Array(repeating: args[0], count: max(0, try args[1].int()))))
    }
    let unary: [(String, (Double) -> Double)] = [("sqrt", { $0.squareRoot() }), ("exp", Foundation.exp), ("log", Foundation.log), ("sin", Foundation.sin),
        ("cos", Foundation.cos), ("tan", Foundation.tan), ("tanh", Foundation.tanh), ("floor", Foundation.floor), ("ceil", Foundation.ceil),
        ("round", Foundation.round), ("log2", Foundation.log2), ("log10", Foundation.log10), ("atan", Foundation.atan), ("exp2", Foundation.exp2),
        ("trunc", Foundation.trunc), ("cbrt", Foundation.cbrt), ("asin", Foundation.asin), ("acos", Foundation.acos),
        ("sinh", Foundation.sinh), ("cosh", Foundation.cosh), ("expm1", Foundation.expm1), ("log1p", Foundation.log1p)]
    let binary: [(String, (Double, Double) -> Double)] = [("atan2", Foundation.atan2), ("hypot", Foundation.hypot), ("fmod", Foundation.fmod),
        ("remainder", Foundation.remainder), ("copysign", Foundation.copysign)]
    for (name, fn) in binary {
        b.function(name, [.unlabelled, .unlabelled]) { _, args in
            if case .float(let x) = args[0], case .float(let y) = args[1] { return .float(Float(fn(Double(x), Double(y)))) }
            return .double(fn(try args[0].double(name), try args[1].double(name)))
        }
    }
    for (name, fn) in unary {
        b.function(name, [.unlabelled]) { ctx, args in
            switch args[0] {
            case .float(let f): return .float(Float(fn(Double(f))))
            case .native(let n):
                if let r = try n.type.prefixOperator?(ctx, name, args[0]) { return r }
                throw RuntimeError("\(name): no form for \(n.type.name)")
            default: return .double(fn(try args[0].double(name)))
            }
        }
    }
    b.function("pow", [.unlabelled, .unlabelled]) { ctx, args in
        switch (args[0], args[1]) {
        case (.float(let x), _): return .float(Float(Foundation.pow(Double(x), try args[1].double())))
        case (.native, _):
            if let r = try ctx.binaryNative("pow", args[0], args[1]) { return r }
            throw RuntimeError("pow: unsupported operands")
        default: return .double(Foundation.pow(try args[0].double("pow"), try args[1].double("pow")))
        }
    }
}

extension Context {
    func binaryNative(_ op: String, _ a: Value, _ b: Value) throws -> Value? {
        if case .native(let n) = a, let r = try n.type.binaryOperator?(self, op, a, b) { return r }
        if case .native(let n) = b, let r = try n.type.binaryOperator?(self, op, a, b) { return r }
        return nil
    }

    /// A uniformly random Int in `range` from the session's generator.
    func randomInt(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &rng)
    }
}
