import Foundation
import Reports

/// Changes the array inside `v` in place (no copy when the array is not shared).
@inline(__always)
func mutateArray<T>(_ v: inout Value, _ body: (inout [Value]) throws -> T) throws -> T {
    guard case .array(var a) = v else { throw RuntimeError("expected an array, got \(typeName(v))") }
    v = .void
    defer { v = .array(a) }
    return try body(&a.elements)
}

/// The elements in exactly one of `a` and `b`: `a`'s first, in their order, then `b`'s.
func symmetricDifference(_ a: OrderedSet, _ b: OrderedSet) -> OrderedSet {
    OrderedSet(a.elements.filter { !b.contains($0) } + b.elements.filter { !a.contains($0) })
}

func registerArrays(_ b: Builtins) {
    let t = b.arrayType
    registerSequenceMethods(t)
    t.initializer([]) { _, _ in .array(ArrayStorage([])) }
    t.initializer([.unlabelled]) { ctx, args in .array(ArrayStorage(try ctx.sequenceElements(args[0]))) }
    t.initializer([.labelled("repeating"), .labelled("count")]) { _, args in
        let n = try args[1].int()
        if n < 0 { throw RuntimeError("Can't construct Array with count < 0") }
        return .array(ArrayStorage(Array(repeating: args[0], count: n)))
    }
    t.mutatingMethod("append", [.unlabelled]) { _, v, args in
        try mutateArray(&v) { $0.append(args[0]) }
        return .void
    }
    t.mutatingMethod("append", [.labelled("contentsOf")]) { _, v, args in
        let items = try args[0].array()
        if case .string(var s) = v {
            v = .void
            for c in items { s += try c.string() }
            v = .string(s)
            return .void
        }
        try mutateArray(&v) { $0.append(contentsOf: items) }
        return .void
    }
    t.mutatingMethod("replaceSubrange", [.unlabelled, .labelled("with")]) { _, v, args in
        let (lower, upper): (Int, Int)
        switch args[0] {
        case .range(let l, let u): (lower, upper) = (l, u)
        case .closedRange(let l, let u): (lower, upper) = (l, u + 1)
        default: throw RuntimeError("replaceSubrange(_:with:): expected a range of indices, got \(typeName(args[0]))")
        }
        let new = try args[1].array()
        try mutateArray(&v) { a in
            guard lower >= 0, lower <= upper, upper <= a.count else { throw RuntimeError("Array replace: subrange extends past the end") }
            a.replaceSubrange(lower..<upper, with: new)
        }
        return .void
    }
    t.mutatingMethod("insert", [.unlabelled, .labelled("at")]) { _, v, args in
        let i = try args[1].int()
        try mutateArray(&v) { a in
            guard i >= 0, i <= a.count else { throw RuntimeError("Array index is out of range") }
            a.insert(args[0], at: i)
        }
        return .void
    }
    t.mutatingMethod("remove", [.labelled("at")]) { _, v, args in
        let i = try args[0].int()
        return try mutateArray(&v) { a in
            guard i >= 0, i < a.count else { throw RuntimeError("Index out of range") }
            return a.remove(at: i)
        }
    }
    t.mutatingMethod("removeLast", []) { _, v, _ in
        try mutateArray(&v) { a in
            guard !a.isEmpty else { throw RuntimeError("Can't remove last element from an empty collection") }
            return a.removeLast()
        }
    }
    t.mutatingMethod("removeFirst", []) { _, v, _ in
        try mutateArray(&v) { a in
            guard !a.isEmpty else { throw RuntimeError("Can't remove first element from an empty collection") }
            return a.removeFirst()
        }
    }
    t.mutatingMethod("removeLast", [.unlabelled]) { _, v, args in
        let n = try args[0].int()
        try mutateArray(&v) { a in
            guard n >= 0, n <= a.count else { throw RuntimeError("Can't remove more items from a collection than it contains") }
            a.removeLast(n)
        }
        return .void
    }
    t.mutatingMethod("removeFirst", [.unlabelled]) { _, v, args in
        let n = try args[0].int()
        try mutateArray(&v) { a in
            guard n >= 0, n <= a.count else { throw RuntimeError("Can't remove more items from a collection than it contains") }
            a.removeFirst(n)
        }
        return .void
    }
    t.mutatingMethod("popLast", []) { _, v, _ in try mutateArray(&v) { $0.popLast().map(Value.some) ?? .none } }
    t.mutatingMethod("removeAll", []) { _, v, _ in
        switch v {
        case .dictionary: v = .dictionary(OrderedDictionary())
        case .set: v = .set(OrderedSet())
        case .string: v = .string("")
        default: try mutateArray(&v) { $0.removeAll() }
        }
        return .void
    }
    t.mutatingMethod("removeAll", [.labelled("where")]) { ctx, v, args in
        let f = try args[0].function()
        try mutateArray(&v) { a in try a.removeAll { try predicate(ctx, f, [$0]) } }
        return .void
    }
    t.mutatingMethod("sort", []) { ctx, v, _ in
        let sorted = try sortValues(ctx, try v.array(), by: nil)
        v = .array(ArrayStorage(sorted))
        return .void
    }
    t.mutatingMethod("sort", [.labelled("by")]) { ctx, v, args in
        let sorted = try sortValues(ctx, try v.array(), by: try args[0].function())
        v = .array(ArrayStorage(sorted))
        return .void
    }
    t.mutatingMethod("reverse", []) { _, v, _ in
        try mutateArray(&v) { $0.reverse() }
        return .void
    }
    t.mutatingMethod("shuffle", []) { ctx, v, _ in
        try mutateArray(&v) { $0.shuffle(using: &ctx.rng) }
        return .void
    }
    t.mutatingMethod("swapAt", [.unlabelled, .unlabelled]) { _, v, args in
        let i = try args[0].int(), j = try args[1].int()
        try mutateArray(&v) { a in
            guard i >= 0, j >= 0, i < a.count, j < a.count else { throw RuntimeError("Index out of range") }
            a.swapAt(i, j)
        }
        return .void
    }
    t.property("lazy") { _, v in v }
    t.property("capacity") { _, v in .int(try v.array().count) }
    t.property("description") { ctx, v in .string(try ctx.describe(v)) }
    t.property("lowerBound") { _, v in
        if case .range(let l, _) = v { return .int(l) }
        if case .closedRange(let l, _) = v { return .int(l) }
        throw RuntimeError("no member 'lowerBound'")
    }
    t.property("upperBound") { _, v in
        if case .range(_, let u) = v { return .int(u) }
        if case .closedRange(_, let u) = v { return .int(u) }
        throw RuntimeError("no member 'upperBound'")
    }
    // Ranges, sets and tuples answer the same sequence methods.
    for other in [b.rangeType, b.setType] {
        other.methods = t.methods
        other.properties = t.properties
    }
    b.types["Array"] = .array(.any)
}

func registerDictionaries(_ b: Builtins) {
    let t = b.dictionaryType
    registerSequenceMethods(t)
    t.initializer([]) { _, _ in .dictionary(OrderedDictionary()) }
    t.initializer([.labelled("uniqueKeysWithValues")]) { _, args in
        var d = OrderedDictionary()
        for pair in try args[0].array() {
            guard case .tuple(let p) = pair, p.elements.count == 2 else { throw RuntimeError("expected (key, value) pairs") }
            if d.position(of: p.elements[0]) != nil { throw RuntimeError("Fatal error: Duplicate values for key: '\(p.elements[0])'") }
            d.set(p.elements[0], p.elements[1])
        }
        return .dictionary(d)
    }
    t.initializer([.unlabelled, .labelled("uniquingKeysWith")]) { ctx, args in
        var d = OrderedDictionary()
        let combine = try args[1].function()
        for pair in try args[0].array() {
            guard case .tuple(let p) = pair, p.elements.count == 2 else { throw RuntimeError("expected (key, value) pairs") }
            if let old = d[p.elements[0]] {
                d.set(p.elements[0], try ctx.call(combine, [old, p.elements[1]]))
            } else {
                d.set(p.elements[0], p.elements[1])
            }
        }
        return .dictionary(d)
    }
    t.initializer([.labelled("grouping"), .labelled("by")]) { ctx, args in
        let f = try args[1].function()
        var d = OrderedDictionary()
        for e in try args[0].array() {
            let k = try ctx.call(f, [e])
            _ = try d.modify(k, default: .array(ArrayStorage([]))) { v in try mutateArray(&v) { $0.append(e) } }
        }
        return .dictionary(d)
    }
    t.property("keys") { _, v in
        guard case .dictionary(let d) = v else { throw RuntimeError("expected a dictionary") }
        return .array(ArrayStorage(d.keys))
    }
    t.property("values") { _, v in
        guard case .dictionary(let d) = v else { throw RuntimeError("expected a dictionary") }
        return .array(ArrayStorage(d.values))
    }
    t.method("mapValues", [.unlabelled]) { ctx, args in
        guard case .dictionary(let d) = args[0] else { throw RuntimeError("expected a dictionary") }
        let f = try args[1].function()
        var out = OrderedDictionary()
        for (k, v) in zip(d.keys, d.values) { out.set(k, try ctx.call(f, [v])) }
        return .dictionary(out)
    }
    t.method("compactMapValues", [.unlabelled]) { ctx, args in
        guard case .dictionary(let d) = args[0] else { throw RuntimeError("expected a dictionary") }
        let f = try args[1].function()
        var out = OrderedDictionary()
        for (k, v) in zip(d.keys, d.values) {
            switch try ctx.call(f, [v]) {
            case .none: continue
            case .some(let x): out.set(k, x)
            case let x: out.set(k, x)
            }
        }
        return .dictionary(out)
    }
    t.mutatingMethod("removeValue", [.labelled("forKey")]) { _, v, args in
        guard case .dictionary(var d) = v else { throw RuntimeError("expected a dictionary") }
        v = .void
        defer { v = .dictionary(d) }
        return d.remove(args[0]).map(Value.some) ?? .none
    }
    t.mutatingMethod("updateValue", [.unlabelled, .labelled("forKey")]) { _, v, args in
        guard case .dictionary(var d) = v else { throw RuntimeError("expected a dictionary") }
        v = .void
        defer { v = .dictionary(d) }
        let old = d[args[1]]
        d.set(args[1], args[0])
        return old.map(Value.some) ?? .none
    }
    t.mutatingMethod("merge", [.unlabelled, .labelled("uniquingKeysWith")]) { ctx, v, args in
        guard case .dictionary(var d) = v, case .dictionary(let other) = args[0] else { throw RuntimeError("expected dictionaries") }
        let f = try args[1].function()
        v = .void
        defer { v = .dictionary(d) }
        for (k, x) in zip(other.keys, other.values) {
            if let old = d[k] { d.set(k, try ctx.call(f, [old, x])) } else { d.set(k, x) }
        }
        return .void
    }
    t.method("merging", [.unlabelled, .labelled("uniquingKeysWith")]) { ctx, args in
        guard case .dictionary(var d) = args[0], case .dictionary(let other) = args[1] else { throw RuntimeError("merging: expected dictionaries") }
        let f = try args[2].function()
        for (k, x) in zip(other.keys, other.values) {
            if let old = d[k] { d.set(k, try ctx.call(f, [old, x])) } else { d.set(k, x) }
        }
        return .dictionary(d)
    }
    t.property("description") { ctx, v in .string(try ctx.describe(v)) }
    t.property("lazy") { _, v in v }
    t.mutatingMethod("popFirst", []) { _, v, _ in
        guard case .dictionary(var d) = v else { throw RuntimeError("expected a dictionary") }
        guard let k = d.keys.first else { return .none }
        v = .void
        defer { v = .dictionary(d) }
        let value = d.remove(k)!
        return .some(.tuple(TupleValue([k, value], labels: ["key", "value"])))
    }
    b.types["Dictionary"] = .dictionary(.any, .any)

    let s = b.setType
    s.initializer([]) { _, _ in .set(OrderedSet()) }
    s.initializer([.unlabelled]) { ctx, args in .set(OrderedSet(try ctx.sequenceElements(args[0]))) }
    func mutateSet<T>(_ v: inout Value, _ body: (inout OrderedSet) throws -> T) throws -> T {
        guard case .set(var set) = v else { throw RuntimeError("expected a set") }
        v = .void
        defer { v = .set(set) }
        return try body(&set)
    }
    s.mutatingMethod("insert", [.unlabelled]) { _, v, args in
        let inserted = try mutateSet(&v) { $0.insert(args[0]) }
        return .tuple(TupleValue([.bool(inserted), args[0]], labels: ["inserted", "memberAfterInsert"]))
    }
    s.mutatingMethod("remove", [.unlabelled]) { _, v, args in
        try mutateSet(&v) { $0.remove(args[0]) } ? .some(args[0]) : .none
    }
    s.mutatingMethod("formUnion", [.unlabelled]) { _, v, args in
        let other = try args[0].array()
        try mutateSet(&v) { set in for x in other { set.insert(x) } }
        return .void
    }
    s.mutatingMethod("removeAll", []) { _, v, _ in v = .set(OrderedSet()); return .void }
    s.mutatingMethod("formIntersection", [.unlabelled]) { _, v, args in
        let other = OrderedSet(try args[0].array())
        try mutateSet(&v) { set in set = OrderedSet(set.elements.filter { other.contains($0) }) }
        return .void
    }
    s.mutatingMethod("subtract", [.unlabelled]) { _, v, args in
        let other = try args[0].array()
        try mutateSet(&v) { set in for x in other { _ = set.remove(x) } }
        return .void
    }
    s.mutatingMethod("formSymmetricDifference", [.unlabelled]) { _, v, args in
        let other = OrderedSet(try args[0].array())
        try mutateSet(&v) { set in set = symmetricDifference(set, other) }
        return .void
    }
    s.method("symmetricDifference", [.unlabelled]) { _, args in
        .set(symmetricDifference(OrderedSet(try args[0].array()), OrderedSet(try args[1].array())))
    }
    s.method("isStrictSubset", [.labelled("of")]) { _, args in
        let me = OrderedSet(try args[0].array()), other = OrderedSet(try args[1].array())
        return .bool(me.elements.count < other.elements.count && me.elements.allSatisfy { other.contains($0) })
    }
    s.method("isStrictSuperset", [.labelled("of")]) { _, args in
        let me = OrderedSet(try args[0].array()), other = OrderedSet(try args[1].array())
        return .bool(other.elements.count < me.elements.count && other.elements.allSatisfy { me.contains($0) })
    }
    s.method("union", [.unlabelled]) { _, args in .set(OrderedSet(try args[0].array() + args[1].array())) }
    s.method("intersection", [.unlabelled]) { _, args in
        let other = OrderedSet(try args[1].array())
        return .set(OrderedSet(try args[0].array().filter { other.contains($0) }))
    }
    s.method("subtracting", [.unlabelled]) { _, args in
        let other = OrderedSet(try args[1].array())
        return .set(OrderedSet(try args[0].array().filter { !other.contains($0) }))
    }
    s.method("isSubset", [.labelled("of")]) { _, args in
        let other = OrderedSet(try args[1].array())
        return .bool(try args[0].array().allSatisfy { other.contains($0) })
    }
    s.method("isSuperset", [.labelled("of")]) { _, args in
        guard case .set(let me) = args[0] else { return .bool(false) }
        return .bool(try args[1].array().allSatisfy { me.contains($0) })
    }
    s.method("isDisjoint", [.labelled("with")]) { _, args in
        guard case .set(let me) = args[0] else { return .bool(false) }
        return .bool(!(try args[1].array().contains { me.contains($0) }))
    }
    b.types["Set"] = .set(.any)
}

func registerMisc(_ b: Builtins) {
    b.optionalType.method("map", [.unlabelled]) { ctx, args in
        guard case .some(let v) = args[0] else { return .none }
        return .some(try ctx.call(try args[1].function(), [v]))
    }
    b.optionalType.method("flatMap", [.unlabelled]) { ctx, args in
        guard case .some(let v) = args[0] else { return .none }
        // The closure's result is an optional; a plain value (`"pos"` of `x > 0 ? "pos" : nil`) is wrapped.
        let r = try ctx.call(try args[1].function(), [v])
        switch r {
        case .some, .none: return r
        default: return .some(r)
        }
    }
    b.optionalType.property("description") { ctx, v in .string(try ctx.describe(v)) }
    b.optionalType.property("debugDescription") { ctx, v in .string(try ctx.describe(v, debug: true)) }
    b.tupleType.property("description") { ctx, v in .string(try ctx.describe(v)) }
}
