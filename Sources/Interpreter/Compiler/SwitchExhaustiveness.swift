import SwiftSyntax

/// Swift's "switch must be exhaustive", checked before the cell runs where the subject's type is
/// known: an enum of the cell must have all its cases covered, a Bool both values, and an Int,
/// Double or String needs a `default` (or a pattern that matches anything).
extension Compiler {
    func checkExhaustive(_ s: SwitchExprSyntax) throws {
        var items: [(pattern: PatternSyntax, guarded: Bool)] = []
        for element in s.cases {
            guard case .switchCase(let c) = element else { return }
            switch c.label {
            case .default: return
            case .case(let label): items += label.caseItems.map { ($0.pattern, $0.whereClause != nil) }
            }
        }
        let unguarded = items.filter { !$0.guarded }.map(\.pattern)
        if unguarded.contains(where: { Self.matchesAnything($0, binding: false) }) { return }
        let exhaustive: Bool
        switch staticType(s.subject) {
        case .nominal(let t, _)? where t.kind == .enumType:
            let covered = Set(unguarded.compactMap { Self.coveredCase($0, binding: false) })
            exhaustive = t.cases.allSatisfy { covered.contains($0.name) }
        case .bool?:
            let values = Set(unguarded.compactMap { p -> Bool? in
                guard let lit = p.as(ExpressionPatternSyntax.self)?.expression.as(BooleanLiteralExprSyntax.self) else { return nil }
                return lit.literal.tokenKind == .keyword(.true)
            })
            exhaustive = values.count == 2
        case .int?, .double?, .float?, .string?, .character?:
            exhaustive = false
        default:
            return
        }
        if !exhaustive { throw error("switch must be exhaustive", s.switchKeyword, kind: "type") }
    }

    /// `_`, `let x`, `(_, let y)`: a pattern that matches every value.
    static func matchesAnything(_ p: PatternSyntax, binding: Bool) -> Bool {
        if p.is(WildcardPatternSyntax.self) || p.is(IdentifierPatternSyntax.self) { return true }
        if let v = p.as(ValueBindingPatternSyntax.self) { return matchesAnything(v.pattern, binding: true) }
        if let t = p.as(TuplePatternSyntax.self) { return t.elements.allSatisfy { matchesAnything($0.pattern, binding: binding) } }
        if let e = p.as(ExpressionPatternSyntax.self) { return matchesAnything(e.expression, binding: binding) }
        return false
    }

    static func matchesAnything(_ e: ExprSyntax, binding: Bool) -> Bool {
        if e.is(DiscardAssignmentExprSyntax.self) { return true }
        if let p = e.as(PatternExprSyntax.self) { return matchesAnything(p.pattern, binding: binding) }
        if binding, e.is(DeclReferenceExprSyntax.self) { return true }
        if let t = e.as(TupleExprSyntax.self) { return t.elements.allSatisfy { matchesAnything($0.expression, binding: binding) } }
        return false
    }

    /// The enum case a pattern covers entirely (`.up`, `Dir.up`, `.circle(let r)`, `let .rect(w, h)`).
    static func coveredCase(_ p: PatternSyntax, binding: Bool) -> String? {
        if let v = p.as(ValueBindingPatternSyntax.self) { return coveredCase(v.pattern, binding: true) }
        guard let e = p.as(ExpressionPatternSyntax.self)?.expression else { return nil }
        if let m = e.as(MemberAccessExprSyntax.self) { return m.declName.baseName.text }
        if let call = e.as(FunctionCallExprSyntax.self), let m = call.calledExpression.as(MemberAccessExprSyntax.self),
           call.arguments.allSatisfy({ matchesAnything($0.expression, binding: binding) }) {
            return m.declName.baseName.text
        }
        return nil
    }
}
