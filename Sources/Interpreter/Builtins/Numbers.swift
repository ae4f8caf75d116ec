import Foundation
import Reports

/// Int, Double, Float and Bool: conversions, constants, methods.
func registerNumbers(_ b: Builtins) {
    b.intType.initializer([.unlabelled]) { _, args in
        switch args[0] {
        case .int: return args[0]
        case .double(let d):
            guard d.isFinite, d > -9.3e18, d < 9.3e18 else { throw RuntimeError(d.isFinite ? "Double value cannot be converted to Int because the result would be greater than Int.max" : "Double value cannot be converted to Int because it is either infinite or NaN") }
            return .int(Int(d))
        case .float(let f):
            guard f.isFinite, f > -9.2e18, f < 9.2e18 else { throw RuntimeError(f.isFinite ? "Float value cannot be converted to Int because the result would be greater than Int.max" : "Float value cannot be converted to Int because it is either infinite or NaN") }
            return .int(Int(f))
        case .string(let s): return Int(s).map(Value.int).map(Value.some) ?? .none
        case .character(let c): return Int(String(c)).map(Value.int).map(Value.some) ?? .none
        case .bool(let x): return .int(x ? 1 : 0)
        case .native(let n): if let get = n.type.properties["scalarInt"] { return try get(Context(options: .init()), args[0]) }
        default: break
        }
        throw RuntimeError("Int: cannot convert a value of type '\(typeName(args[0]))'")
    }
    b.intType.initializer([.labelled("exactly")]) { _, args in
        let d = try args[0].double("Int(exactly:)")
        guard d.isFinite, d == d.rounded(), abs(d) < 9.2e18 else { return .none }
        return .some(.int(Int(d)))
    }
    b.intType.initializer([.unlabelled, .labelled("radix")]) { _, args in
        Int(try args[0].string(), radix: try args[1].int()).map(Value.int).map(Value.some) ?? .none
    }
    b.doubleType.initializer([.unlabelled]) { _, args in
        switch args[0] {
        case .string(let s): return Double(s).map(Value.double).map(Value.some) ?? .none
        case .native(let n): if let get = n.type.properties["scalarDouble"] { return try get(Context(options: .init()), args[0]) }
        default: break
        }
        return .double(try args[0].double("Double"))
    }
    b.floatType.initializer([.unlabelled]) { _, args in
        switch args[0] {
        case .string(let s): return Float(s).map(Value.float).map(Value.some) ?? .none
        case .native(let n): if let get = n.type.properties["scalarDouble"] { return .float(Float(try get(Context(options: .init()), args[0]).double())) }
        default: break
        }
        return .float(Float(try args[0].double("Float")))
    }
    b.boolType.initializer([.unlabelled]) { _, args in
        if case .string(let s) = args[0] { return s == "true" ? .some(.bool(true)) : s == "false" ? .some(.bool(false)) : .none }
        return .bool(try args[0].bool())
    }
    b.intType.staticProperties["max"] = { _ in .int(.max) }
    b.intType.staticProperties["min"] = { _ in .int(.min) }
    b.doubleType.staticProperties["pi"] = { _ in .double(.pi) }
    b.doubleType.staticProperties["infinity"] = { _ in .double(.infinity) }
    b.doubleType.staticProperties["nan"] = { _ in .double(.nan) }
    b.doubleType.staticProperties["greatestFiniteMagnitude"] = { _ in .double(.greatestFiniteMagnitude) }
    b.doubleType.staticProperties["ulpOfOne"] = { _ in .double(.ulpOfOne) }
    b.floatType.staticProperties["pi"] = { _ in .float(.pi) }
    b.floatType.staticProperties["nan"] = { _ in .float(.nan) }
    b.floatType.staticProperties["leastNormalMagnitude"] = { _ in .float(.leastNormalMagnitude) }
    b.floatType.staticProperties["leastNonzeroMagnitude"] = { _ in .float(.leastNonzeroMagnitude) }
    b.floatType.staticProperties["ulpOfOne"] = { _ in .float(.ulpOfOne) }
    b.doubleType.staticProperties["leastNormalMagnitude"] = { _ in .double(.leastNormalMagnitude) }
    b.doubleType.staticProperties["leastNonzeroMagnitude"] = { _ in .double(.leastNonzeroMagnitude) }
    b.floatType.staticProperties["infinity"] = { _ in .float(.infinity) }
    b.floatType.staticProperties["greatestFiniteMagnitude"] = { _ in .float(.greatestFiniteMagnitude) }
    b.intType.staticMethod("random", [.labelled("in")]) { ctx, args in
        switch args[0] {
        case .range(let l, let u):
            guard l < u else { throw RuntimeError("Range requires lowerBound < upperBound") }
            return .int(ctx.randomInt(in: l...(u - 1)))
        case .closedRange(let l, let u): return .int(ctx.randomInt(in: l...u))
        default: throw RuntimeError("Int.random(in:): expected a range")
        }
    }
    for (t, isFloat) in [(b.doubleType, false), (b.floatType, true)] {
        t.staticMethod("random", [.labelled("in")]) { ctx, args in
            let lo: Double, hi: Double
            switch args[0] {
            case .native(let n) where n.value is FloatingRange:
                let r = n.value as! FloatingRange
                lo = try r.lower.double(); hi = try r.upper.double()
            case .range(let l, let u), .closedRange(let l, let u): lo = Double(l); hi = Double(u)
            default: throw RuntimeError("random(in:): expected a range like 0.0..<1.0")
            }
            guard lo < hi else { throw RuntimeError("Range requires lowerBound < upperBound") }
            let d = Double.random(in: lo..<hi, using: &ctx.rng)
            return isFloat ? .float(Float(d)) : .double(d)
        }
    }
    for (t, isFloat) in [(b.doubleType, false), (b.floatType, true)] {
        func wrap(_ d: Double) -> Value { isFloat ? .float(Float(d)) : .double(d) }
        t.staticMethod("maximum", [.unlabelled, .unlabelled]) { _, args in wrap(Double.maximum(try args[0].double(), try args[1].double())) }
        t.staticMethod("minimum", [.unlabelled, .unlabelled]) { _, args in wrap(Double.minimum(try args[0].double(), try args[1].double())) }
    }
    b.boolType.staticMethod("random", []) { ctx, _ in .bool(Bool.random(using: &ctx.rng)) }

    // `(partialValue, overflow)`: the wrapped result and whether it overflowed, as Swift gives them.
    let overflowing: [(String, ParamSpec, (Int, Int) -> (Int, Bool))] = [
        ("addingReportingOverflow", .unlabelled, { $0.addingReportingOverflow($1) }),
        ("subtractingReportingOverflow", .unlabelled, { $0.subtractingReportingOverflow($1) }),
        ("multipliedReportingOverflow", .labelled("by"), { $0.multipliedReportingOverflow(by: $1) }),
        ("dividedReportingOverflow", .labelled("by"), { $0.dividedReportingOverflow(by: $1) }),
        ("remainderReportingOverflow", .labelled("dividingBy"), { $0.remainderReportingOverflow(dividingBy: $1) })]
    for (name, param, fn) in overflowing {
        b.intType.method(name, [param]) { _, args in
            let (value, overflow) = fn(try args[0].int(), try args[1].int())
            return .tuple(TupleValue([.int(value), .bool(overflow)], labels: ["partialValue", "overflow"]))
        }
    }
    b.intType.method("isMultiple", [.labelled("of")]) { _, args in .bool(try args[0].int().isMultiple(of: try args[1].int())) }
    b.intType.property("magnitude") { _, v in .int(Int(try v.int().magnitude)) }
    b.intType.method("signum", []) { _, args in .int(try args[0].int().signum()) }
    b.intType.method("quotientAndRemainder", [.labelled("dividingBy")]) { _, args in
        let d = try args[1].int()
        if d == 0 { throw RuntimeError("Division by zero") }
        let (q, r) = try args[0].int().quotientAndRemainder(dividingBy: d)
        return .tuple(TupleValue([.int(q), .int(r)], labels: ["quotient", "remainder"]))
    }
    for t in [b.intType, b.doubleType, b.floatType, b.boolType] {
        t.property("description") { ctx, v in .string(try ctx.describe(v)) }
    }
    for (t, isFloat) in [(b.doubleType, false), (b.floatType, true)] {
        func wrap(_ d: Double) -> Value { isFloat ? .float(Float(d)) : .double(d) }
        t.method("squareRoot", []) { _, args in wrap(try args[0].double().squareRoot()) }
        t.method("rounded", []) { _, args in wrap(try args[0].double().rounded()) }
        t.method("rounded", [.unlabelled]) { _, args in
            guard case .implicitMember(let m) = args[1] else { throw RuntimeError("rounded(_:): expected a rounding rule") }
            let rules: [String: FloatingPointRoundingRule] = ["up": .up, "down": .down, "towardZero": .towardZero, "toNearestOrEven": .toNearestOrEven,
                                                              "toNearestOrAwayFromZero": .toNearestOrAwayFromZero, "awayFromZero": .awayFromZero]
            guard let rule = rules[m.name] else { throw RuntimeError("unknown rounding rule '.\(m.name)'") }
            return wrap(try args[0].double().rounded(rule))
        }
        t.method("truncatingRemainder", [.labelled("dividingBy")]) { _, args in wrap(try args[0].double().truncatingRemainder(dividingBy: try args[1].double())) }
        t.property("isNaN") { _, v in .bool(try v.double().isNaN) }
        t.property("isInfinite") { _, v in .bool(try v.double().isInfinite) }
        t.property("isFinite") { _, v in .bool(try v.double().isFinite) }
        t.property("magnitude") { _, v in wrap(try v.double().magnitude) }
    }
    b.boolType.mutatingMethod("toggle", []) { _, v, _ in
        v = .bool(!(try v.bool()))
        return .void
    }
}
