import SwiftSyntax

/// Swift rejects arithmetic on constants that overflows (`Int8(127) + 1`, `Int.max + 1`,
/// `let b: UInt8 = 200 * 2`) before the program runs; so does nbrun, with Swift's message.
extension Compiler {
    /// Throws at the operator when `lhs op rhs` are integer constants whose result overflows.
    func checkConstantOverflow(_ op: String, _ lhs: ExprSyntax, _ rhs: ExprSyntax, expected: TypeRef?, at opNode: some SyntaxProtocol) throws {
        guard ["+", "-", "*"].contains(op), let (lhsValue, lhsTyped) = integerConstant(lhs),
              let (rhsValue, rhsTyped) = integerConstant(rhs) else { return }
        var (a, b) = (lhsValue, rhsValue)
        // Literals that become Doubles (`let d: Double = 1 << 62 + ...`) do not overflow.
        switch expected {
        case .double?, .float?, .optional(.double)?, .optional(.float)?: return
        default: break
        }
        // The operands' own types (Int for `Int(5)`, `Int.max`); two different ones are a type
        // error, reported where the operator runs, not an overflow.
        let types = [(a, lhsTyped), (b, rhsTyped)].compactMap { v, typed -> String? in
            if case .native(let n) = v { return n.type.name }
            return typed ? "Int" : nil
        }
        guard Set(types).count <= 1 else { return }
        // A bare literal takes the other operand's type, else the context's (`let b: UInt8 = ...`).
        var type: NativeType? = nil
        for v in [a, b] { if case .native(let n) = v { type = n.type } }
        if type == nil, types.isEmpty, case .native(let n)? = expected, n.integerLiteral != nil { type = n }
        let typeName: String
        let result: Value?
        if let n = type, let literal = n.integerLiteral, let operate = n.binaryOperator {
            if case .int(let i) = a { guard let x = try? literal(i) else { return }; a = x }
            if case .int(let i) = b { guard let x = try? literal(i) else { return }; b = x }
            typeName = n.name
            result = try? operate(ctx, op, a, b)
        } else {
            guard case .int(let x) = a, case .int(let y) = b else { return }
            typeName = "Int"
            let (r, overflow) = op == "+" ? x.addingReportingOverflow(y) : op == "-" ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
            result = overflow ? nil : .int(r)
        }
        guard result == nil else { return }
        let shown = "\(try ctx.describe(a)) \(op) \(try ctx.describe(b))"
        throw error("arithmetic operation '\(shown)' (on type '\(typeName)') results in an overflow", opNode, kind: "type")
    }

    /// The value of an integer constant: a literal, `Int8(5)` of a literal, `Int.max`, `UInt8.min`,
    /// `-c`; `typed` when the expression has a type of its own (everything but a bare literal).
    func integerConstant(_ e: ExprSyntax) -> (value: Value, typed: Bool)? {
        if let lit = e.as(IntegerLiteralExprSyntax.self) { return lit.representedLiteralValue.map { (.int($0), false) } }
        if let t = e.as(TupleExprSyntax.self), t.elements.count == 1 { return integerConstant(t.elements.first!.expression) }
        if let p = e.as(PrefixOperatorExprSyntax.self), p.operator.text == "-",
           let (inner, typed) = integerConstant(p.expression), case .int(let i) = inner, i != .min {
            return (.int(-i), typed)
        }
        if let m = e.as(MemberAccessExprSyntax.self), let base = m.base?.as(DeclReferenceExprSyntax.self),
           ["max", "min"].contains(m.declName.baseName.text), scope.lookup(base.baseName.text) == nil {
            if base.baseName.text == "Int" { return (.int(m.declName.baseName.text == "max" ? .max : .min), true) }
            if case .native(let n)? = builtins.types[base.baseName.text], n.integerLiteral != nil,
               let v = try? n.staticProperties[m.declName.baseName.text]?(ctx) {
                return (v, true)
            }
        }
        if let call = e.as(FunctionCallExprSyntax.self), let ref = call.calledExpression.as(DeclReferenceExprSyntax.self),
           scope.lookup(ref.baseName.text) == nil, call.arguments.count == 1, call.arguments.first!.label == nil,
           let lit = call.arguments.first!.expression.as(IntegerLiteralExprSyntax.self), let v = lit.representedLiteralValue {
            if ref.baseName.text == "Int" { return (.int(v), true) }
            if case .native(let n)? = builtins.types[ref.baseName.text], let make = n.integerLiteral, let x = try? make(v) { return (x, true) }
        }
        return nil
    }
}
