import SwiftSyntax
import Reports

/// A `case` or `catch` clause: its test (which binds the pattern's names) and its body.
/// (Closures kept in arrays are wrapped in structs: a bare closure in an Array is stored in the
/// generic representation and pays a conversion thunk on every call.)
struct Clause {
    let match: (Frame, Value) throws -> Bool
    let body: Exec
}

struct MatcherBox {
    let match: (Frame, Value) throws -> Bool
}

struct ExecBox {
    let run: Exec
}

struct EvalBox {
    let eval: Eval
}

/// How a `let`/`for` pattern stores a value.
struct PatternBinding {
    enum Kind {
        /// One variable: its slot, and whether it is in the top-level frame.
        case slot(Int, global: Bool)
        case other
    }
    let kind: Kind
    let assign: (Frame, Value) throws -> Void
}

extension Compiler {
    /// `x`, `(a, b)`, `_`, `(key, value)` in `let`, `var` and `for`.
    func compilePatternBinding(_ p: PatternSyntax, isLet: Bool, type: TypeRef? = nil) throws -> PatternBinding {
        if let id = p.as(IdentifierPatternSyntax.self) {
            let slot = try declareVariable(id.identifier.text, isLet: isLet, type: type, node: id)
            let store = storeSlot(slot)
            return PatternBinding(kind: .slot(slot, global: function.isGlobal), assign: store)
        }
        if p.is(WildcardPatternSyntax.self) {
            return PatternBinding(kind: .other, assign: { _, _ in })
        }
        if let t = p.as(TuplePatternSyntax.self) {
            var types: [TypeRef]? = nil
            if case .tuple(let ts, _)? = type { types = ts }
            let parts = try t.elements.enumerated().map { i, el in try compilePatternBinding(el.pattern, isLet: isLet, type: types?[i]) }
            let r = range(t)
            return PatternBinding(kind: .other, assign: { f, v in
                guard case .tuple(let tv) = v, tv.elements.count == parts.count else {
                    throw RuntimeError("cannot destructure a value of type '\(typeName(v))' into \(parts.count) names", at: r)
                }
                for (part, e) in zip(parts, tv.elements) { try part.assign(f, e) }
            })
        }
        if let vb = p.as(ValueBindingPatternSyntax.self) {
            return try compilePatternBinding(vb.pattern, isLet: vb.bindingSpecifier.tokenKind == .keyword(.let), type: type)
        }
        throw unsupported("pattern '\(p.trimmedDescription)'", p)
    }

    /// A `case` pattern of `switch`, `if case`, `catch`: tests a value and binds its variables.
    /// In `bindingMode` (inside `let`), bare names bind instead of comparing.
    func compilePattern(_ p: PatternSyntax, bindingMode: Bool) throws -> (Frame, Value) throws -> Bool {
        if let id = p.as(IdentifierPatternSyntax.self) {
            let store = try bindPatternName(id.identifier.text, id)
            return { f, v in try store(f, v); return true }
        }
        if p.is(WildcardPatternSyntax.self) { return { _, _ in true } }
        if let vb = p.as(ValueBindingPatternSyntax.self) { return try compilePattern(vb.pattern, bindingMode: true) }
        if let t = p.as(TuplePatternSyntax.self) {
            let parts = try t.elements.map { try compilePattern($0.pattern, bindingMode: bindingMode) }
            return { f, v in
                guard case .tuple(let tv) = v, tv.elements.count == parts.count else { return false }
                for (m, e) in zip(parts, tv.elements) where !(try m(f, e)) { return false }
                return true
            }
        }
        if let e = p.as(ExpressionPatternSyntax.self) { return try compileExpressionPattern(e.expression, bindingMode: bindingMode) }
        if let isType = p.as(IsTypePatternSyntax.self) {
            let check = try typeCheck(isType.type)
            return { _, v in check(v) }
        }
        throw unsupported("pattern '\(p.trimmedDescription)'", p)
    }

    /// Declares a name bound by a pattern (the same name in several `case` items shares a slot).
    func bindPatternName(_ name: String, _ node: some SyntaxProtocol) throws -> (Frame, Value) throws -> Void {
        if let existing = scope.names[name], scope.declaredHere.contains(name) {
            return storeSlot(existing.slot)
        }
        let slot = try declareVariable(name, isLet: true, type: nil, node: node)
        return storeSlot(slot)
    }

    func compileExpressionPattern(_ e: ExprSyntax, bindingMode: Bool) throws -> (Frame, Value) throws -> Bool {
        let ctx = self.ctx
        if e.is(DiscardAssignmentExprSyntax.self) { return { _, _ in true } }
        if let pe = e.as(PatternExprSyntax.self) { return try compilePattern(pe.pattern, bindingMode: bindingMode) }
        // `x?`: a non-nil optional whose value matches `x` (`for case let x? in optionals`).
        if let oc = e.as(OptionalChainingExprSyntax.self) {
            let inner = try compileExpressionPattern(oc.expression, bindingMode: bindingMode)
            return { f, v in
                switch v {
                case .none: return false
                case .some(let w): return try inner(f, w)
                default: return try inner(f, v)
                }
            }
        }
        if bindingMode, let ref = e.as(DeclReferenceExprSyntax.self) {
            let store = try bindPatternName(ref.baseName.text, ref)
            return { f, v in try store(f, v); return true }
        }
        if let t = e.as(TupleExprSyntax.self), t.elements.count > 1 {
            let parts = try t.elements.map { try compileExpressionPattern($0.expression, bindingMode: bindingMode) }
            return { f, v in
                guard case .tuple(let tv) = v, tv.elements.count == parts.count else { return false }
                for (m, x) in zip(parts, tv.elements) where !(try m(f, x)) { return false }
                return true
            }
        }
        // `.red`, `Color.red`, `.token(let x)`, `ParseError.bad(let m)`
        if let m = e.as(MemberAccessExprSyntax.self), try m.base == nil || typeNamed(m.base!) != nil {
            let name = m.declName.baseName.text
            return { _, v in
                if name == "none", case .none = v { return true }
                if case .enumValue(let ev) = v { return ev.caseName == name }
                if case .some(.enumValue(let ev)) = v { return ev.caseName == name }
                return false
            }
        }
        if let call = e.as(FunctionCallExprSyntax.self), let m = call.calledExpression.as(MemberAccessExprSyntax.self),
           try m.base == nil || typeNamed(m.base!) != nil {
            let name = m.declName.baseName.text
            let parts = try call.arguments.map { try compileExpressionPattern($0.expression, bindingMode: bindingMode) }
            return { f, v in
                if name == "some", parts.count == 1 {
                    if case .some(let inner) = v { return try parts[0](f, inner) }
                    if case .none = v { return false }
                }
                var value = v
                if case .some(let inner) = v { value = inner }
                guard case .enumValue(let ev) = value, ev.caseName == name else { return false }
                if parts.count == 1, ev.payload.count > 1 {
                    return try parts[0](f, .tuple(TupleValue(ev.payload, labels: ev.type.cases[ev.caseIndex].labels)))
                }
                guard ev.payload.count == parts.count else { return false }
                for (p, x) in zip(parts, ev.payload) where !(try p(f, x)) { return false }
                return true
            }
        }
        // `let e as ParseError` in catch clauses.
        if let a = e.as(AsExprSyntax.self) {
            let check = try typeCheck(a.type)
            let inner = try compileExpressionPattern(a.expression, bindingMode: bindingMode)
            return { f, v in check(v) ? try inner(f, v) : false }
        }
        // Ranges: `case 0..<10`, `case 90...`
        if let infix = e.as(InfixOperatorExprSyntax.self), let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text,
           op == "..<" || op == "..." {
            let lo = try compileExpr(infix.leftOperand), hi = try compileExpr(infix.rightOperand)
            let closed = op == "..."
            return { f, v in
                let l = try lo(f), h = try hi(f)
                guard let below = lessThan(v, l), let aboveEnd = lessThan(h, v) else { return false }
                if below { return false }
                if closed { return !aboveEnd }
                return lessThan(v, h) ?? false
            }
        }
        if let post = e.as(PostfixOperatorExprSyntax.self), post.operator.text == "..." {
            let lo = try compileExpr(post.expression)
            return { f, v in !(lessThan(v, try lo(f)) ?? true) }
        }
        if let pre = e.as(PrefixOperatorExprSyntax.self), pre.operator.text == "..<" || pre.operator.text == "..." {
            let hi = try compileExpr(pre.expression)
            let closed = pre.operator.text == "..."
            return { f, v in
                let h = try hi(f)
                return closed ? !(lessThan(h, v) ?? true) : (lessThan(v, h) ?? false)
            }
        }
        let value = try compileExpr(e)
        return { f, v in
            let x = try value(f)
            switch x {
            case .range(let l, let u): if case .int(let i) = v { return i >= l && i < u }
            case .closedRange(let l, let u): if case .int(let i) = v { return i >= l && i <= u }
            case .native(let n): if let matched = try n.type.binaryOperator?(ctx, "~=", x, v) { return try ctx.truth(matched) }
            default: break
            }
            return try ctx.equals(x, v)
        }
    }

    func compileSwitch(_ s: SwitchExprSyntax, label: String?, valueMode: Bool) throws -> Exec {
        try checkExhaustive(s)
        let subject = try compileExpr(s.subject)
        let id = pushTarget(label, isLoop: false)
        switchTargets.insert(id)
        defer { targets.removeLast() }
        var cases: [Clause] = []
        var hasDefault = false
        for element in s.cases {
            guard case .switchCase(let c) = element else { throw unsupported("'#if' in switch", element) }
            func compileCase() throws -> Clause {
                var matchers: [(Frame, Value) throws -> Bool] = []
                switch c.label {
                case .default:
                    hasDefault = true
                    matchers.append { _, _ in true }
                case .case(let caseLabel):
                    for item in caseLabel.caseItems {
                        let m = try compilePattern(item.pattern, bindingMode: false)
                        if let w = item.whereClause {
                            let cond = try compileCondition(w.condition)
                            matchers.append { f, v in try m(f, v) && cond(f) }
                        } else {
                            matchers.append(m)
                        }
                    }
                }
                var body: Exec
                if valueMode, c.statements.count == 1, case .expr(let e) = c.statements.first!.item {
                    let value = try compileExpr(e)
                    body = { f in f.returnValue = try value(f); return .normal }
                } else {
                    body = try compileStatements(c.statements)
                }
                let all = matchers.map(MatcherBox.init)
                if all.count == 1 { return Clause(match: all[0].match, body: body) }
                return Clause(match: { f, v in
                    for m in all where try m.match(f, v) { return true }
                    return false
                }, body: body)
            }
            let saved = pushScope()
            defer { scope = saved }
            cases.append(try compileCase())
        }
        let r = range(s.switchKeyword)
        let ctx = self.ctx
        _ = hasDefault
        return { f in
            let v = try subject(f)
            for (i, c) in cases.enumerated() where try c.match(f, v) {
                var flow = try c.body(f)
                var next = i + 1
                while case .fallThrough = flow, next < cases.count {
                    flow = try cases[next].body(f)
                    next += 1
                }
                if case .breakTarget(let t) = flow, t == id { return .normal }
                if case .fallThrough = flow { return .normal }
                return flow
            }
            throw RuntimeError("switch found no matching case for \(try ctx.describe(v))", at: r)
        }
    }
}
