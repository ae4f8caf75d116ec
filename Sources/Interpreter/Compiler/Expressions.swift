@_spi(Compiler) import SwiftParser
import SwiftSyntax
import Reports

extension Compiler {
    /// Lowers an expression. `expected` is the type the context asks for: literals adapt to it.
    func compileExpr(_ e: ExprSyntax, expected: TypeRef? = nil) throws -> Eval {
        switch e.as(ExprSyntaxEnum.self) {
        case .integerLiteralExpr(let lit):
            guard let v = lit.representedLiteralValue else { throw error("integer literal overflows when stored into 'Int'", lit, kind: "syntax") }
            let value: Value
            switch expected {
            case .double?, .optional(.double)?: value = .double(Double(v))
            case .float?, .optional(.float)?: value = .float(Float(v))
            case .native(let n)? where n.integerLiteral != nil, .optional(.native(let n))? where n.integerLiteral != nil:
                // `let b: UInt8 = 300` is rejected before the cell runs, as by swiftc.
                do { value = try n.integerLiteral!(v) } catch let e as RuntimeError { throw error(e.message, lit, kind: "type") }
            default: value = .int(v)
            }
            return { _ in value }
        case .floatLiteralExpr(let lit):
            let d = lit.representedLiteralValue ?? Double(lit.literal.text.replacingOccurrences(of: "_", with: "")) ?? 0
            let value: Value
            if case .float? = expected { value = .float(Float(d)) } else if case .optional(.float)? = expected { value = .float(Float(d)) } else { value = .double(d) }
            return { _ in value }
        case .booleanLiteralExpr(let lit):
            let value = Value.bool(lit.literal.tokenKind == .keyword(.true))
            return { _ in value }
        case .nilLiteralExpr:
            return { _ in .none }
        case .stringLiteralExpr(let lit):
            return try compileString(lit, expected: expected)
        case .declReferenceExpr(let ref):
            return try compileReference(ref)
        case .tupleExpr(let t):
            return try compileTuple(t, expected: expected)
        case .arrayExpr(let a):
            return try compileArray(a, expected: expected)
        case .dictionaryExpr(let d):
            return try compileDictionary(d, expected: expected)
        case .infixOperatorExpr(let op):
            return try compileInfix(op, expected: expected)
        case .prefixOperatorExpr(let p):
            return try compilePrefix(p, expected: expected)
        case .postfixOperatorExpr(let p):
            guard p.operator.text == "..." else { throw unsupported("postfix operator '\(p.operator.text)'", p) }
            let inner = try compileExpr(p.expression)
            let r = range(p)
            return { f in
                let v = try inner(f)
                if let i = v.stringIndex { return .stringIndexRange(StringIndexRange(lower: i, upper: nil, closed: false)) }
                return .range(try located(r) { try v.int("range") }, Int.max)
            }
        case .ternaryExpr(let t):
            let a = try compileExpr(t.thenExpression, expected: expected ?? staticType(t.elseExpression))
            let b = try compileExpr(t.elseExpression, expected: expected ?? staticType(t.thenExpression))
            if let fast = try fastTernary(t.condition, then: a, else: b) { return fast }
            let c = try compileCondition(t.condition)
            return { f in try c(f) ? try a(f) : try b(f) }
        case .functionCallExpr(let call):
            return try compileCall(call, expected: expected)
        case .memberAccessExpr(let m):
            return try compileMemberAccess(m, expected: expected)
        case .subscriptCallExpr(let s):
            return try compileSubscript(s)
        case .closureExpr(let c):
            return try compileClosure(c, expected: expected)
        case .forceUnwrapExpr(let u):
            let inner = try compileExpr(u.expression)
            let r = range(u)
            return { f in
                switch try inner(f) {
                case .some(let v): return v
                case .none: throw RuntimeError("Unexpectedly found nil while unwrapping an Optional value", at: r)
                case let v: return v
                }
            }
        case .optionalChainingExpr(let o):
            // `x?` alone (the chain's end is handled by member access / calls).
            return try compileExpr(o.expression)
        case .tryExpr(let t):
            return try compileTry(t, expected: expected)
        case .awaitExpr(let a):
            throw unsupported("'await'", a)
        case .asExpr(let a):
            return try compileAs(a)
        case .isExpr(let i):
            let inner = try compileExpr(i.expression)
            let check = try typeCheck(i.type)
            return { f in .bool(check(try inner(f))) }
        case .inOutExpr(let io):
            return try compileExpr(io.expression)
        case .discardAssignmentExpr(let d):
            throw error("'_' can only appear in a pattern or on the left side of an assignment", d, kind: "syntax")
        case .superExpr(let s):
            throw error("'super' cannot be used here", s)
        case .ifExpr(let i):
            return try compileIfExpression(i)
        case .switchExpr(let s):
            let exec = try compileSwitch(s, label: nil, valueMode: true)
            return { f in
                _ = try exec(f)
                return f.returnValue
            }
        case .regexLiteralExpr(let r):
            return try compileRegexLiteral(r)
        case .genericSpecializationExpr(let g):
            return try compileTypeExpr(Syntax(g))
        case .typeExpr(let t):
            return try compileTypeExpr(Syntax(t))
        case .macroExpansionExpr(let m):
            throw unsupported("macro '#\(m.macroName.text)'", m)
        case .keyPathExpr(let k):
            return try compileKeyPath(k)
        case .patternExpr(let p):
            throw error("pattern is not allowed here", p, kind: "syntax")
        case .sequenceExpr(let s):
            throw error("operators could not be grouped", s, kind: "syntax")
        default:
            throw unsupported("expression '\(e.trimmedDescription)'", e)
        }
    }

    /// A condition of `if`/`while`/ternary: must be a Bool.
    func compileCondition(_ e: ExprSyntax) throws -> (Frame) throws -> Bool {
        if let fast = try fastComparison(e) { return fast }
        let inner = try compileExpr(e)
        let r = range(e)
        return { f in
            if case .bool(let b) = try inner(f) { return b }
            throw RuntimeError("condition is not a Bool", at: r)
        }
    }

    // MARK: Literals

    func compileString(_ lit: StringLiteralExprSyntax, expected: TypeRef?) throws -> Eval {
        guard let kind = lit.stringLiteralKind else { throw error("malformed string literal", lit, kind: "syntax") }
        var parts: [EvalBox] = []   // not [Eval]: see `ExecList`
        var pending = ""
        var isPlain = true
        for segment in lit.segments {
            switch segment {
            case .stringSegment(let s):
                s.appendUnescapedLiteralValue(stringLiteralKind: kind, delimiterLength: lit.delimiterLength, to: &pending)
            case .expressionSegment(let x):
                isPlain = false
                if !pending.isEmpty {
                    let text = Value.string(pending)
                    parts.append(EvalBox { _ in text })
                    pending = ""
                }
                guard x.expressions.count == 1, let only = x.expressions.first, only.label == nil else {
                    throw unsupported("interpolation with labels", x)
                }
                let inner = try compileExpr(only.expression)
                let ctx = self.ctx
                parts.append(EvalBox { f in .string(try ctx.describe(try inner(f))) })
            }
        }
        if isPlain {
            let value: Value
            if case .character? = expected, pending.count == 1 { value = .character(pending.first!) } else { value = .string(pending) }
            return { _ in value }
        }
        if !pending.isEmpty {
            let text = Value.string(pending)
            parts.append(EvalBox { _ in text })
        }
        let pieces = parts
        return { f in
            var out = ""
            for p in pieces { if case .string(let s) = try p.eval(f) { out += s } }
            return .string(out)
        }
    }

    func compileTuple(_ t: TupleExprSyntax, expected: TypeRef?) throws -> Eval {
        if t.elements.count == 1, let only = t.elements.first, only.label == nil {
            return try compileExpr(only.expression, expected: expected)
        }
        var expectedTypes: [TypeRef]? = nil
        if case .tuple(let ts, _)? = expected, ts.count == t.elements.count { expectedTypes = ts }
        let elements = try t.elements.enumerated().map { i, el in try compileExpr(el.expression, expected: expectedTypes?[i]) }
        let labels = t.elements.map { $0.label?.text }
        return { f in .tuple(TupleValue(try elements.map { try $0(f) }, labels: labels)) }
    }

    func compileArray(_ a: ArrayExprSyntax, expected: TypeRef?) throws -> Eval {
        var elementType: TypeRef? = nil
        if case .array(let e)? = expected { elementType = e }
        if case .optional(.array(let e))? = expected { elementType = e }
        // `["a", "b"]` where a Set is expected (`let s: [Set<String>] = [["a"]]`) is a set literal.
        if case .set(let e)? = expected ?? nil {
            let list = try compileArray(a, expected: .array(e))
            let ctx = self.ctx
            return { f in try ctx.coerce(try list(f), to: .set(e)) }
        }
        if case .optional(.set(let e))? = expected {
            let list = try compileArray(a, expected: .array(e))
            let ctx = self.ctx
            return { f in .some(try ctx.coerce(try list(f), to: .set(e))) }
        }
        if elementType == nil {
            // `[1, 2.5]` is [Double]: a float literal anywhere makes the integer literals Double.
            elementType = a.elements.lazy.compactMap { self.staticType($0.expression) }.first(where: { if case .double = $0 { return true }; return false })
            // `[Level.high, .low]`: implicit members take the first element's enum type.
            if elementType == nil, let first = a.elements.first, case .nominal? = staticType(first.expression) { elementType = staticType(first.expression) }
            // `[UInt8(3), 7]`: literals take the first element's fixed-width integer type.
            if elementType == nil, let first = a.elements.first, let t = staticType(first.expression), isFixedWidthInteger(t) { elementType = t }
        }
        let elements = try a.elements.map { try compileExpr($0.expression, expected: elementType) }
        return { f in
            var out: [Value] = []
            out.reserveCapacity(elements.count)
            for e in elements { out.append(try e(f)) }
            return .array(ArrayStorage(out))
        }
    }

    func compileDictionary(_ d: DictionaryExprSyntax, expected: TypeRef?) throws -> Eval {
        guard case .elements(let list) = d.content else { return { _ in .dictionary(OrderedDictionary()) } }
        var kt: TypeRef? = nil, vt: TypeRef? = nil
        if case .dictionary(let k, let v)? = expected { kt = k; vt = v }
        let pairs = try list.map { (try compileExpr($0.key, expected: kt), try compileExpr($0.value, expected: vt)) }
        let r = range(d)
        return { f in
            var out = OrderedDictionary()
            for (k, v) in pairs {
                let key = try k(f)
                if out.position(of: key) != nil {
                    throw RuntimeError("Dictionary literal contains duplicate keys", at: r)
                }
                out.set(key, try v(f))
            }
            return .dictionary(out)
        }
    }

    // MARK: Names

    func compileReference(_ ref: DeclReferenceExprSyntax) throws -> Eval {
        let name = ref.baseName.text
        if ref.baseName.tokenKind == .keyword(.self) { return try compileSelf(ref) }
        if ref.baseName.tokenKind == .keyword(.Self), let t = selfType {
            let v = Value.type(.nominal(t, []))
            // In a class, `Self` is the instance's own class.
            if t.kind == .classType, let sb = scope.lookup("self") {
                let get = load(sb)
                return { f in
                    if case .object(let o) = try get(f) { return .type(.nominal(o.type, [])) }
                    return v
                }
            }
            return { _ in v }
        }
        if let n = nestedType(name), !isVariable(name) {
            let v = Value.type(.nominal(n, []))
            return { _ in v }
        }
        if let b = scope.lookup(name) {
            switch b.kind {
            case .variable: return load(b)
            case .functions(let overloads):
                let chosen = try pickOverload(overloads, argumentNames: ref.argumentNames, node: ref)
                let binding = Binding(kind: .variable(isLet: true), slot: chosen.slot, owner: b.owner)
                return load(binding)
            case .type(let t):
                let v = Value.type(t)
                return { _ in v }
            }
        }
        // Members of self used without `self.` inside a type's methods.
        if let t = selfType, let member = try implicitSelfMember(name, t, ref) { return member }
        if let fs = builtins.functions[name] {
            if fs.count == 1 || ref.argumentNames == nil { let v = Value.function(fs[0]); return { _ in v } }
            let labels = ref.argumentNames!.arguments.map { $0.name.text == "_" ? nil : $0.name.text }
            if let f = fs.first(where: { $0.proto.params.map(\.label) == labels }) { let v = Value.function(f); return { _ in v } }
        }
        if let t = builtins.types[name] { let v = Value.type(t); return { _ in v } }
        if let c = builtins.constants[name] { return { _ in c } }
        if Compiler.operatorNames.contains(name) {
            // `reduce(0, +)`, `sorted(by: >)`: an operator used as a function.
            let f = Value.function(Function.native(name, labels: [nil, nil]) { ctx, args in try ctx.binary(name, args[0], args[1]) })
            return { _ in f }
        }
        return unknownName(name, ref)
    }

    func isVariable(_ name: String) -> Bool {
        if let b = scope.lookup(name), case .variable = b.kind { return true }
        return false
    }

    func pickOverload(_ overloads: [(proto: FunctionProto, slot: Int)], argumentNames: DeclNameArgumentsSyntax?, node: some SyntaxProtocol) throws -> (proto: FunctionProto, slot: Int) {
        if overloads.count == 1 { return overloads[0] }
        if let names = argumentNames {
            let labels = names.arguments.map { $0.name.text == "_" ? nil : $0.name.text }
            if let o = overloads.first(where: { $0.proto.params.map(\.label) == labels }) { return o }
        }
        throw error("ambiguous use of '\(overloads[0].proto.name)'", node, kind: "type")
    }

    func compileSelf(_ node: some SyntaxProtocol) throws -> Eval {
        guard let b = scope.lookup("self") else { throw error("cannot find 'self' in scope", node, kind: "unknown-name") }
        return load(b)
    }

    /// `units` inside a method meaning `self.units`.
    func implicitSelfMember(_ name: String, _ t: NominalType, _ node: DeclReferenceExprSyntax) throws -> Eval? {
        guard let selfBinding = scope.lookup("self") else {
            // Static context: static members.
            if let (owner, si) = t.staticStorage(name) { return { _ in owner.staticValues[si] } }
            return nil
        }
        if t.kind == .structType, t.lazyProperty(name) != nil {
            return lazyRead(try compileLValue(ExprSyntax(DeclReferenceExprSyntax(baseName: .keyword(.self))), isTarget: false), name, node)
        }
        let base = load(selfBinding)
        if t.fieldIndex[name] != nil || t.getters[name] != nil || t.superclass?.fieldIndex[name] != nil
            || t.getter(name) != nil || !t.methods(named: name).isEmpty || hasPendingMember(t, name)
            || (name == "rawValue" && t.kind == .enumType && t.rawType != nil) {
            return memberGetter(base: base, name: name, node: node)
        }
        if t.staticStorage(name) != nil || t.staticGetter(name) != nil {
            let v = Value.type(.nominal(t, []))
            return memberGetter(base: { _ in v }, name: name, node: node)
        }
        return nil
    }

    // MARK: Operators

    func compilePrefix(_ p: PrefixOperatorExprSyntax, expected: TypeRef?) throws -> Eval {
        let op = p.operator.text
        let inner = try compileExpr(p.expression, expected: expected)
        let r = range(p)
        let ctx = self.ctx
        switch op {
        case "-":
            return { f in
                switch try inner(f) {
                case .int(let i):
                    if i == .min { throw RuntimeError("arithmetic overflow", at: r) }
                    return .int(-i)
                case .double(let d): return .double(-d)
                case .float(let x): return .float(-x)
                case let v:
                    if case .native(let n) = v, let out = try located(r, { try n.type.prefixOperator?(ctx, "-", v) }) { return out }
                    return try located(r) { try ctx.userPrefixOperator("-", v) }
                }
            }
        case "+": return inner
        case "!":
            return { f in
                let v = try inner(f)
                if case .bool(let b) = v { return .bool(!b) }
                if nominalType(of: v) != nil { return try located(r) { try ctx.userPrefixOperator("!", v) } }
                throw RuntimeError("operator '!' needs a Bool", at: r)
            }
        case "~":
            return { f in
                let v = try inner(f)
                if case .native(let n) = v, let out = try located(r, { try n.type.prefixOperator?(ctx, "~", v) }) { return out }
                return .int(~(try v.int()))
            }
        case "..<", "...":
            let closed = op == "..."
            return { f in
                let v = try inner(f)
                if let i = v.stringIndex { return .stringIndexRange(StringIndexRange(lower: nil, upper: i, closed: closed)) }
                let u = try located(r) { try v.int() }
                return closed ? .closedRange(Int.min, u) : .range(Int.min, u)
            }
        default:
            throw unsupported("prefix operator '\(op)'", p)
        }
    }

    func compileTypeExpr(_ node: Syntax) throws -> Eval {
        let t: TypeRef
        if let te = node.as(TypeExprSyntax.self) { t = try resolveType(te.type, node: te) } else {
            guard let e = node.as(ExprSyntax.self), let found = try typeFromExpression(e) else { throw unsupported("type expression", node) }
            t = found
        }
        let v = Value.type(t)
        return { _ in v }
    }

    /// A type written where an expression stands: `Tensor<Int32>`, `[Int]`, `[String: Int]`.
    func typeFromExpression(_ e: ExprSyntax) throws -> TypeRef? {
        if let ref = e.as(DeclReferenceExprSyntax.self) {
            if let b = scope.lookup(ref.baseName.text) { if case .type(let t) = b.kind { return t }; return nil }
            return builtins.types[ref.baseName.text]
        }
        if let g = e.as(GenericSpecializationExprSyntax.self), let ref = g.expression.as(DeclReferenceExprSyntax.self) {
            let args = try g.genericArgumentClause.arguments.map { arg -> TypeRef in
                guard case .type(let ty) = arg.argument else { throw unsupported("generic argument", arg) }
                return try resolveType(ty, node: arg)
            }
            return try genericType(ref.baseName.text, args, node: g)
        }
        if let a = e.as(ArrayExprSyntax.self), a.elements.count == 1, let el = try typeFromExpression(a.elements.first!.expression) {
            return .array(el)
        }
        if let d = e.as(DictionaryExprSyntax.self), case .elements(let list) = d.content, list.count == 1,
           let k = try typeFromExpression(list.first!.key), let v = try typeFromExpression(list.first!.value) {
            return .dictionary(k, v)
        }
        return nil
    }

    /// `\.name` or `\.a.b` used as a function (`words.map(\.count)`, `sorted { ... }`).
    func compileKeyPath(_ k: KeyPathExprSyntax) throws -> Eval {
        guard k.root == nil else { throw unsupported("key path with a root type", k) }
        var names: [String] = []
        for c in k.components {
            guard case .property(let p) = c.component else { throw unsupported("key path component '\(c.trimmedDescription)'", c) }
            names.append(p.declName.baseName.text)
        }
        let path = names
        let f = Value.function(Function.native("\\." + path.joined(separator: "."), labels: [nil]) { ctx, args in
            var v = args[0]
            for name in path { v = try ctx.getMember(v, name) }
            return v
        })
        return { _ in f }
    }

    func compileRegexLiteral(_ r: RegexLiteralExprSyntax) throws -> Eval {
        guard case .native(let regexType)? = builtins.types["Regex"] else { throw unsupported("regex literal", r) }
        let pattern = r.regex.text
        let value: Value
        do { value = .native(NativeValue(try RegexValue(pattern), type: regexType)) } catch let e as RuntimeError {
            throw error(e.message, r, kind: "syntax")
        }
        return { _ in value }
    }

    func compileAs(_ a: AsExprSyntax) throws -> Eval {
        let target = try resolveType(a.type, node: a.type)
        let inner = try compileExpr(a.expression, expected: target)
        let ctx = self.ctx
        let check = try typeCheck(a.type)
        let r = range(a)
        switch a.questionOrExclamationMark?.tokenKind {
        case .postfixQuestionMark?:
            return { f in
                let v = try inner(f)
                return check(v) ? .some(try ctx.coerce(v, to: target)) : .none
            }
        case .exclamationMark?:
            return { f in
                let v = try inner(f)
                guard check(v) else { throw RuntimeError("Could not cast value of type '\(typeName(v))' to '\(target.name)'", at: r) }
                return try ctx.coerce(v, to: target)
            }
        default:
            return { f in try ctx.coerce(try inner(f), to: target) }
        }
    }

    func compileTry(_ t: TryExprSyntax, expected: TypeRef?) throws -> Eval {
        let inner = try compileExpr(t.expression, expected: expected)
        let r = range(t)
        switch t.questionOrExclamationMark?.tokenKind {
        case .postfixQuestionMark?:
            return { f in
                do {
                    let v = try inner(f)
                    if case .some = v { return v }
                    if case .none = v { return v }
                    return .some(v)
                } catch is ThrownValue { return .none }
            }
        case .exclamationMark?:
            let ctx = self.ctx
            return { f in
                do { return try inner(f) } catch let e as ThrownValue {
                    throw RuntimeError("'try!' expression unexpectedly raised an error: \(try ctx.describe(e.value, debug: true))", at: r)
                }
            }
        default:
            // An error leaving the top level is reported at the `try` that let it out.
            guard function.isGlobal, closureCaptures.isEmpty else { return inner }
            return { f in
                do { return try inner(f) } catch var e as ThrownValue {
                    e.range = r
                    throw e
                }
            }
        }
    }

    func compileIfExpression(_ i: IfExprSyntax) throws -> Eval {
        // `let x = if c { a } else { b }`: each branch is one expression.
        func branchValue(_ block: CodeBlockSyntax) throws -> Eval {
            guard block.statements.count == 1, case .expr(let e) = block.statements.first!.item else {
                throw unsupported("'if' expression with statements", block)
            }
            return try compileExpr(e)
        }
        guard i.conditions.count == 1, case .expression(let c) = i.conditions.first!.condition else {
            throw unsupported("'if' expression with bindings", i)
        }
        let cond = try compileCondition(c)
        let a = try branchValue(i.body)
        guard case .codeBlock(let elseBlock)? = i.elseBody else { throw unsupported("'if' expression without 'else'", i) }
        let b = try branchValue(elseBlock)
        return { f in try cond(f) ? try a(f) : try b(f) }
    }
}
