import Reports

extension Context {
    /// `T(args)`: a cell's struct, class or enum, or a builtin or native type.
    func construct(_ t: TypeRef, _ args: CallArguments, at r: SourceRange?) throws -> Value {
        switch t {
        case .nominal(let n, _):
            return try instantiate(n, args, at: r)
        case .optional:
            guard args.values.count == 1, args.labels == [nil] else { throw RuntimeError("Optional takes one value", at: r) }
            return .some(args.values[0])
        default:
            guard let d = constructorDescriptor(t) else { throw RuntimeError("type '\(t.name)' cannot be constructed", at: r) }
            for f in d.initializers where matchArguments(args.labels, args.trailing, f.proto.params) != nil {
                var none = Value.void
                var v = try invoke(f, args, selfValue: &none, at: r)
                if case .array(let elementType) = t { v = try coerce(v, to: .array(elementType)) }
                return v
            }
            throw RuntimeError("no initializer \(t.name)(\(args.labels.map { ($0 ?? "_") + ":" }.joined())) exists", at: r)
        }
    }

    func instantiate(_ n: NominalType, _ args: CallArguments, at r: SourceRange?) throws -> Value {
        if n.kind == .enumType {
            if args.labels == ["rawValue"] {
                let raw = args.values[0]
                if let ci = n.cases.firstIndex(where: { $0.rawValue == raw }) { return .some(try makeEnumCase(n, ci, [])) }
                return .none
            }
            // `init(flag: Bool) { self = flag ? .on : .off }`
            if let chosen = n.initializers.values.first(where: { matchArguments(args.labels, args.trailing, $0.proto.params) != nil }) {
                var made = Value.void
                _ = try invoke(chosen, args, selfValue: &made, at: r)
                guard case .enumValue = made else { throw RuntimeError("'self' used before 'self.init' call or assignment to 'self'", at: r) }
                return made
            }
            throw RuntimeError("enum '\(n.name)' has no initializer with these arguments", at: r)
        }
        var owner: NominalType? = n
        while let t = owner, t.initializers.isEmpty, t.kind == .classType { owner = t.superclass }
        let inits = owner?.initializers.values.map { $0 } ?? []
        guard let chosen = inits.first(where: { matchArguments(args.labels, args.trailing, $0.proto.params) != nil }) else {
            let known = inits.map { $0.proto.displayName }.sorted().joined(separator: ", ")
            throw RuntimeError("no initializer \(n.name)(\(args.labels.map { ($0 ?? "_") + ":" }.joined())) exists\(known.isEmpty ? "" : "; known: \(known)")", at: r)
        }
        if chosen.proto.native != nil {
            var none = Value.void
            return try invoke(chosen, args, selfValue: &none, at: r)
        }
        var selfValue = try blankInstance(n)
        initializing += 1
        defer { initializing -= 1 }
        _ = try invoke(chosen, args, selfValue: &selfValue, at: r)
        return selfValue
    }

    /// A new instance whose stored properties hold their default values (others are unset).
    func blankInstance(_ n: NominalType) throws -> Value {
        var fields: [Value] = []
        fields.reserveCapacity(n.fields.count)
        for f in n.fields {
            if let initial = f.initial {
                var v = try initial(self)
                if let t = f.type { v = try coerce(v, to: t) }
                fields.append(v)
            } else if case .optional? = f.type, !f.isLet {
                fields.append(.none)
            } else {
                fields.append(.void)
            }
        }
        // A type conforming to `Layer` carries its graph node in a hidden last field (UserLayerBindings.swift).
        attachUserLayer(n, &fields, self)
        if n.kind == .classType { return .object(Instance(type: n, fields: fields)) }
        return .structValue(StructValue(type: n, fields: fields))
    }

    /// Swift's memberwise initializer of a struct without its own `init`.
    func memberwiseInitializer(_ n: NominalType) -> Function {
        var params: [Param] = []
        var fieldOfParam: [Int] = []
        for (i, f) in n.fields.enumerated() where !(f.isLet && f.initial != nil) {
            let initial = f.initial
            // A `lazy var big` is the parameter `big`, nil (not yet computed) by default.
            let name = f.name.hasPrefix(lazyStoragePrefix) ? String(f.name.dropFirst(lazyStoragePrefix.count)) : f.name
            params.append(Param(label: name, name: name, type: f.type, defaultValue: initial.map { get in { [unowned self] _ in try get(self) } },
                                isVariadic: false, isInout: false))
            fieldOfParam.append(i)
        }
        let proto = FunctionProto(name: "init", displayName: "\(n.name).init(\(params.map { ($0.label ?? "_") + ":" }.joined()))", params: params)
        proto.native = { ctx, args in
            guard case .structValue(var s) = try ctx.blankInstance(n) else { return .void }
            for (k, i) in fieldOfParam.enumerated() {
                var v = args[k]
                if let t = n.fields[i].type { v = try ctx.coerce(v, to: t) }
                if n.fields[i].name.hasPrefix(lazyStoragePrefix) {
                    if case .some = v {} else if case .none = v {} else { v = .some(v) }
                }
                s.fields[i] = v
            }
            return .structValue(s)
        }
        return Function(proto, captured: nil)
    }

    /// `base.name(args)`: user methods, builtin methods (in place when they mutate), static
    /// methods and enum cases on types, closures stored in properties.
    func callMethod(_ base: inout Value, _ name: String, _ args: CallArguments, at r: SourceRange?) throws -> Value {
        let userType: NominalType?
        switch base {
        case .structValue(let s): userType = s.type
        case .object(let o): userType = o.type
        case .enumValue(let e): userType = e.type
        case .type(let t): return try callStatic(t, name, args, at: r)
        case .tuple(let t):
            if let i = Int(name) ?? t.index(of: name), i < t.elements.count { return try callValue(t.elements[i], args, at: r) }
            userType = nil
        default: userType = nil
        }
        if let t = userType {
            for m in t.methods(named: name) where matchArguments(args.labels, args.trailing, m.proto.params) != nil {
                // A user layer's call may become one node of a model (UserLayerBindings.swift).
                if name == "callAsFunction", let result = try callUserLayer(&base, m, args, at: r) { return result }
                return try invoke(m, args, selfValue: &base, at: r)
            }
            if t.fieldIndex[name] != nil || t.getter(name) != nil {
                let member = try getMember(base, name)
                return try callValue(member, args, at: r)
            }
            throw RuntimeError("value of type '\(t.name)' has no method '\(functionKey(name, args.labels))'", at: r)
        }
        guard let d = Builtins.shared.descriptor(of: base) else {
            if let result = try callExtensionMethod(&base, name, args, at: r) { return result }
            throw RuntimeError("value of type '\(typeName(base))' has no member '\(name)'", at: r)
        }
        if let ms = d.mutatingMethods[name] {
            for m in ms {
                guard let plan = matchArguments(args.labels, args.trailing, m.params) else { continue }
                let list = try plan.enumerated().map { k, s -> Value in
                    switch s {
                    case .arg(let i): return args.values[i]
                    case .defaultValue: return try m.params[k].defaultValue!(globals)
                    case .variadic(let idx): return .array(ArrayStorage(idx.map { args.values[$0] }))
                    }
                }
                return try located(r ?? SourceRange(at: SourceLocation(file: "", line: 0, column: 0))) { try m.body(self, &base, list) }
            }
        }
        if let ms = d.methods[name] {
            for m in ms where matchArguments(args.labels, args.trailing, m.proto.params) != nil {
                return try invoke(m, args, selfValue: &base, at: r)
            }
            if let result = try callExtensionMethod(&base, name, args, at: r) { return result }
            throw RuntimeError("no method '\(functionKey(name, args.labels))' on a value of type '\(typeName(base))'; known: \(ms.map(\.proto.displayName).joined(separator: ", "))", at: r)
        }
        if let get = d.properties[name] {
            return try callValue(try get(self, base), args, at: r)
        }
        if let result = try callExtensionMethod(&base, name, args, at: r) { return result }
        throw RuntimeError("value of type '\(typeName(base))' has no member '\(name)'", at: r)
    }

    func callStatic(_ t: TypeRef, _ name: String, _ args: CallArguments, at r: SourceRange?) throws -> Value {
        if name == "init" { return try construct(t, args, at: r) }
        if case .nominal(let n, let typeArguments) = t {
            if let ci = n.caseIndex[name] { return try makeEnumCase(n, ci, args.values, typeArguments: typeArguments) }
            if let m = n.staticMethod(named: name, labels: args.labels, trailing: args.trailing) {
                var none = Value.type(t)
                return try invoke(m, args, selfValue: &none, at: r)
            }
        }
        if let d = constructorDescriptor(t), let e = extensions[d.name],
           let m = e.staticMethod(named: name, labels: args.labels, trailing: args.trailing) {
            var none = Value.type(t)
            return try invoke(m, args, selfValue: &none, at: r)
        }
        if let d = constructorDescriptor(t), let ms = d.staticMethods[name] {
            for m in ms where matchArguments(args.labels, args.trailing, m.proto.params) != nil {
                var none = Value.void
                return try invoke(m, args, selfValue: &none, at: r)
            }
        }
        // `Unicode.Scalar(97)`: a static property holding a type (or a closure) is called.
        if let d = constructorDescriptor(t), let get = d.staticProperties[name] {
            return try callValue(try get(self), args, at: r)
        }
        throw RuntimeError("type '\(t.name)' has no static method '\(functionKey(name, args.labels))'", at: r)
    }

    /// `f(args)` where `f` is a value: a closure, a type (constructor), or a value with
    /// `callAsFunction` (a layer).
    func callValue(_ callee: Value, _ args: CallArguments, at r: SourceRange?) throws -> Value {
        switch callee {
        case .function(let f):
            var none = Value.void
            if f.proto.native == nil, f.boundSelf == nil, args.labels.allSatisfy({ $0 == nil }), f.proto.params.allSatisfy({ $0.label == nil || true }),
               args.values.count == f.proto.params.count || f.proto.params.count > 1 && args.values.count == 1 {
                // Closures are called without labels.
                return try withCallFrame(f.proto.displayName, r) { try call(f, args.values, at: r) }
            }
            return try invoke(f, args, selfValue: &none, at: r)
        case .type(let t):
            return try construct(t, args, at: r)
        case .structValue, .object, .native, .enumValue:
            var base = callee
            return try callMethod(&base, "callAsFunction", args, at: r)
        default:
            throw RuntimeError("cannot call value of non-function type '\(typeName(callee))'", at: r)
        }
    }
}
