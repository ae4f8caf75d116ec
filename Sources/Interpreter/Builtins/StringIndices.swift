import Foundation
import Reports

/// `String.Index` and ranges of them: a cell's index is Swift's own `String.Index` (so it
/// prints as Swift prints it, `0[any]`), and a String's members that take or give one
/// (`index(_:offsetBy:)`, `s[i]`, `s[i..<j]`, `insert(_:at:)`, `remove(at:)`, ...) are the
/// standard library's, checked first where Swift would trap, so a bad index is an error of the
/// cell with Swift's message, never a crash of the worker.
/// A Substring is a String of its own here: its indices start at its own `startIndex`.
struct StringIndexRange {
    /// nil for the open end of `..<i` or `i...`.
    let lower: String.Index?
    let upper: String.Index?
    let closed: Bool

    /// The range of `s` it denotes, after Swift's bounds checks.
    func resolved(in s: String) throws -> Range<String.Index> {
        let lo = lower ?? s.startIndex
        var hi = upper ?? s.endIndex
        guard lo >= s.startIndex, hi <= s.endIndex else { throw RuntimeError("String index range is out of bounds") }
        if closed, upper != nil {
            guard hi < s.endIndex else { throw RuntimeError("String index range is out of bounds") }
            hi = s.index(after: hi)
        }
        return lo..<hi
    }

    var description: String {
        switch (lower, upper) {
        case (let l?, let u?): return closed ? String(describing: l...u) : String(describing: l..<u)
        case (let l?, nil): return String(describing: l...)
        case (nil, let u?): return closed ? String(describing: ...u) : String(describing: ..<u)
        case (nil, nil): return "UnboundedRange"
        }
    }

    var typeName: String {
        switch (lower, upper) {
        case (_?, _?): return closed ? "ClosedRange<Index>" : "Range<Index>"
        case (_?, nil): return "PartialRangeFrom<Index>"
        case (nil, _): return closed ? "PartialRangeThrough<Index>" : "PartialRangeUpTo<Index>"
        }
    }
}

let stringIndexType: NativeType = {
    let t = NativeType(name: "String.Index")
    t.describe = { ($0 as? String.Index).map { String(describing: $0) } ?? "Index" }
    t.typeName = { _ in "Index" }
    t.equals = { a, b in (a as? String.Index) == (b as? String.Index) }
    t.binaryOperator = { _, op, a, b in
        guard let x = a.stringIndex, let y = b.stringIndex else { return nil }
        switch op {
        case "==", "!=", "<", ">", "<=", ">=": return comparison(op, x, y)
        case "..<", "...":
            guard x <= y else { throw RuntimeError("Range requires lowerBound <= upperBound") }
            return .stringIndexRange(StringIndexRange(lower: x, upper: y, closed: op == "..."))
        default: return nil
        }
    }
    t.property("utf16Offset") { _, _ in throw RuntimeError("String.Index.utf16Offset(in:) is not supported in notebook cells") }
    return t
}()

let stringIndexRangeType: NativeType = {
    let t = NativeType(name: "Range")
    func this(_ v: Value) throws -> StringIndexRange { try v.native(StringIndexRange.self, "range") }
    t.describe = { ($0 as? StringIndexRange)?.description ?? "range" }
    t.typeName = { ($0 as? StringIndexRange)?.typeName ?? "Range<Index>" }
    t.equals = { a, b in
        guard let x = a as? StringIndexRange, let y = b as? StringIndexRange else { return false }
        return x.lower == y.lower && x.upper == y.upper && x.closed == y.closed
    }
    t.property("lowerBound") { _, v in
        guard let l = try this(v).lower else { throw RuntimeError("value of type '\(try this(v).typeName)' has no member 'lowerBound'") }
        return .stringIndex(l)
    }
    t.property("upperBound") { _, v in
        guard let u = try this(v).upper else { throw RuntimeError("value of type '\(try this(v).typeName)' has no member 'upperBound'") }
        return .stringIndex(u)
    }
    t.property("isEmpty") { _, v in
        let r = try this(v)
        return .bool(!r.closed && r.lower != nil && r.lower == r.upper)
    }
    t.method("contains", [.unlabelled]) { _, a in
        let r = try this(a[0])
        guard let i = a[1].stringIndex else { throw RuntimeError("contains: expected a String.Index, got \(typeName(a[1]))") }
        if let l = r.lower, i < l { return .bool(false) }
        guard let u = r.upper else { return .bool(true) }
        return .bool(r.closed ? i <= u : i < u)
    }
    return t
}()

extension Value {
    static func stringIndex(_ i: String.Index) -> Value { .native(NativeValue(i, type: stringIndexType)) }
    static func stringIndexRange(_ r: StringIndexRange) -> Value { .native(NativeValue(r, type: stringIndexRangeType)) }

    var stringIndex: String.Index? {
        if case .native(let n) = self { return n.value as? String.Index }
        return nil
    }
    var stringIndexRange: StringIndexRange? {
        if case .native(let n) = self { return n.value as? StringIndexRange }
        return nil
    }

    func stringIndex(_ what: String) throws -> String.Index {
        guard let i = stringIndex else { throw RuntimeError("\(what): expected a String.Index, got \(typeName(self))") }
        return i
    }
}

/// `s[i]` and `s[range]` (a Substring is a String here).
func subscriptString(_ s: String, _ index: Value) throws -> Value {
    if let i = index.stringIndex {
        guard i >= s.startIndex, i < s.endIndex else { throw RuntimeError("String index is out of bounds") }
        return .character(s[i])
    }
    if let r = index.stringIndexRange { return .string(String(s[try r.resolved(in: s)])) }
    if case .range(let l, let u) = index, l == Int.min || u == Int.max {
        throw RuntimeError("String cannot be subscripted with an Int range; use prefix(_:) / dropFirst(_:)")
    }
    throw RuntimeError("'subscript(_:)' is unavailable: cannot subscript String with an Int, use a String.Index instead.")
}

/// The String members that take or give a `String.Index` (registered after the sequence
/// methods, whose Int-index versions they replace for strings).
func registerStringIndices(_ t: NativeType) {
    func str(_ v: Value) throws -> String { try v.string("String") }
    /// An index of `s` that may be `endIndex`.
    func bounded(_ s: String, _ v: Value, _ what: String) throws -> String.Index {
        let i = try v.stringIndex(what)
        guard i >= s.startIndex, i <= s.endIndex else { throw RuntimeError("String index is out of bounds") }
        return i
    }
    /// `s.index(i, offsetBy: n)`, or nil when it would pass `limit` (nil: the string's ends, a trap).
    func offset(_ s: String, _ i: String.Index, _ n: Int, limit: String.Index?) throws -> String.Index? {
        var i = i
        if n >= 0 {
            for _ in 0..<n {
                if i == limit { return nil }
                guard i < s.endIndex else { throw RuntimeError("String index is out of bounds") }
                i = s.index(after: i)
            }
        } else {
            for _ in 0..<(-n) {
                if i == limit { return nil }
                guard i > s.startIndex else { throw RuntimeError("String index is out of bounds") }
                i = s.index(before: i)
            }
        }
        return i
    }
    t.property("startIndex") { _, v in .stringIndex(try str(v).startIndex) }
    t.property("endIndex") { _, v in .stringIndex(try str(v).endIndex) }
    t.property("indices") { _, v in
        let s = try str(v)
        return .array(ArrayStorage(s.indices.map(Value.stringIndex)))
    }
    t.method("index", [.labelled("after")]) { _, a in
        let s = try str(a[0]), i = try bounded(s, a[1], "index(after:)")
        guard i < s.endIndex else { throw RuntimeError("String index is out of bounds") }
        return .stringIndex(s.index(after: i))
    }
    t.method("index", [.labelled("before")]) { _, a in
        let s = try str(a[0]), i = try bounded(s, a[1], "index(before:)")
        guard i > s.startIndex else { throw RuntimeError("String index is out of bounds") }
        return .stringIndex(s.index(before: i))
    }
    t.method("index", [.unlabelled, .labelled("offsetBy")]) { _, a in
        let s = try str(a[0])
        return .stringIndex(try offset(s, try bounded(s, a[1], "index(_:offsetBy:)"), try a[2].int(), limit: nil)!)
    }
    t.method("index", [.unlabelled, .labelled("offsetBy"), .labelled("limitedBy")]) { _, a in
        let s = try str(a[0])
        let i = try offset(s, try bounded(s, a[1], "index(_:offsetBy:limitedBy:)"), try a[2].int(), limit: try bounded(s, a[3], "limitedBy"))
        return i.map { .some(.stringIndex($0)) } ?? .none
    }
    t.method("distance", [.labelled("from"), .labelled("to")]) { _, a in
        let s = try str(a[0])
        return .int(s.distance(from: try bounded(s, a[1], "distance(from:to:)"), to: try bounded(s, a[2], "distance(from:to:)")))
    }
    // Indices of characters, replacing the sequence methods' Int offsets for strings.
    for name in ["firstIndex", "lastIndex"] { t.methods[name] = nil }
    func found(_ i: String.Index?) -> Value { i.map { .some(.stringIndex($0)) } ?? .none }
    func character(_ v: Value) throws -> Character {
        if case .character(let c) = v { return c }
        if case .string(let s) = v, s.count == 1 { return s.first! }
        throw RuntimeError("expected a Character, got \(typeName(v))")
    }
    func test(_ ctx: Context, _ f: Function) -> (Character) throws -> Bool {
        { try predicate(ctx, f, [.character($0)]) }
    }
    t.method("firstIndex", [.labelled("where")]) { ctx, a in found(try str(a[0]).firstIndex(where: test(ctx, try a[1].function()))) }
    t.method("firstIndex", [.labelled("of")]) { _, a in found(try str(a[0]).firstIndex(of: try character(a[1]))) }
    t.method("lastIndex", [.labelled("where")]) { ctx, a in found(try str(a[0]).lastIndex(where: test(ctx, try a[1].function()))) }
    t.method("lastIndex", [.labelled("of")]) { _, a in found(try str(a[0]).lastIndex(of: try character(a[1]))) }
    func indexRange(_ r: Range<String.Index>) -> Value {
        .stringIndexRange(StringIndexRange(lower: r.lowerBound, upper: r.upperBound, closed: false))
    }
    t.method("ranges", [.labelled("of")]) { _, a in
        .array(ArrayStorage(try str(a[0]).ranges(of: try str(a[1])).map(indexRange)))
    }
    t.method("firstRange", [.labelled("of")]) { _, a in
        (try str(a[0]).firstRange(of: try str(a[1]))).map { .some(indexRange($0)) } ?? .none
    }
    t.method("range", [.labelled("of")]) { _, a in
        (try str(a[0]).range(of: try str(a[1]))).map { .some(indexRange($0)) } ?? .none
    }

    /// Runs `body` on the string inside `v` in place.
    func mutate<T>(_ v: inout Value, _ body: (inout String) throws -> T) throws -> T {
        guard case .string(var s) = v else { throw RuntimeError("expected a String, got \(typeName(v))") }
        v = .void
        defer { v = .string(s) }
        return try body(&s)
    }
    t.mutatingMethods["insert"] = nil
    t.mutatingMethod("insert", [.unlabelled, .labelled("at")]) { _, v, args in
        let c = try character(args[0])
        try mutate(&v) { s in s.insert(c, at: try bounded(s, args[1], "insert(_:at:)")) }
        return .void
    }
    t.mutatingMethod("insert", [.labelled("contentsOf"), .labelled("at")]) { _, v, args in
        let new = try args[0].string()
        try mutate(&v) { s in s.insert(contentsOf: new, at: try bounded(s, args[1], "insert(contentsOf:at:)")) }
        return .void
    }
    t.mutatingMethod("remove", [.labelled("at")]) { _, v, args in
        try mutate(&v) { s in
            let i = try bounded(s, args[0], "remove(at:)")
            guard i < s.endIndex else { throw RuntimeError("String index is out of bounds") }
            return .character(s.remove(at: i))
        }
    }
    func range(_ s: String, _ v: Value, _ what: String) throws -> Range<String.Index> {
        guard let r = v.stringIndexRange else { throw RuntimeError("\(what): expected a range of String.Index, got \(typeName(v))") }
        return try r.resolved(in: s)
    }
    t.mutatingMethod("removeSubrange", [.unlabelled]) { _, v, args in
        try mutate(&v) { s in s.removeSubrange(try range(s, args[0], "removeSubrange(_:)")) }
        return .void
    }
    t.mutatingMethod("replaceSubrange", [.unlabelled, .labelled("with")]) { _, v, args in
        let new = try args[1].string()
        try mutate(&v) { s in s.replaceSubrange(try range(s, args[0], "replaceSubrange(_:with:)"), with: new) }
        return .void
    }
}
