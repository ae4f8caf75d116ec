import Reports

/// Where each parameter's value comes from at a call.
enum ArgSource {
    case arg(Int)
    case defaultValue
    case variadic([Int])
}

/// Matches call labels to parameters as Swift does (defaults may be skipped, a trailing closure
/// fills the next parameter whatever its label). Nil when the call does not fit.
func matchArguments(_ labels: [String?], _ trailing: [Bool], _ params: [Param]) -> [ArgSource]? {
    var out: [ArgSource] = []
    out.reserveCapacity(params.count)
    var i = 0
    for (pi, p) in params.enumerated() {
        if p.isVariadic {
            var idx: [Int] = []
            if i < labels.count, labels[i] == p.label || trailing[i] {
                idx.append(i)
                i += 1
                while i < labels.count, labels[i] == nil, !trailing[i] { idx.append(i); i += 1 }
            }
            out.append(.variadic(idx))
            continue
        }
        if i < labels.count, labels[i] == p.label || (trailing[i] && labels[i] == nil) {
            // A trailing closure skips defaulted parameters before the one it is meant for.
            if trailing[i], p.defaultValue != nil, params[(pi + 1)...].contains(where: { $0.defaultValue == nil }) {
                out.append(.defaultValue)
                continue
            }
            out.append(.arg(i))
            i += 1
        } else if p.defaultValue != nil {
            out.append(.defaultValue)
        } else {
            return nil
        }
    }
    return i == labels.count ? out : nil
}

/// The arguments of one call, evaluated, with their labels.
struct CallArguments {
    var values: [Value]
    let labels: [String?]
    let trailing: [Bool]
}

extension Context {
    /// Calls `fn` with labelled arguments: matches labels, fills defaults, packs variadics.
    /// `selfValue` is passed for methods and receives the changed `self` of a mutating one.
    func invoke(_ fn: Function, _ args: CallArguments, selfValue: inout Value, at r: SourceRange?) throws -> Value {
        let p = fn.proto
        guard let plan = matchArguments(args.labels, args.trailing, p.params) else {
            throw RuntimeError("no '\(p.displayName)' accepts arguments (\(args.labels.map { ($0 ?? "_") + ":" }.joined()))", at: r)
        }
        if let native = p.native {
            var list: [Value] = []
            list.reserveCapacity(plan.count + 1)
            if let s = fn.boundSelf { list.append(s) } else if p.hasSelf || !isVoid(selfValue) { list.append(selfValue) }
            for (param, source) in zip(p.params, plan) {
                switch source {
                case .arg(let i): list.append(args.values[i])
                case .defaultValue: list.append(try param.defaultValue!(globals))
                case .variadic(let idx): list.append(.array(ArrayStorage(idx.map { args.values[$0] })))
                }
            }
            return try located(r ?? SourceRange(at: SourceLocation(file: "", line: 0, column: 0))) { try native(self, list) }
        }
        var frame = fn.makeFrame()
        if p.hasSelf { frame.slots[0] = fn.boundSelf ?? selfValue }
        let first = p.firstParamSlot
        // A method of `Stack<Double>`: parameters of type `Element` take Double (`push(1)` holds 1.0).
        let bindings = p.hasSelf && p.usesGenericParameters ? genericBindings(ofSelf: frame.slots[0]) : [:]
        for (k, (param, source)) in zip(p.params, plan).enumerated() {
            var v: Value
            switch source {
            case .arg(let i):
                v = args.values[i]
                // Only a direct call of a function (Calls.swift) passes an argument unevaluated.
                if param.isAutoclosure, !isFunction(v) {
                    throw RuntimeError("an '@autoclosure' parameter is supported in calls of functions, not of methods or closures, in notebook cells: pass a closure ({ ... }) to a '() -> T' parameter", at: r)
                }
            case .defaultValue: v = try param.defaultValue!(frame)
            case .variadic(let idx): v = .array(ArrayStorage(idx.map { args.values[$0] }))
            }
            if let t = param.type { v = try coerce(v, to: bindings.isEmpty ? t : t.substituting(bindings)) }
            frame.slots[first + k] = v
        }
        let result = try withCallFrame(p.displayName, r) { try invokeUser(p, frame: frame, at: r) }
        if p.isMutating || p.name == "init" { selfValue = frame.slots[0] }
        fn.recycle(&frame)
        return result
    }

    /// Adds "called from F at L" to an error leaving a call.
    @inline(__always)
    func withCallFrame<T>(_ name: String, _ r: SourceRange?, _ body: () throws -> T) throws -> T {
        do { return try body() } catch var e as RuntimeError {
            if let r = r { e.leave(name, at: r.start) }
            throw e
        }
    }
}

func isFunction(_ v: Value) -> Bool {
    if case .function = v { return true }
    return false
}

@inline(__always) func isVoid(_ v: Value) -> Bool {
    if case .void = v { return true }
    return false
}
