/// Swift's `description` (what `print` shows) and `debugDescription` (how an element shows
/// inside a collection, an optional or a tuple).
/// Cells belong to no module: Swift's `nbcells.Point(x: 1)` is `Point(x: 1)` here.
let moduleName = ""
let modulePrefix = moduleName.isEmpty ? "" : moduleName + "."

extension Context {
    func describe(_ v: Value, debug: Bool = false) throws -> String {
        switch v {
        case .void: return "()"
        case .int(let i): return String(i)
        case .double(let d): return d.description
        case .float(let f): return f.description
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return debug ? s.debugDescription : s
        case .character(let c): return debug ? String(c).debugDescription : String(c)
        case .range(let l, let u):
            if l == Int.min { return "PartialRangeUpTo<Int>(upperBound: \(u))" }
            if u == Int.max { return "PartialRangeFrom<Int>(lowerBound: \(l))" }
            return "\(l)..<\(u)"
        case .closedRange(let l, let u):
            if l == Int.min { return "PartialRangeThrough<Int>(upperBound: \(u))" }
            return "\(l)...\(u)"
        case .array(let a):
            let text = "[" + (try a.elements.map { try describe($0, debug: true) }).joined(separator: ", ") + "]"
            return debug && a.isSlice ? "ArraySlice(\(text))" : text
        case .set(let s):
            return "[" + (try s.elements.map { try describe($0, debug: true) }).joined(separator: ", ") + "]"
        case .dictionary(let d):
            if d.count == 0 { return "[:]" }
            var parts: [String] = []
            for (k, x) in zip(d.keys, d.values) { parts.append("\(try describe(k, debug: true)): \(try describe(x, debug: true))") }
            return "[" + parts.joined(separator: ", ") + "]"
        case .tuple(let t):
            var parts: [String] = []
            for (i, e) in t.elements.enumerated() {
                let label = i < t.labels.count ? t.labels[i].map { "\($0): " } ?? "" : ""
                parts.append(label + (try describe(e, debug: true)))
            }
            return "(" + parts.joined(separator: ", ") + ")"
        case .none: return "nil"
        case .some(let w): return "Optional(\(try describe(w, debug: true)))"
        case .function: return "(Function)"
        case .type(let t): return t.name
        case .implicitMember(let m): return "." + m.name
        case .native(let n):
            if debug, let text = n.type.debugDescribe?(n.value) { return text }
            return n.type.describe?(n.value) ?? n.type.name
        case .structValue(let s):
            if let text = try customDescription(s.type, v, debug: debug) { return text }
            let name = s.type.displayName(of: s.fields)
            let prefix = debug ? "\(modulePrefix)\(s.type.qualifier)\(name)" : name
            var parts: [String] = []
            for (f, x) in zip(s.type.fields, s.fields) { parts.append("\(f.name): \(try describe(x, debug: true))") }
            return prefix + "(" + parts.joined(separator: ", ") + ")"
        case .object(let o):
            if let text = try customDescription(o.type, v, debug: debug) { return text }
            return "\(modulePrefix)\(o.type.qualifier)\(o.type.displayName(of: o.fields))"
        case .enumValue(let e):
            if let text = try customDescription(e.type, v, debug: debug) { return text }
            let prefix = debug ? "\(modulePrefix)\(e.type.qualifier)\(e.displayTypeName)." : ""
            if e.payload.isEmpty { return prefix + e.caseName }
            let labels = e.type.cases[e.caseIndex].labels
            var parts: [String] = []
            for (i, x) in e.payload.enumerated() {
                let label = i < labels.count ? labels[i].map { "\($0): " } ?? "" : ""
                parts.append(label + (try describe(x, debug: true)))
            }
            let inner = parts.joined(separator: ", ")
            return prefix + e.caseName + (e.payload.count == 1 && labels.first == nil ? "(\(inner))" : "(\(inner))")
        }
    }

    /// `description` of a type conforming to CustomStringConvertible (or `debugDescription`).
    private func customDescription(_ t: NominalType, _ v: Value, debug: Bool) throws -> String? {
        if debug, t.conforms(to: "CustomDebugStringConvertible"), let g = t.getter("debugDescription") {
            return try describe(try callGetter(g, on: v))
        }
        if t.conforms(to: "CustomStringConvertible") || t.conforms(to: "Error") && t.getter("description") != nil,
           let g = t.getter("description") {
            return try describe(try callGetter(g, on: v))
        }
        return nil
    }

    func callGetter(_ g: Function, on selfValue: Value) throws -> Value {
        let p = g.proto
        if let native = p.native { return try native(self, [selfValue]) }
        let frame = g.makeFrame()
        frame.slots[0] = selfValue
        return try invokeUser(p, frame: frame, at: nil)
    }
}
