import Foundation
import Reports

/// What kind of collection a sequence method rebuilds (`filter` on a Set gives a Set).
extension Value {
    func rebuilt(from elements: [Value]) -> Value {
        switch self {
        case .set: return .set(OrderedSet(elements))
        case .string:
            var s = ""
            for e in elements { if case .character(let c) = e { s.append(c) } else if case .string(let t) = e { s += t } }
            return .string(s)
        case .dictionary:
            var d = OrderedDictionary()
            for e in elements { if case .tuple(let t) = e, t.elements.count == 2 { d.set(t.elements[0], t.elements[1]) } }
            return .dictionary(d)
        default: return .array(ArrayStorage(elements))
        }
    }
}

/// Calls a closure and reads a Bool from it.
func predicate(_ ctx: Context, _ f: Function, _ args: [Value]) throws -> Bool {
    try ctx.truth(ctx.call(f, args))
}

/// Sorts with a cell's comparison closure (errors inside it stop the sort and propagate).
func sortValues(_ ctx: Context, _ values: [Value], by f: Function?) throws -> [Value] {
    var failure: Error? = nil
    let sorted = values.sorted { a, b in
        if failure != nil { return false }
        do {
            if let f = f { return try predicate(ctx, f, [a, b]) }
            return try ctx.less(a, b)
        } catch {
            failure = error
            return false
        }
    }
    if let e = failure { throw e }
    return sorted
}

/// Methods every sequence has (Array, Set, Dictionary, Range, String): one definition each.
func registerSequenceMethods(_ t: NativeType) {
    t.property("count") { _, v in
        switch v {
        case .array(let a): return .int(a.elements.count)
        case .string(let s): return .int(s.count)
        case .dictionary(let d): return .int(d.count)
        case .set(let s): return .int(s.count)
        case .range(let l, let u): return .int(u - l)
        case .closedRange(let l, let u): return .int(u - l + 1)
        default: return .int(try v.array().count)
        }
    }
    t.property("isEmpty") { _, v in
        switch v {
        case .array(let a): return .bool(a.elements.isEmpty)
        case .string(let s): return .bool(s.isEmpty)
        default: return .bool(try v.array().isEmpty)
        }
    }
    t.property("first") { _, v in (try v.array()).first.map(Value.some) ?? .none }
    t.property("last") { _, v in (try v.array()).last.map(Value.some) ?? .none }
    t.method("map", [.unlabelled]) { ctx, args in
        let f = try args[1].function()
        var out: [Value] = []
        for e in try args[0].array() { out.append(try ctx.call(f, [e])) }
        return .array(ArrayStorage(out))
    }
    t.method("compactMap", [.unlabelled]) { ctx, args in
        let f = try args[1].function()
        var out: [Value] = []
        for e in try args[0].array() {
            switch try ctx.call(f, [e]) {
            case .none: continue
            case .some(let v): out.append(v)
            case let v: out.append(v)
            }
        }
        return .array(ArrayStorage(out))
    }
    t.method("flatMap", [.unlabelled]) { ctx, args in
        let f = try args[1].function()
        var out: [Value] = []
        for e in try args[0].array() { out.append(contentsOf: try ctx.call(f, [e]).array()) }
        return .array(ArrayStorage(out))
    }
    t.method("filter", [.unlabelled]) { ctx, args in
        let f = try args[1].function()
        let kept = try args[0].array().filter { try predicate(ctx, f, [$0]) }
        if case .range = args[0] { return .array(ArrayStorage(kept)) }
        return args[0].rebuilt(from: kept)
    }
    t.method("forEach", [.unlabelled]) { ctx, args in
        let f = try args[1].function()
        for e in try args[0].array() { _ = try ctx.call(f, [e]) }
        return .void
    }
    t.method("reduce", [.unlabelled, .unlabelled]) { ctx, args in
        let f = try args[2].function()
        var acc = args[1]
        for e in try args[0].array() { acc = try ctx.call(f, [acc, e]) }
        return acc
    }
    t.method("reduce", [.labelled("into"), .unlabelled]) { ctx, args in
        // The closure's first parameter is inout: run it with the accumulator in its frame.
        let f = try args[2].function()
        var acc = args[1]
        for e in try args[0].array() { acc = try ctx.callUpdating(f, acc, e) }
        return acc
    }
    t.method("contains", [.unlabelled]) { ctx, args in
        if case .function(let f) = args[1] { return .bool(try args[0].array().contains { try predicate(ctx, f, [$0]) }) }
        switch (args[0], args[1]) {
        case (.string(let s), .string(let sub)): return .bool(sub.isEmpty || s.contains(sub))
        case (.string(let s), .character(let c)): return .bool(s.contains(c))
        case (.string(let s), .native(let n)):
            guard let re = n.value as? RegexValue else { return .bool(false) }
            return .bool(re.regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil)
        case (.set(let s), _): return .bool(s.contains(args[1]))
        case (.range(let l, let u), .int(let i)): return .bool(i >= l && i < u)
        case (.closedRange(let l, let u), .int(let i)): return .bool(i >= l && i <= u)
        default: return .bool(try args[0].array().contains { try ctx.equals($0, args[1]) })
        }
    }
    t.method("contains", [.labelled("where")]) { ctx, args in
        let f = try args[1].function()
        return .bool(try args[0].array().contains { try predicate(ctx, f, [$0]) })
    }
    t.method("allSatisfy", [.unlabelled]) { ctx, args in
        let f = try args[1].function()
        return .bool(try args[0].array().allSatisfy { try predicate(ctx, f, [$0]) })
    }
    t.method("first", [.labelled("where")]) { ctx, args in
        let f = try args[1].function()
        return try args[0].array().first { try predicate(ctx, f, [$0]) }.map(Value.some) ?? .none
    }
    t.method("last", [.labelled("where")]) { ctx, args in
        let f = try args[1].function()
        return try args[0].array().last { try predicate(ctx, f, [$0]) }.map(Value.some) ?? .none
    }
    t.method("count", [.labelled("where")]) { ctx, args in
        let f = try args[1].function()
        return .int(try args[0].array().filter { try predicate(ctx, f, [$0]) }.count)
    }
    t.method("firstIndex", [.labelled("of")]) { ctx, args in
        if case .function(let f) = args[1] { return try args[0].array().firstIndex { try predicate(ctx, f, [$0]) }.map { .some(.int($0)) } ?? .none }
        return try args[0].array().firstIndex { try ctx.equals($0, args[1]) }.map { .some(.int($0)) } ?? .none
    }
    t.method("firstIndex", [.labelled("where")]) { ctx, args in
        let f = try args[1].function()
        return try args[0].array().firstIndex { try predicate(ctx, f, [$0]) }.map { .some(.int($0)) } ?? .none
    }
    t.method("lastIndex", [.labelled("of")]) { ctx, args in
        try args[0].array().lastIndex { try ctx.equals($0, args[1]) }.map { .some(.int($0)) } ?? .none
    }
    t.method("lastIndex", [.labelled("where")]) { ctx, args in
        let f = try args[1].function()
        return try args[0].array().lastIndex { try predicate(ctx, f, [$0]) }.map { .some(.int($0)) } ?? .none
    }
    t.method("sorted", []) { ctx, args in .array(ArrayStorage(try sortValues(ctx, try args[0].array(), by: nil))) }
    t.method("sorted", [.labelled("by")]) { ctx, args in .array(ArrayStorage(try sortValues(ctx, try args[0].array(), by: try args[1].function()))) }
    t.method("reversed", []) { _, args in .array(ArrayStorage(try args[0].array().reversed())) }
    t.method("enumerated", []) { _, args in
        .array(ArrayStorage(try args[0].array().enumerated().map { .tuple(TupleValue([.int($0.offset), $0.element], labels: ["offset", "element"])) }))
    }
    for name in ["min", "max"] {
        let isMin = name == "min"
        t.method(name, []) { ctx, args in
            let items = try args[0].array()
            guard var best = items.first else { return .none }
            for v in items.dropFirst() where isMin ? try ctx.less(v, best) : try ctx.less(best, v) { best = v }
            return .some(best)
        }
        t.method(name, [.labelled("by")]) { ctx, args in
            let f = try args[1].function()
            let items = try args[0].array()
            guard var best = items.first else { return .none }
            for v in items.dropFirst() where isMin ? try predicate(ctx, f, [v, best]) : try predicate(ctx, f, [best, v]) { best = v }
            return .some(best)
        }
    }
    t.method("prefix", [.unlabelled]) { _, args in
        let n = try args[1].int()
        if n < 0 { throw RuntimeError("Can't take a prefix of negative length from a collection") }
        return args[0].rebuiltSlice(Array(try args[0].array().prefix(n)))
    }
    t.method("prefix", [.labelled("while")]) { ctx, args in
        let f = try args[1].function()
        return args[0].rebuiltSlice(Array(try args[0].array().prefix { try predicate(ctx, f, [$0]) }))
    }
    t.method("drop", [.labelled("while")]) { ctx, args in
        let f = try args[1].function()
        let items = try args[0].array()
        var start = 0
        while start < items.count, try predicate(ctx, f, [items[start]]) { start += 1 }
        return args[0].rebuiltSlice(Array(items[start...]))
    }
    t.method("suffix", [.unlabelled]) { _, args in
        let n = try args[1].int()
        if n < 0 { throw RuntimeError("Can't take a suffix of negative length from a collection") }
        return args[0].rebuiltSlice(Array(try args[0].array().suffix(n)))
    }
    t.method("dropFirst", [.unlabelledDefault(.int(1))]) { _, args in
        let n = try args[1].int()
        if n < 0 { throw RuntimeError("Can't drop a negative number of elements from a collection") }
        return args[0].rebuiltSlice(Array(try args[0].array().dropFirst(n)))
    }
    t.method("dropLast", [.unlabelledDefault(.int(1))]) { _, args in
        let n = try args[1].int()
        if n < 0 { throw RuntimeError("Can't drop a negative number of elements from a collection") }
        return args[0].rebuiltSlice(Array(try args[0].array().dropLast(n)))
    }
    t.method("shuffled", []) { ctx, args in .array(ArrayStorage(try args[0].array().shuffled(using: &ctx.rng))) }
    t.method("randomElement", []) { ctx, args in try args[0].array().randomElement(using: &ctx.rng).map(Value.some) ?? .none }
    t.method("joined", [.labelledDefault("separator", .string(""))]) { ctx, args in
        let items = try args[0].array()
        if case .array? = items.first {
            let sep = (try? args[1].array()) ?? []
            var out: [Value] = []
            for (i, x) in items.enumerated() { if i > 0 { out += sep }; out += try x.array() }
            return .array(ArrayStorage(out))
        }
        return .string(try items.map { try $0.string("joined") }.joined(separator: try args[1].string()))
    }
    t.method("split", [.labelled("separator"), .labelledDefault("maxSplits", .int(Int.max)), .labelledDefault("omittingEmptySubsequences", .bool(true))]) { ctx, args in
        let maxSplits = try args[2].int(), omit = try args[3].bool()
        if case .string(let s) = args[0] {
            let sep = try args[1].string()
            if sep.count == 1 {
                let c = sep.first!
                if let ascii = c.asciiValue, let parts = splitBytes(s, separator: ascii, maxSplits: maxSplits, omittingEmpty: omit) {
                    return .array(ArrayStorage(parts))
                }
                return .array(ArrayStorage(s.split(separator: c, maxSplits: maxSplits, omittingEmptySubsequences: omit).map { .string(String($0)) }))
            }
            return .array(ArrayStorage(s.split(separator: sep, maxSplits: maxSplits, omittingEmptySubsequences: omit).map { .string(String($0)) }))
        }
        let items = try args[0].array()
        return .array(ArrayStorage(try items.split(maxSplits: maxSplits, omittingEmptySubsequences: omit) { try ctx.equals($0, args[1]) }.map {
            .array(ArrayStorage(Array($0), startIndex: $0.startIndex, isSlice: true))
        }))
    }
    t.method("split", [.labelled("whereSeparator")]) { ctx, args in
        let f = try args[1].function()
        if case .string(let s) = args[0] {
            return .array(ArrayStorage(try s.split { try predicate(ctx, f, [.character($0)]) }.map { .string(String($0)) }))
        }
        return .array(ArrayStorage(try args[0].array().split { try predicate(ctx, f, [$0]) }.map {
            .array(ArrayStorage(Array($0), startIndex: $0.startIndex, isSlice: true))
        }))
    }
    t.property("indices") { _, v in
        if case .array(let a) = v { return .range(a.startIndex, a.startIndex + a.elements.count) }
        return .range(0, try v.array().count)
    }
    t.property("startIndex") { _, v in
        if case .array(let a) = v { return .int(a.startIndex) }
        return .int(0)
    }
    t.property("endIndex") { _, v in
        if case .array(let a) = v { return .int(a.startIndex + a.elements.count) }
        return .int(try v.array().count)
    }
    t.method("elementsEqual", [.unlabelled]) { ctx, args in
        let a = try args[0].array(), b = try args[1].array()
        if a.count != b.count { return .bool(false) }
        return .bool(try zip(a, b).allSatisfy { try ctx.equals($0, $1) })
    }
}

extension Value {
    /// `prefix`/`dropFirst` of a String give a String; of other sequences an Array.
    func rebuiltSlice(_ elements: [Value]) -> Value {
        if case .string = self { return rebuilt(from: elements) }
        if case .array = self { return .array(ArrayStorage(elements, isSlice: true)) }
        return .array(ArrayStorage(elements))
    }
}

extension Context {
    /// Runs `f(&acc, element)` (the closure of `reduce(into:)`) and returns the new accumulator.
    func callUpdating(_ f: Function, _ acc: Value, _ element: Value) throws -> Value {
        let p = f.proto
        if p.native != nil { return try call(f, [acc, element]) }
        let frame = f.makeFrame()
        frame.slots[0] = acc
        if p.params.count > 1 { frame.slots[1] = element }
        if p.params.count > 2, case .tuple(let t) = element {
            for (i, e) in t.elements.enumerated() where i + 1 < p.params.count { frame.slots[1 + i] = e }
        }
        _ = try invokeUser(p, frame: frame, at: nil)
        return frame.slots[0]
    }
}
