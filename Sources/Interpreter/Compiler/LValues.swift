import SwiftSyntax
import Reports

/// A place that can be changed: a variable, a property, an element. `modify` hands the current
/// value out as `inout` so that copy-on-write storage is changed in place (no copy of an array
/// to append one element).
struct LValue {
    let modify: (Frame, (inout Value) throws -> Void) throws -> Void
    let staticType: TypeRef?
}

extension Compiler {
    /// `isTarget`: `e` is what the assignment changes (not a base on the way to it).
    func compileLValue(_ e: ExprSyntax, isTarget: Bool = true) throws -> LValue {
        switch e.as(ExprSyntaxEnum.self) {
        case .declReferenceExpr(let ref):
            let name = ref.baseName.text
            if let b = scope.lookup(name) {
                guard case .variable(let isLet) = b.kind else { throw error("cannot assign to '\(name)'", ref, kind: "type") }
                if isLet, !(name == "self" && (inMutatingContext || inInitializer)) {
                    if name == "self" { throw error("cannot assign to property: 'self' is immutable", ref, kind: "type") }
                    throw error("cannot assign to value: '\(name)' is a 'let' constant", ref, kind: "type")
                }
                let frame = frameOf(b)
                let slot = b.slot
                if let a = b.accessors {
                    guard let set = a.set else { throw error("cannot assign to value: '\(name)' is a get-only property", ref, kind: "type") }
                    let get = a.get
                    return LValue(modify: { f, body in
                        let fr = frame(f)
                        var v = try get(fr)
                        try body(&v)
                        try set(fr, v)
                    }, staticType: b.staticType)
                }
                // A class's `self` copied into a closure (the instance is shared, not the variable).
                if b.captureByValue, name == "self", let cc = closureCaptures.last, !isInside(b.owner, cc.function) {
                    let get = load(b)
                    return LValue(modify: { f, body in
                        var v = try get(f)
                        try body(&v)
                    }, staticType: b.staticType)
                }
                if let observers = b.observers {
                    let ctx = self.ctx
                    return LValue(modify: { f, body in
                        let fr = frame(f)
                        let old = fr.slots[slot]
                        var new = old
                        try body(&new)
                        try ctx.observedGlobalChange(observers, old: old, new: new) { fr.slots[slot] = $0 }
                    }, staticType: b.staticType)
                }
                return LValue(modify: { f, body in
                    let fr = frame(f)
                    var v = fr.slots[slot]
                    fr.slots[slot] = .void
                    defer { fr.slots[slot] = v }
                    try body(&v)
                }, staticType: b.staticType)
            }
            if let t = selfType, scope.lookup("self") != nil,
               t.fieldIndex[name] != nil || t.setter(name) != nil || t.superclass.map({ $0.fieldIndex[name] != nil || $0.setter(name) != nil }) == true
               || ((t.kind == .protocolType || t.kind == .extensionType) && t.hasMember(name)) {
                let selfRef = DeclReferenceExprSyntax(baseName: .keyword(.self))
                let base = try compileLValue(ExprSyntax(selfRef))
                return memberLValue(base: base, name: name, node: ref, type: t.fieldIndex[name].map { t.fields[$0].type } ?? nil)
            }
            if let t = selfType, let (owner, si) = t.staticStorage(name) {
                return LValue(modify: { _, body in try body(&owner.staticValues[si]) }, staticType: nil)
            }
            _ = unknownName(name, ref)
            return LValue(modify: { _, _ in }, staticType: nil)
        case .memberAccessExpr(let m):
            guard let baseExpr = m.base else { throw error("cannot assign to this expression", m, kind: "type") }
            let name = m.declName.baseName.text
            if let ref = baseExpr.as(DeclReferenceExprSyntax.self), let b = scope.lookup(ref.baseName.text), case .type(.nominal(let t, _)) = b.kind {
                guard let (owner, si) = t.staticStorage(name) else { throw error("type '\(t.name)' has no static member '\(name)'", m.declName, kind: "type") }
                return LValue(modify: { _, body in try body(&owner.staticValues[si]) }, staticType: nil)
            }
            let base = try lvalueOrTemporary(baseExpr, change: .property, at: Syntax(m.declName), direct: isTarget)
            return memberLValue(base: base, name: name, node: m.declName, type: staticType(e))
        case .subscriptCallExpr(let s):
            // `Temperatures["Oslo"] = 3`: a static subscript changes no variable.
            let typeBase: LValue? = try typeNamed(s.calledExpression).map { t in
                LValue(modify: { _, body in var v = Value.type(t); try body(&v) }, staticType: nil)
            }
            let base = try typeBase ?? lvalueOrTemporary(s.calledExpression, change: .subscriptElement, at: Syntax(s.calledExpression), direct: isTarget)
            // Keys adapt to the dictionary's key type (`sizes[.validation(fold: 1)] = 50`).
            var keyType: TypeRef? = nil
            if case .dictionary(let k, _)? = staticType(s.calledExpression) { keyType = k }
            let args = try s.arguments.enumerated().map { i, a in EvalBox(eval: try compileExpr(a.expression, expected: i == 0 ? keyType : nil)) }
            let labels = s.arguments.map { $0.label?.text }
            let r = range(s)
            let ctx = self.ctx
            var elementType: TypeRef? = nil
            switch base.staticType ?? staticType(s.calledExpression) {
            case .array(let e)?: elementType = e
            case .dictionary(_, let v)? where labels.count == 2: elementType = v
            case .dictionary(_, let v)?: elementType = .optional(v)
            default: break
            }
            if labels == [nil] || labels == [nil, "default"] {
                // One key (and a default): no array of indices per access.
                let key = args[0].eval, defaultValue = labels.count == 2 ? args[1].eval : nil
                return LValue(modify: { f, body in
                    let k = try key(f)
                    let d = try defaultValue?(f)
                    try base.modify(f) { container in
                        try located(r) { try ctx.modifySubscript(&container, key: k, default: d, body) }
                    }
                }, staticType: elementType)
            }
            return LValue(modify: { f, body in
                var indices: [Value] = []
                indices.reserveCapacity(args.count)
                for a in args { indices.append(try a.eval(f)) }
                try base.modify(f) { container in
                    try located(r) { try ctx.modifySubscript(&container, indices, labels, body) }
                }
            }, staticType: elementType)
        case .forceUnwrapExpr(let u):
            // `model!.name = "x"` on a `let model: Model?` changes the instance, not the constant.
            let inner = isTarget ? try compileLValue(u.expression) : try lvalueOrTemporary(u.expression, direct: false)
            let r = range(u)
            return LValue(modify: { f, body in
                try inner.modify(f) { opt in
                    guard case .some(var v) = opt else {
                        if case .none = opt { throw RuntimeError("Unexpectedly found nil while unwrapping an Optional value", at: r) }
                        try body(&opt)
                        return
                    }
                    opt = .void
                    try body(&v)
                    opt = .some(v)
                }
            }, staticType: nil)
        case .optionalChainingExpr(let o):
            let inner = isTarget ? try compileLValue(o.expression) : try lvalueOrTemporary(o.expression, direct: false)
            return LValue(modify: { f, body in
                try inner.modify(f) { opt in
                    guard case .some(var v) = opt else { return }
                    opt = .void
                    try body(&v)
                    opt = .some(v)
                }
            }, staticType: nil)
        case .tupleExpr(let t) where t.elements.count == 1:
            return try compileLValue(t.elements.first!.expression)
        default:
            throw error("cannot assign to this expression", e, kind: "type")
        }
    }

    /// An lvalue when the expression is one; otherwise its value in a temporary (a class instance
    /// returned by a call can still have its properties set).
    /// How a `let` is being changed, for Swift's message.
    enum LetChange {
        case property, subscriptElement, mutatingMember
        func message(_ name: String) -> String {
            switch self {
            case .property: return "cannot assign to property: '\(name)' is a 'let' constant"
            case .subscriptElement: return "cannot assign through subscript: '\(name)' is a 'let' constant"
            case .mutatingMember: return "cannot use mutating member on immutable value: '\(name)' is a 'let' constant"
            }
        }
    }

    func lvalueOrTemporary(_ e: ExprSyntax, change: LetChange = .property, at node: Syntax? = nil, direct: Bool = true) throws -> LValue {
        if e.is(DeclReferenceExprSyntax.self) || e.is(MemberAccessExprSyntax.self) || e.is(SubscriptCallExprSyntax.self)
            || e.is(ForceUnwrapExprSyntax.self) || e.is(OptionalChainingExprSyntax.self) {
            if let ref = e.as(DeclReferenceExprSyntax.self), let b = scope.lookup(ref.baseName.text),
               case .variable(isLet: true) = b.kind, ref.baseName.text != "self" || !(inMutatingContext || inInitializer) {
                let name = ref.baseName.text
                let r = node.map { range($0) } ?? range(ref)
                // Only a change made right on the constant is certainly an error: `lets[0].value = 1`
                // is fine when the element is a class instance.
                if direct, isValueType(b.staticType) {
                    if name == "self" { throw CompileError(diagnostic: Diagnostic(change == .mutatingMember ? "cannot use mutating member on immutable value: 'self' is immutable" : "cannot assign to property: 'self' is immutable", at: r, kind: "type")) }
                    throw CompileError(diagnostic: Diagnostic(change.message(name), at: r, kind: "type"))
                }
                // A `let` holding a class instance may have its properties changed; a value may not.
                let get = load(b)
                let ctx = self.ctx
                return LValue(modify: { f, body in
                    var v = try get(f)
                    let before = v
                    try body(&v)
                    if case .object = before { return }
                    if case .native = before { return }
                    if try ctx.equals(before, v) { return }
                    throw RuntimeError(change.message(name), at: r)
                }, staticType: b.staticType)
            }
            return try compileLValue(e, isTarget: false)
        }
        let get = try compileExpr(e)
        return LValue(modify: { f, body in
            var v = try get(f)
            try body(&v)
        }, staticType: nil)
    }

    func isValueType(_ t: TypeRef?) -> Bool {
        switch t {
        case .array?, .dictionary?, .set?, .string?, .int?, .double?, .float?, .bool?, .tuple?: return true
        case .nominal(let n, _)?: return n.kind != .classType
        default: return false
        }
    }

    func memberLValue(base: LValue, name: String, node: some SyntaxProtocol, type: TypeRef?) -> LValue {
        let r = range(node)
        let ctx = self.ctx
        return LValue(modify: { f, body in
            try base.modify(f) { container in
                try located(r) { try ctx.modifyMember(&container, name, body) }
            }
        }, staticType: type)
    }

    func compileAssignment(_ lhs: ExprSyntax, _ rhs: ExprSyntax, node: some SyntaxProtocol) throws -> Eval {
        if lhs.is(DiscardAssignmentExprSyntax.self) {
            let value = try compileExpr(rhs)
            return { f in _ = try value(f); return .void }
        }
        if let tuple = lhs.as(TupleExprSyntax.self), tuple.elements.count > 1 {
            let targets = try tuple.elements.map { el -> LValue? in
                el.expression.is(DiscardAssignmentExprSyntax.self) ? nil : try compileLValue(el.expression)
            }
            let value = try compileExpr(rhs)
            let r = range(rhs)
            return { f in
                guard case .tuple(let t) = try value(f), t.elements.count == targets.count else {
                    throw RuntimeError("tuple sizes differ in assignment", at: r)
                }
                for (target, v) in zip(targets, t.elements) {
                    try target?.modify(f) { $0 = v }
                }
                return .void
            }
        }
        let target = try compileLValue(lhs)
        let value = try compileExpr(rhs, expected: target.staticType)
        let ctx = self.ctx
        if let t = target.staticType, needsCoercion(t) {
            return { f in
                let v = try ctx.coerce(try value(f), to: t)
                try target.modify(f) { $0 = v }
                return .void
            }
        }
        // Fast path: a plain local variable.
        if let ref = lhs.as(DeclReferenceExprSyntax.self), let b = scope.lookup(ref.baseName.text), b.observers == nil, b.accessors == nil, case .local(0, let slot) = access(b) {
            return { f in
                f.slots[slot] = try value(f)
                return .void
            }
        }
        return { f in
            let v = try value(f)
            try target.modify(f) { $0 = v }
            return .void
        }
    }

    func needsCoercion(_ t: TypeRef) -> Bool {
        switch t {
        case .double, .float, .optional, .character, .nominal, .native, .dictionary, .set, .tuple: return true
        case .array(.nominal(_, let arguments)): return !arguments.isEmpty   // `[Box<Double>]` holding `Box.one(1)`
        case .array(let e): return needsCoercion(e)                         // `[[Int?]]` holds optionals
        default: return false
        }
    }

    func compileCompoundAssignment(_ op: String, _ lhs: ExprSyntax, _ rhs: ExprSyntax, node: InfixOperatorExprSyntax) throws -> Eval {
        if ["+", "-", "*", "/", "%"].contains(op) { try rejectOptionalOperand(lhs) }
        if let fused = try fastElementCompound(op, lhs, rhs, node: node) { return fused }
        let target = try compileLValue(lhs)
        var t = target.staticType ?? staticType(lhs)
        if case .int? = t { t = nil }
        let value = try compileExpr(rhs, expected: t)
        let r = range(node)
        let ctx = self.ctx
        // Fast paths for `sum += i` on a variable of the running frame or the top level.
        if op == "+" || op == "-", let ref = lhs.as(DeclReferenceExprSyntax.self), let b = scope.lookup(ref.baseName.text), b.observers == nil, b.accessors == nil {
            let frame = frameOf(b)
            let slot = b.slot
            let isAdd = op == "+"
            return { f in
                let v = try value(f)
                let fr = frame(f)
                if case .int(let x) = fr.slots[slot], case .int(let y) = v {
                    let (s, o) = isAdd ? x.addingReportingOverflow(y) : x.subtractingReportingOverflow(y)
                    if o { throw RuntimeError("arithmetic overflow", at: r) }
                    fr.slots[slot] = .int(s)
                    return .void
                }
                var cur = fr.slots[slot]
                fr.slots[slot] = .void
                defer { fr.slots[slot] = cur }
                try located(r) { try ctx.compound(op, &cur, v) }
                return .void
            }
        }
        return { f in
            let v = try value(f)
            try target.modify(f) { cur in
                try located(r) { try ctx.compound(op, &cur, v) }
            }
            return .void
        }
    }
}

extension Context {
    /// `a += b` and friends, in place: `+=` on arrays and strings appends without a copy.
    func compound(_ op: String, _ cur: inout Value, _ v: Value) throws {
        if case .int(let x) = cur, case .int(let y) = v, op == "+" {
            let (s, o) = x.addingReportingOverflow(y)
            if o { throw overflow }
            cur = .int(s)
            return
        }
        if op == "+" {
            if case .string(var s) = cur {
                if case .string(let t) = v { cur = .void; s += t; cur = .string(s); return }
                if case .character(let c) = v { cur = .void; s.append(c); cur = .string(s); return }
            }
            if case .array(var a) = cur, case .array(let b) = v {
                cur = .void
                a.elements += b.elements
                cur = .array(a)
                return
            }
        }
        if case .native(let n) = cur, let r = try n.type.binaryOperator?(self, op + "=", cur, v) { cur = r; return }
        cur = try binary(op, cur, v)
    }
}
