import Reports

extension Context {
    /// Calls a function value with arguments in parameter order (missing trailing arguments take
    /// their defaults). Used by natives (`map`'s closure) and by calls through values.
    func call(_ f: Function, _ args: [Value], at range: SourceRange? = nil) throws -> Value {
        let p = f.proto
        if let native = p.native {
            var list = args
            // One tuple for several parameters (`zip(a, b).map(+)`), then defaults.
            if list.count == 1, p.params.count > 1, case .tuple(let t) = list[0], t.elements.count == p.params.count { list = t.elements }
            while list.count < p.params.count, let d = p.params[list.count].defaultValue { list.append(try d(globals)) }
            guard list.count == p.params.count || p.params.last?.isVariadic == true else {
                throw RuntimeError("\(p.displayName) takes \(p.params.count) arguments, got \(args.count)", at: range)
            }
            if let s = f.boundSelf { return try native(self, [s] + list) }
            return try native(self, list)
        }
        var frame = f.makeFrame()
        if p.hasSelf { frame.slots[0] = f.boundSelf ?? .void }
        let first = p.firstParamSlot
        // A closure called with one tuple for several parameters (`zip(a, b).map { $0 + $1 }`).
        if args.count == 1, p.params.count > 1, f.boundSelf == nil, case .tuple(let t) = args[0], t.elements.count == p.params.count {
            for (i, e) in t.elements.enumerated() { frame.slots[first + i] = e }
            let result = try invokeUser(p, frame: frame, at: range)
            f.recycle(&frame)
            return result
        }
        for (i, param) in p.params.enumerated() {
            var v: Value
            if i < args.count {
                v = args[i]
            } else if let d = param.defaultValue {
                v = try d(frame)
            } else if param.isVariadic {
                v = .array(ArrayStorage([]))
            } else {
                throw RuntimeError("missing argument for parameter '\(param.name)' in call to \(p.displayName)", at: range)
            }
            if let t = param.type { v = try coerce(v, to: t) }
            frame.slots[first + i] = v
        }
        let result = try invokeUser(p, frame: frame, at: range)
        f.recycle(&frame)
        return result
    }

    /// Converts a value to the type it is declared with: literals adapt (`let x: Double = 1`),
    /// values are wrapped into optionals, implicit members (`.red`) find their type.
    func coerce(_ v: Value, to t: TypeRef) throws -> Value {
        switch (t, v) {
        case (.int, .int), (.double, .double), (.string, .string), (.bool, .bool), (.any, _): return v
        case (.double, .int(let i)): return .double(Double(i))
        case (.double, .float(let f)): return .double(Double(f))
        case (.float, .int(let i)): return .float(Float(i))
        case (.float, .double(let d)): return .float(Float(d))
        case (.character, .string(let s)) where s.count == 1: return .character(s.first!)
        case (.string, .character(let c)): return .string(String(c))
        case (.optional, .none): return v
        case (.optional(let w), .some(let inner)): return .some(try coerce(inner, to: w))
        // `let x: Int?? = .some(nil)`, `.none`: Optional's own cases.
        case (.optional(let w), .implicitMember(let m)) where m.name == "some" && m.hasCall && m.arguments.count == 1:
            return .some(try coerce(m.arguments[0], to: w))
        case (.optional, .implicitMember(let m)) where m.name == "none" && !m.hasCall: return .none
        case (.optional(let w), _): return .some(try coerce(v, to: w))
        case (.array(let e), .array(var a)):
            guard needsCoercion(e) else { return v }
            for i in a.elements.indices { a.elements[i] = try coerce(a.elements[i], to: e) }
            return .array(a)
        case (.set(let e), .array(let a)):
            return .set(OrderedSet(try a.elements.map { try coerce($0, to: e) }))
        case (.dictionary(let kt, let vt), .dictionary(let d)):
            guard needsCoercion(kt) || needsCoercion(vt) else { return v }
            var out = OrderedDictionary()
            for (k, x) in zip(d.keys, d.values) { out.set(try coerce(k, to: kt), try coerce(x, to: vt)) }
            return .dictionary(out)
        case (.tuple(let types, let labels), .tuple(let tv)) where types.count == tv.elements.count:
            var elements = tv.elements
            for i in elements.indices { elements[i] = try coerce(elements[i], to: types[i]) }
            return .tuple(TupleValue(elements, labels: labels.allSatisfy { $0 == nil } ? tv.labels : labels))
        case (.nominal(let n, let args), .implicitMember(let m)):
            return try resolveImplicitMember(m, in: n, typeArguments: args)
        case (.nominal(let n, let args), .enumValue(let e)) where !args.isEmpty && e.type === n && e.genericArguments.isEmpty:
            // `let b: Box<Double> = Box.one(1)`: the context says what T is (1.0).
            return try makeEnumCase(n, e.caseIndex, e.payload, typeArguments: args)
        case (.nominal(let n, let args), .structValue(var s)) where !args.isEmpty && s.type === n:
            // `let p: Pair<Double> = Pair(first: 1, second: 2)`: the fields take the written arguments.
            let map = n.genericBindings(args)
            guard !map.isEmpty else { return v }
            for (i, f) in n.fields.enumerated() where i < s.fields.count {
                if let t = f.type { s.fields[i] = try coerce(s.fields[i], to: t.substituting(map)) }
            }
            return withGenericArguments(.structValue(s), args)
        case (.native(let n), .int(let i)) where n.integerLiteral != nil:
            return try n.integerLiteral!(i)
        case (.native(let n), .implicitMember(let m)):
            if let r = try n.implicitMember?(self, m) { return r }
            throw RuntimeError("type '\(n.name)' has no member '\(m.name)'")
        default: return v
        }
    }

    private func needsCoercion(_ t: TypeRef) -> Bool {
        switch t {
        case .int, .string, .bool, .any: return false
        default: return true
        }
    }

    /// `.red` or `.token("a")` as a value of enum or struct type `n`.
    func resolveImplicitMember(_ m: ImplicitMember, in n: NominalType, typeArguments: [TypeRef] = []) throws -> Value {
        if let ci = n.caseIndex[m.name] {
            return try makeEnumCase(n, ci, m.arguments, typeArguments: typeArguments)
        }
        // `.init(title: "Dune")` where a Book is expected.
        if m.name == "init", m.hasCall {
            return try construct(.nominal(n, typeArguments), CallArguments(values: m.arguments, labels: m.labels, trailing: m.labels.map { _ in false }), at: nil)
        }
        if let si = n.staticIndex[m.name], !m.hasCall { return n.staticValues[si] }
        if let g = n.staticGetters[m.name], !m.hasCall { return try call(g, []) }
        if m.hasCall, let f = n.staticMethods[functionKey(m.name, m.labels)] { return try call(f, m.arguments) }
        throw RuntimeError("type '\(n.name)' has no member '\(m.name)'")
    }

    /// Case `ci` of enum `n` with its associated values; `typeArguments` are a generic enum's
    /// (`Result<Int, Failure>.failure(.bad("x"))`: `.bad("x")` is a `Failure`).
    func makeEnumCase(_ n: NominalType, _ ci: Int, _ args: [Value], typeArguments: [TypeRef] = []) throws -> Value {
        let c = n.cases[ci]
        let map = n.genericBindings(typeArguments)
        if args.isEmpty, map.isEmpty, let shared = c.instance { return .enumValue(shared) }
        var payload = args
        for i in payload.indices where i < c.types.count { payload[i] = try coerce(payload[i], to: c.types[i].substituting(map)) }
        return .enumValue(EnumValue(type: n, caseIndex: ci, payload: payload, genericArguments: map.isEmpty ? [] : typeArguments.map(\.name)))
    }
}
