import SwiftSyntax
import Reports

/// Specialised closures for the shapes hot loops and recursive functions are made of
/// (`n < 2`, `n - 1`, `i + j` on local Int variables): they read the frame's slots directly and
/// skip boxing a Bool. Any other value falls back to the general operator.
extension Compiler {
    /// The slot of a variable of the running frame that is read in place, or nil.
    func localSlot(_ e: ExprSyntax) -> Int? {
        guard let ref = e.as(DeclReferenceExprSyntax.self), let b = scope.lookup(ref.baseName.text), case .variable = b.kind, b.accessors == nil else { return nil }
        if b.captureByValue, let cc = closureCaptures.last, !isInside(b.owner, cc.function) { return nil }
        if case .local(0, let slot) = access(b) { return slot }
        return nil
    }

    func intConstant(_ e: ExprSyntax) -> Int? {
        e.as(IntegerLiteralExprSyntax.self)?.representedLiteralValue
    }

    /// `a OP b` for comparisons, where `a` is a local slot and `b` a slot or an Int literal.
    func fastComparison(_ e: ExprSyntax) throws -> ((Frame) throws -> Bool)? {
        guard let infix = e.as(InfixOperatorExprSyntax.self), let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text,
              ["<", "<=", ">", ">=", "==", "!="].contains(op), let a = localSlot(infix.leftOperand) else { return nil }
        let general = try compileExpr(e)
        let r = range(e)
        func slow(_ f: Frame) throws -> Bool {
            if case .bool(let b) = try general(f) { return b }
            throw RuntimeError("condition is not a Bool", at: r)
        }
        if let c = intConstant(infix.rightOperand) {
            switch op {
            case "<": return { f in if case .int(let x) = f.slots[a] { return x < c }; return try slow(f) }
            case "<=": return { f in if case .int(let x) = f.slots[a] { return x <= c }; return try slow(f) }
            case ">": return { f in if case .int(let x) = f.slots[a] { return x > c }; return try slow(f) }
            case ">=": return { f in if case .int(let x) = f.slots[a] { return x >= c }; return try slow(f) }
            case "==": return { f in if case .int(let x) = f.slots[a] { return x == c }; return try slow(f) }
            default: return { f in if case .int(let x) = f.slots[a] { return x != c }; return try slow(f) }
            }
        }
        if let b = localSlot(infix.rightOperand) {
            switch op {
            case "<": return { f in if case .int(let x) = f.slots[a], case .int(let y) = f.slots[b] { return x < y }; return try slow(f) }
            case "<=": return { f in if case .int(let x) = f.slots[a], case .int(let y) = f.slots[b] { return x <= y }; return try slow(f) }
            case ">": return { f in if case .int(let x) = f.slots[a], case .int(let y) = f.slots[b] { return x > y }; return try slow(f) }
            case ">=": return { f in if case .int(let x) = f.slots[a], case .int(let y) = f.slots[b] { return x >= y }; return try slow(f) }
            case "==": return { f in if case .int(let x) = f.slots[a], case .int(let y) = f.slots[b] { return x == y }; return try slow(f) }
            default: return { f in if case .int(let x) = f.slots[a], case .int(let y) = f.slots[b] { return x != y }; return try slow(f) }
            }
        }
        return nil
    }

    /// `n < 2 ? a : b`, a local compared to an Int literal: the comparison is made here rather
    /// than by a condition closure (one closure call less per evaluation, as in `fib`).
    func fastTernary(_ condition: ExprSyntax, then a: @escaping Eval, else b: @escaping Eval) throws -> Eval? {
        guard let infix = condition.as(InfixOperatorExprSyntax.self), let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text,
              ["<", "<=", ">", ">=", "==", "!="].contains(op), let slot = localSlot(infix.leftOperand),
              let c = intConstant(infix.rightOperand), let slow = try fastComparison(condition) else { return nil }
        // `x OP c` is `x < c`, `c < x` or `x == c`, possibly negated.
        let equality = op == "==" || op == "!=", flip = op == ">" || op == "<=", negate = op == ">=" || op == "<=" || op == "!="
        return { f in
            let holds: Bool
            if case .int(let x) = f.slots[slot] {
                holds = (equality ? x == c : flip ? c < x : x < c) != negate
            } else {
                holds = try slow(f)
            }
            return holds ? try a(f) : try b(f)
        }
    }

    /// `n - 1` or `n + 2`: a local slot and the Int literal added to it, for calls that compute
    /// such an argument themselves (`fib(n - 1)`).
    func slotShift(_ e: ExprSyntax) -> (slot: Int, by: Int)? {
        guard let infix = e.as(InfixOperatorExprSyntax.self), let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text,
              op == "+" || op == "-", let slot = localSlot(infix.leftOperand), let c = intConstant(infix.rightOperand) else { return nil }
        return (slot, op == "+" ? c : -c)
    }

    /// `n - 1`, `n + 1`, `i + j` on local slots: overflow still traps.
    func fastArithmetic(_ op: String, _ lhs: ExprSyntax, _ rhs: ExprSyntax, general: @escaping Eval, range r: SourceRange) -> Eval? {
        guard op == "+" || op == "-", let a = localSlot(lhs) else { return nil }
        let isAdd = op == "+"
        if let c = intConstant(rhs) {
            return { f in
                if case .int(let x) = f.slots[a] {
                    let (v, o) = isAdd ? x.addingReportingOverflow(c) : x.subtractingReportingOverflow(c)
                    if o { throw RuntimeError("arithmetic overflow", at: r) }
                    return .int(v)
                }
                return try general(f)
            }
        }
        if let b = localSlot(rhs) {
            return { f in
                if case .int(let x) = f.slots[a], case .int(let y) = f.slots[b] {
                    let (v, o) = isAdd ? x.addingReportingOverflow(y) : x.subtractingReportingOverflow(y)
                    if o { throw RuntimeError("arithmetic overflow", at: r) }
                    return .int(v)
                }
                return try general(f)
            }
        }
        return nil
    }

    /// `counts[word, default: 0] += 1` and `xs[i] += x` on a variable (a dictionary with a default,
    /// an array): one closure changes the element in place, instead of a chain of lvalue closures.
    /// Errors keep their places: a bad index at the subscript, an overflow at the whole statement.
    func fastElementCompound(_ op: String, _ lhs: ExprSyntax, _ rhs: ExprSyntax, node: InfixOperatorExprSyntax) throws -> Eval? {
        guard let s = lhs.as(SubscriptCallExprSyntax.self), s.trailingClosure == nil,
              let ref = s.calledExpression.as(DeclReferenceExprSyntax.self), let b = scope.lookup(ref.baseName.text),
              case .variable(isLet: false) = b.kind, b.observers == nil, b.accessors == nil else { return nil }
        let labels = s.arguments.map { $0.label?.text }
        let keyType: TypeRef?, elementType: TypeRef?
        switch staticType(s.calledExpression) {
        case .dictionary(let k, let v)? where labels == [nil, "default"]: (keyType, elementType) = (k, v)
        case .array(let e)? where labels == [nil]: (keyType, elementType) = (.int, e)
        default: return nil
        }
        let arguments = Array(s.arguments)
        let key = try compileExpr(arguments[0].expression, expected: keyType)
        // Int literals (`+= 1`, `default: 0`) are values here, not closures to call.
        let isIntElement: Bool = { if case .int = elementType { return true }; return false }()
        let rhsConstant = isIntElement ? intConstant(rhs).map(Value.int) : nil
        let defaultConstant = isIntElement && labels.count == 2 ? intConstant(arguments[1].expression).map(Value.int) : nil
        let defaultValue = labels.count == 2 && defaultConstant == nil ? try compileExpr(arguments[1].expression, expected: elementType) : nil
        let value = rhsConstant == nil ? try compileExpr(rhs, expected: isIntElement ? nil : elementType) : nil
        let frame = frameOf(b), slot = b.slot, global: Frame? = b.owner.isGlobal ? ctx.globals : nil
        let ctx = self.ctx, subscriptRange = range(s), statementRange = range(node)
        let isAdd = op == "+", isSubtract = op == "-"
        return { f in
            let v = try rhsConstant ?? value!(f)
            let k = try key(f)
            let d = try defaultConstant ?? defaultValue?(f)
            let fr = global ?? frame(f)
            // The variable's value is moved out while it changes (unique: no copy on write), and
            // moved back; swapping costs no reference counting.
            var container = Value.void
            swap(&container, &fr.slots[slot])
            defer { swap(&container, &fr.slots[slot]) }
            try located(subscriptRange) {
                try ctx.modifySubscript(&container, key: k, default: d) { element in
                    if isAdd || isSubtract, case .int(let x) = element, case .int(let y) = v {
                        let (r, o) = isAdd ? x.addingReportingOverflow(y) : x.subtractingReportingOverflow(y)
                        if o { throw RuntimeError("arithmetic overflow", at: statementRange) }
                        element = .int(r)
                        return
                    }
                    try located(statementRange) { try ctx.compound(op, &element, v) }
                }
            }
            return .void
        }
    }
}
