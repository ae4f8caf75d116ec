import SwiftSyntax
import Reports

extension Compiler {
    func compileInfix(_ node: InfixOperatorExprSyntax, expected: TypeRef?) throws -> Eval {
        if node.operator.is(AssignmentExprSyntax.self) {
            return try compileAssignment(node.leftOperand, node.rightOperand, node: node)
        }
        guard let opNode = node.operator.as(BinaryOperatorExprSyntax.self) else {
            throw unsupported("operator '\(node.operator.trimmedDescription)'", node.operator)
        }
        let op = opNode.operator.text
        let r = range(node)
        let ctx = self.ctx
        switch op {
        case "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&+=", "&-=", "&*=", "&<<=", "&>>=":
            return try compileCompoundAssignment(String(op.dropLast()), node.leftOperand, node.rightOperand, node: node)
        case "&&":
            let a = try compileCondition(node.leftOperand), b = try compileCondition(node.rightOperand)
            return { f in .bool(try a(f) && b(f)) }
        case "||":
            let a = try compileCondition(node.leftOperand), b = try compileCondition(node.rightOperand)
            return { f in .bool(try a(f) || b(f)) }
        case "??":
            let a = try compileExpr(node.leftOperand)
            let b = try compileExpr(node.rightOperand, expected: expected ?? staticType(node.leftOperand))
            return { f in
                switch try a(f) {
                case .some(let v): return v
                case .none: return try b(f)
                case let v: return v
                }
            }
        default: break
        }
        if ["+", "-", "*", "/", "%", "<", ">", "<=", ">="].contains(op) {
            try rejectOptionalOperand(node.leftOperand)
            try rejectOptionalOperand(node.rightOperand)
        }
        try checkConstantOverflow(op, node.leftOperand, node.rightOperand, expected: expected, at: opNode)
        if ["+", "-", "*", "/", "<", ">", "<=", ">=", "==", "!="].contains(op),
           let a = knownType(node.leftOperand), let b = knownType(node.rightOperand),
           isNumeric(a) || isFixedWidthInteger(a), isNumeric(b) || isFixedWidthInteger(b), a.name != b.name {
            throw error("binary operator '\(op)' cannot be applied to operands of type '\(a.name)' and '\(b.name)'", opNode, kind: "type")
        }
        // Literals adapt to the other operand's type (`x * 2` with x: Double, `1 / 2 * 3.0`).
        var operandType = staticType(node.leftOperand) ?? staticType(node.rightOperand)
        if case .optional(let w)? = operandType { operandType = w }
        if case .int? = operandType { operandType = nil }
        if operandType == nil, ["+", "-", "*", "/"].contains(op), let e = expected, isFloating(e) { operandType = e }
        let lhs = try compileExpr(node.leftOperand, expected: operandType)
        let rhs = try compileExpr(node.rightOperand, expected: operandType)
        // Constant right operands (`n - 1`, `i < 10`) are the common case of hot loops.
        let constant: Int? = {
            if let lit = node.rightOperand.as(IntegerLiteralExprSyntax.self), operandType == nil { return lit.representedLiteralValue }
            return nil
        }()
        if operandType == nil, let fast = fastArithmetic(op, node.leftOperand, node.rightOperand,
                                                         general: { f in try located(r) { try ctx.binary(op, try lhs(f), try rhs(f)) } }, range: r) {
            return fast
        }
        switch op {
        case "+":
            if let c = constant {
                return { f in
                    let a = try lhs(f)
                    if case .int(let x) = a {
                        let (s, o) = x.addingReportingOverflow(c)
                        if o { throw RuntimeError("arithmetic overflow", at: r) }
                        return .int(s)
                    }
                    return try located(r) { try ctx.add(a, .int(c)) }
                }
            }
            return { f in
                let a = try lhs(f), b = try rhs(f)
                if case .int(let x) = a, case .int(let y) = b {
                    let (s, o) = x.addingReportingOverflow(y)
                    if o { throw RuntimeError("arithmetic overflow", at: r) }
                    return .int(s)
                }
                return try located(r) { try ctx.add(a, b) }
            }
        case "-":
            if let c = constant {
                return { f in
                    let a = try lhs(f)
                    if case .int(let x) = a {
                        let (s, o) = x.subtractingReportingOverflow(c)
                        if o { throw RuntimeError("arithmetic overflow", at: r) }
                        return .int(s)
                    }
                    return try located(r) { try ctx.subtract(a, .int(c)) }
                }
            }
            return { f in
                let a = try lhs(f), b = try rhs(f)
                if case .int(let x) = a, case .int(let y) = b {
                    let (s, o) = x.subtractingReportingOverflow(y)
                    if o { throw RuntimeError("arithmetic overflow", at: r) }
                    return .int(s)
                }
                return try located(r) { try ctx.subtract(a, b) }
            }
        case "*":
            return { f in
                let a = try lhs(f), b = try rhs(f)
                if case .int(let x) = a, case .int(let y) = b {
                    let (s, o) = x.multipliedReportingOverflow(by: y)
                    if o { throw RuntimeError("arithmetic overflow", at: r) }
                    return .int(s)
                }
                return try located(r) { try ctx.multiply(a, b) }
            }
        case "<", ">", "<=", ">=":
            let flip = op == ">" || op == "<="
            let negate = op == ">=" || op == "<="
            if let c = constant {
                return { f in
                    let a = try lhs(f)
                    if case .int(let x) = a {
                        let lt = flip ? c < x : x < c
                        return .bool(negate ? !lt : lt)
                    }
                    let lt = try located(r) { flip ? try ctx.less(.int(c), a) : try ctx.less(a, .int(c)) }
                    return .bool(negate ? !lt : lt)
                }
            }
            return { f in
                let a = try lhs(f), b = try rhs(f)
                if case .int(let x) = a, case .int(let y) = b {
                    let lt = flip ? y < x : x < y
                    return .bool(negate ? !lt : lt)
                }
                if case .native = a { return try located(r) { try ctx.userOperator(op, a, b) } }
                if case .native = b { return try located(r) { try ctx.userOperator(op, a, b) } }
                let lt = try located(r) { flip ? try ctx.less(b, a) : try ctx.less(a, b) }
                return .bool(negate ? !lt : lt)
            }
        case "==", "!=":
            let negate = op == "!="
            return { f in
                let a = try lhs(f), b = try rhs(f)
                if case .int(let x) = a, case .int(let y) = b { return .bool((x == y) != negate) }
                if case .native = a { return try located(r) { try ctx.userOperator(op, a, b) } }
                if case .native = b { return try located(r) { try ctx.userOperator(op, a, b) } }
                return .bool(try located(r) { try ctx.equals(a, b) } != negate)
            }
        default:
            return { f in
                let a = try lhs(f), b = try rhs(f)
                return try located(r) { try ctx.binary(op, a, b) }
            }
        }
    }

    /// `maybe + 1` with `maybe: Int?`: Swift rejects it before the program runs.
    func rejectOptionalOperand(_ e: ExprSyntax) throws {
        guard case .optional(let w)? = staticType(e), isKnownWrapped(w) else { return }
        throw error("value of optional type '\(sugaredName(.optional(w)))' must be unwrapped to a value of type '\(sugaredName(w))'", e, kind: "type")
    }

    /// Wrapped types whose optional the checks above reject (the types the compiler knows for sure).
    func isKnownWrapped(_ t: TypeRef) -> Bool {
        switch t {
        case .int, .double, .float, .string, .bool: return true
        case .array(let e), .set(let e): return isKnownWrapped(e)
        case .dictionary(let k, let v): return isKnownWrapped(k) && isKnownWrapped(v)
        default: return isFixedWidthInteger(t)
        }
    }

    /// Members of Optional itself (`maybe.map { }`), used without unwrapping.
    static let optionalMembers: Set<String> = ["map", "flatMap", "debugDescription", "unsafelyUnwrapped", "customMirror", "hashValue", "hash", "some", "none"]

    /// The declared type of a plain variable (not of a literal, which adapts).
    func variableType(_ e: ExprSyntax) -> TypeRef? {
        guard let ref = e.as(DeclReferenceExprSyntax.self), let b = scope.lookup(ref.baseName.text), case .variable = b.kind else { return nil }
        return b.staticType
    }

    /// An operand's type known before it runs: a variable's, or a typed integer constant's
    /// (`Int8(1)`, `Int.max`; a bare literal has none: it takes the other operand's).
    func knownType(_ e: ExprSyntax) -> TypeRef? {
        if let t = variableType(e) { return t }
        guard let (value, typed) = integerConstant(e), typed else { return nil }
        if case .native(let n) = value { return .native(n.type) }
        return .int
    }

    func isNumeric(_ t: TypeRef) -> Bool {
        switch t {
        case .int, .double, .float: return true
        default: return false
        }
    }

    /// Int8 ... UInt64: native types that take integer literals.
    func isFixedWidthInteger(_ t: TypeRef) -> Bool {
        if case .native(let n) = t { return n.integerLiteral != nil }
        return false
    }

    func isFloating(_ t: TypeRef) -> Bool {
        switch t {
        case .double, .float: return true
        default: return false
        }
    }

    /// The type an expression has when it can be told without running it (for literal typing).
    func staticType(_ e: ExprSyntax) -> TypeRef? {
        switch e.as(ExprSyntaxEnum.self) {
        case .floatLiteralExpr: return .double
        case .stringLiteralExpr: return .string
        case .booleanLiteralExpr: return .bool
        case .declReferenceExpr(let ref):
            if let b = scope.lookup(ref.baseName.text) {
                if case .functions = b.kind { return nil }
                return b.staticType
            }
            if let t = selfType, scope.lookup("self") != nil, let i = t.fieldIndex[ref.baseName.text] { return t.fields[i].type }
            return nil
        case .tupleExpr(let t) where t.elements.count == 1:
            return staticType(t.elements.first!.expression)
        case .tupleExpr(let t) where !t.elements.isEmpty:
            // `(x: 0.0, y: 0)`: the labels and what each element is (an integer literal is an Int here).
            let types = t.elements.map { el -> TypeRef in
                if let known = staticType(el.expression) { return known }
                return el.expression.is(IntegerLiteralExprSyntax.self) ? .int : .any
            }
            return .tuple(types, t.elements.map { $0.label?.text })
        case .prefixOperatorExpr(let p): return staticType(p.expression)
        case .infixOperatorExpr(let i):
            if let op = i.operator.as(BinaryOperatorExprSyntax.self)?.operator.text {
                if ["<", ">", "<=", ">=", "==", "!=", "&&", "||"].contains(op) { return .bool }
                if ["+", "-", "*", "/", "%"].contains(op) { return staticType(i.leftOperand) ?? staticType(i.rightOperand) }
            }
            return nil
        case .arrayExpr(let a):
            return .array(a.elements.first.flatMap { staticType($0.expression) } ?? .any)
        case .dictionaryExpr: return .dictionary(.any, .any)
        case .functionCallExpr(let c):
            if let ref = c.calledExpression.as(DeclReferenceExprSyntax.self) {
                if let b = scope.lookup(ref.baseName.text), case .type(let t) = b.kind { return t }
                switch ref.baseName.text {
                case "Double": return .double
                case "Float": return .float
                case "Int": return .int
                case "String": return .string
                case let name where builtins.types[name].map(isFixedWidthInteger) == true: return builtins.types[name]
                case "sqrt", "exp", "log", "sin", "cos", "tan", "pow", "tanh":
                    return c.arguments.first.flatMap { staticType($0.expression) } ?? .double
                default:
                    if let b = scope.lookup(ref.baseName.text), case .functions(let fs) = b.kind { return fs[0].proto.returnType }
                }
            }
            // `Barcode.upc(8, 85909, 51226, 3)`: a case of the enum named.
            if let m = c.calledExpression.as(MemberAccessExprSyntax.self), let base = m.base?.as(DeclReferenceExprSyntax.self),
               let b = scope.lookup(base.baseName.text), case .type(.nominal(let t, _)) = b.kind, t.caseIndex[m.declName.baseName.text] != nil {
                return .nominal(t, [])
            }
            return nil
        case .memberAccessExpr(let m):
            let name = m.declName.baseName.text
            if m.base == nil { return nil }
            if name == "count" || name == "rank" || name == "scalarCount" { return .int }
            if m.base!.as(DeclReferenceExprSyntax.self)?.baseName.text == "Double" { return .double }
            if m.base!.as(DeclReferenceExprSyntax.self)?.baseName.text == "Float" { return .float }
            if m.base!.as(DeclReferenceExprSyntax.self)?.baseName.tokenKind == .keyword(.self), let t = selfType, let i = t.fieldIndex[name] {
                return t.fields[i].type
            }
            if case .nominal(let t, _)? = staticType(m.base!), let i = t.fieldIndex[name] { return t.fields[i].type }
            // `Level.high`: a case (or static value) of a cell's type has that type.
            if let ref = m.base!.as(DeclReferenceExprSyntax.self), let b = scope.lookup(ref.baseName.text),
               case .type(.nominal(let t, _)) = b.kind, t.caseIndex[name] != nil { return .nominal(t, []) }
            return nil
        case .subscriptCallExpr(let sc):
            if case .array(let e)? = staticType(sc.calledExpression), sc.arguments.count == 1 { return e }
            return nil
        default: return nil
        }
    }
}
