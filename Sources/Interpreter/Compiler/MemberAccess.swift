import SwiftSyntax
import Reports

/// `base.name`, `base[i]` and optional chains (`a?.b.c`).
extension Compiler {
    /// The base of a member access; `chained` when it ends in `?` (optional chaining).
    /// `member` is the name used on the base (`name.count`): an optional base without `?` is
    /// rejected before the cell runs, as by Swift.
    /// A base inside a longer chain (`s?.uppercased().count`: the base `s?.uppercased()`) goes on
    /// unwrapped, its nil ending the whole chain, as `a?` itself does.
    func compileChainBase(_ baseExpr: ExprSyntax, member: String? = nil) throws -> (eval: Eval, chained: Bool) {
        let link: ExprSyntax? = baseExpr.as(OptionalChainingExprSyntax.self)?.expression ?? (containsChain(baseExpr) ? baseExpr : nil)
        if link == nil, let name = member, !Compiler.optionalMembers.contains(name), case .optional(let w)? = staticType(baseExpr), isKnownWrapped(w) {
            throw error("value of optional type '\(sugaredName(.optional(w)))' must be unwrapped to refer to member '\(name)' of wrapped base type '\(sugaredName(w))'",
                        baseExpr, kind: "type")
        }
        guard let link else { return (try compileExpr(baseExpr), false) }
        let inner = try compileExpr(link)
        return ({ f in
            switch try inner(f) {
            case .none: throw OptionalChainNil()
            case .some(let v): return v
            case let v: return v
            }
        }, true)
    }

    func containsChain(_ e: ExprSyntax) -> Bool {
        if e.is(OptionalChainingExprSyntax.self) { return true }
        if let m = e.as(MemberAccessExprSyntax.self), let b = m.base { return containsChain(b) }
        if let c = e.as(FunctionCallExprSyntax.self) { return containsChain(c.calledExpression) }
        if let s = e.as(SubscriptCallExprSyntax.self) { return containsChain(s.calledExpression) }
        return false
    }

    /// The end of an optional chain: `nil` anywhere in it makes the whole expression `nil`.
    func wrapChain(_ eval: @escaping Eval) -> Eval {
        return { f in
            do {
                let v = try eval(f)
                switch v {
                case .some, .none: return v
                default: return .some(v)
                }
            } catch is OptionalChainNil { return .none }
        }
    }

    func compileMemberAccess(_ m: MemberAccessExprSyntax, expected: TypeRef?) throws -> Eval {
        let name = m.declName.baseName.text
        let ctx = self.ctx
        let r = range(m.declName)
        guard let baseExpr = m.base else {
            if case .nominal(let n, let types)? = expected {
                return { _ in try located(r) { try ctx.resolveImplicitMember(ImplicitMember(name: name), in: n, typeArguments: types) } }
            }
            if case .optional(.nominal(let n, let types))? = expected {
                return { _ in try located(r) { try ctx.resolveImplicitMember(ImplicitMember(name: name), in: n, typeArguments: types) } }
            }
            let v = Value.implicitMember(ImplicitMember(name: name))
            return { _ in v }
        }
        if baseExpr.is(SuperExprSyntax.self) {
            guard let sup = selfType?.superclass, let selfBinding = scope.lookup("self") else { throw error("'super' is only available in a subclass", m) }
            let selfLoad = load(selfBinding)
            return { f in
                let s = try selfLoad(f)
                if let g = sup.getter(name) { return try ctx.callGetter(g, on: s) }
                return try located(r) { try ctx.getMember(s, name) }
            }
        }
        if m.declName.baseName.tokenKind == .keyword(.self), let t = try typeNamed(baseExpr) ?? (baseExpr.is(ArrayExprSyntax.self) || baseExpr.is(DictionaryExprSyntax.self) ? try typeFromExpression(baseExpr) : nil) {
            // `Dog.self`, `[Double].self`, `[String: Int].self`
            let v = Value.type(t)
            return { _ in v }
        }
        if case .nominal(let t, _)? = staticType(baseExpr), t.kind == .structType, t.lazyProperty(name) != nil, !containsChain(baseExpr) {
            return lazyRead(try compileLValue(baseExpr, isTarget: false), name, m.declName)
        }
        // `3.ft` with `extension Double { var ft: Double }`: the literal is a Double, as in Swift.
        if baseExpr.is(IntegerLiteralExprSyntax.self), let d = ctx.extensions["Double"], d.hasMember(name), !(ctx.extensions["Int"]?.hasMember(name) ?? false),
           builtins.intType.properties[name] == nil, builtins.intType.methods[name] == nil {
            return memberGetter(base: try compileExpr(baseExpr, expected: .double), name: name, node: m.declName)
        }
        let base = try compileChainBase(baseExpr, member: name)
        let get = memberGetter(base: base.eval, name: name, node: m.declName)
        return base.chained ? wrapChain(get) : get
    }

    /// Reads `lazy var name` of a struct: the first read stores its value in the variable.
    func lazyRead(_ base: LValue, _ name: String, _ node: some SyntaxProtocol) -> Eval {
        let r = range(node)
        let ctx = self.ctx
        return { f in
            var out = Value.void
            try base.modify(f) { container in out = try located(r) { try ctx.readLazy(&container, name) } }
            return out
        }
    }

    /// Reads `base.name`, remembering the field's index for the last type seen (an inline cache).
    func memberGetter(base: @escaping Eval, name: String, node: some SyntaxProtocol) -> Eval {
        let r = range(node)
        let ctx = self.ctx
        let cache = MemberCache()
        return { f in
            let v = try base(f)
            switch v {
            case .structValue(let s) where s.type === cache.type: return s.fields[cache.index]
            case .object(let o) where o.type === cache.type: return o.fields[cache.index]
            case .structValue(let s):
                if let i = s.type.fieldIndex[name] { cache.type = s.type; cache.index = i; return s.fields[i] }
            case .object(let o):
                if let i = o.type.fieldIndex[name] { cache.type = o.type; cache.index = i; return o.fields[i] }
            default: break
            }
            return try located(r) { try ctx.getMember(v, name) }
        }
    }

    func compileSubscript(_ s: SubscriptCallExprSyntax) throws -> Eval {
        let base = try compileChainBase(s.calledExpression)
        var keyType: TypeRef? = nil
        if case .dictionary(let k, _)? = staticType(s.calledExpression) { keyType = k }
        let args = try s.arguments.enumerated().map { i, a in try compileExpr(a.expression, expected: i == 0 ? keyType : nil) }
        let labels = s.arguments.map { $0.label?.text }
        let r = range(s)
        let ctx = self.ctx
        let eval: Eval
        if args.count == 1, labels[0] == nil {
            let index = args[0]
            eval = { f in
                let v = try base.eval(f)
                let i = try index(f)
                if case .array(let a) = v, case .int(let index) = i {
                    let k = index - a.startIndex
                    guard k >= 0, k < a.elements.count else { throw RuntimeError("Index out of range", at: r) }
                    return a.elements[k]
                }
                return try located(r) { try ctx.getSubscript(v, [i], labels) }
            }
        } else {
            eval = { f in
                let v = try base.eval(f)
                let indices = try args.map { try $0(f) }
                return try located(r) { try ctx.getSubscript(v, indices, labels) }
            }
        }
        return base.chained ? wrapChain(eval) : eval
    }

    /// Whether a member is declared in the type being compiled (bodies compile before all
    /// members are registered).
    func hasPendingMember(_ t: NominalType, _ name: String) -> Bool {
        if pendingMembers[ObjectIdentifier(t)]?.contains(name) ?? false { return true }
        // A protocol's requirement, a builtin's member used inside an extension of it.
        return (t.kind == .protocolType || t.kind == .extensionType) && t.hasMember(name)
    }
}

