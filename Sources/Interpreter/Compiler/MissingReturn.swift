import SwiftSyntax

/// Swift's "missing return" check: a function, method, getter or closure that must return a
/// value but whose body can reach its closing brace is rejected before the cell runs.
/// A statement "completes" when control can go on after it; `return`, `throw`, `fatalError`,
/// an `if`/`else` or a `switch` whose every branch does not complete, and `while true` without a
/// `break` do not.
extension Compiler {
    /// Throws Swift's error at the body's closing brace when `items` can reach their end.
    func checkMissingReturn(_ items: CodeBlockItemListSyntax, returnType: TypeRef?) throws {
        guard let t = returnType else { return }
        if case .void = t { return }
        if items.count == 1, let e = onlyExpression(items.first!.item), isValueExpression(e) { return }
        guard ControlFlow.reachesEnd(items), let (what, brace, written) = bodyContext(items) else { return }
        let typeText = written ?? sugaredName(t)
        throw error("missing return in \(what) expected to return '\(typeText)'", brace, kind: "type")
    }

    /// Whether a body's single expression is its value (Swift's implicit return): any expression
    /// but an `if`/`switch` whose branches are not all single expressions (with an `else`).
    func isValueExpression(_ e: ExprSyntax) -> Bool {
        if let i = e.as(IfExprSyntax.self) {
            guard singleExpression(i.body.statements), let elseBody = i.elseBody else { return false }
            switch elseBody {
            case .codeBlock(let b): return singleExpression(b.statements)
            case .ifExpr(let nested): return isValueExpression(ExprSyntax(nested))
            }
        }
        if let s = e.as(SwitchExprSyntax.self) {
            return s.cases.allSatisfy { c in c.as(SwitchCaseSyntax.self).map { singleExpression($0.statements) } ?? false }
        }
        return true
    }

    private func singleExpression(_ items: CodeBlockItemListSyntax) -> Bool {
        guard items.count == 1, let e = onlyExpression(items.first!.item) else { return false }
        return isValueExpression(e)
    }

    /// The expression of an item (an `if` or `switch` standing alone is an expression statement).
    func onlyExpression(_ item: CodeBlockItemSyntax.Item) -> ExprSyntax? {
        switch item {
        case .expr(let e): return e
        case .stmt(let s): return s.as(ExpressionStmtSyntax.self)?.expression
        case .decl: return nil
        }
    }

    /// What Swift calls the body's owner (`global function`, `instance method`, ...), its closing
    /// brace, and its return type as written.
    private func bodyContext(_ items: CodeBlockItemListSyntax) -> (String, TokenSyntax, String?)? {
        if let closure = items.parent?.as(ClosureExprSyntax.self) {
            return ("closure", closure.rightBrace, closure.signature?.returnClause?.type.trimmedDescription)
        }
        if let accessors = items.parent?.as(AccessorBlockSyntax.self) {
            return ("getter", accessors.rightBrace, accessors.parent?.as(PatternBindingSyntax.self)?.typeAnnotation?.type.trimmedDescription)
        }
        guard let block = items.parent?.as(CodeBlockSyntax.self) else { return nil }
        if let accessor = block.parent?.as(AccessorDeclSyntax.self) {
            let binding = accessor.parent?.parent?.parent?.as(PatternBindingSyntax.self)
            return ("getter", block.rightBrace, binding?.typeAnnotation?.type.trimmedDescription)
        }
        guard let fn = block.parent?.as(FunctionDeclSyntax.self) else { return nil }
        let written = fn.signature.returnClause?.type.trimmedDescription
        var node = fn.parent
        while let n = node {
            if n.is(MemberBlockSyntax.self) {
                let isStatic = fn.modifiers.contains { [.keyword(.static), .keyword(.class)].contains($0.name.tokenKind) }
                return (isStatic ? "static method" : "instance method", block.rightBrace, written)
            }
            if n.is(CodeBlockSyntax.self) || n.is(ClosureExprSyntax.self) { return ("local function", block.rightBrace, written) }
            node = n.parent
        }
        return ("global function", block.rightBrace, written)
    }
}

/// Whether control can reach the end of statements (syntax only, as Swift's check).
enum ControlFlow {
    static func reachesEnd(_ items: CodeBlockItemListSyntax) -> Bool {
        items.allSatisfy { completes($0.item) }
    }

    static func completes(_ item: CodeBlockItemSyntax.Item) -> Bool {
        switch item {
        case .stmt(let s): return completes(statement: s, label: nil)
        case .expr(let e): return completes(expression: e)
        case .decl: return true
        }
    }

    static func completes(statement s: StmtSyntax, label: String?) -> Bool {
        if s.is(ReturnStmtSyntax.self) || s.is(ThrowStmtSyntax.self) || s.is(BreakStmtSyntax.self)
            || s.is(ContinueStmtSyntax.self) || s.is(FallThroughStmtSyntax.self) { return false }
        if let e = s.as(ExpressionStmtSyntax.self) { return completes(expression: e.expression, label: label) }
        if let l = s.as(LabeledStmtSyntax.self) { return completes(statement: l.statement, label: l.label.text) }
        if let w = s.as(WhileStmtSyntax.self) {
            guard w.conditions.count == 1, case .expression(let c) = w.conditions.first!.condition, isTrue(c) else { return true }
            return BreakFinder.breaks(out: w.body, label: label)
        }
        if let r = s.as(RepeatStmtSyntax.self) {
            guard isTrue(r.condition) else { return reachesEnd(r.body.statements) || BreakFinder.breaks(out: r.body, label: label) }
            return BreakFinder.breaks(out: r.body, label: label)
        }
        if let d = s.as(DoStmtSyntax.self) {
            if reachesEnd(d.body.statements) { return true }
            return d.catchClauses.contains { reachesEnd($0.body.statements) }
        }
        return true
    }

    static func completes(expression e: ExprSyntax, label: String? = nil) -> Bool {
        if let i = e.as(IfExprSyntax.self) {
            // `if true { return x }` alone: Swift folds the constant condition.
            guard let elseBody = i.elseBody else {
                return !(i.conditions.count == 1 && isTrueCondition(i.conditions.first!.condition)) || reachesEnd(i.body.statements)
            }
            if reachesEnd(i.body.statements) { return true }
            switch elseBody {
            case .codeBlock(let b): if reachesEnd(b.statements) { return true }
            case .ifExpr(let nested): if completes(expression: ExprSyntax(nested)) { return true }
            }
            // A `break` out of an enclosing labelled statement leaves it.
            return false
        }
        if let s = e.as(SwitchExprSyntax.self) {
            for c in s.cases {
                guard let sc = c.as(SwitchCaseSyntax.self) else { return true }
                if reachesEnd(sc.statements) || BreakFinder.breaks(out: sc.statements, label: label) { return true }
            }
            return false
        }
        if let t = e.as(TryExprSyntax.self) { return completes(expression: t.expression) }
        if let call = e.as(FunctionCallExprSyntax.self), let ref = call.calledExpression.as(DeclReferenceExprSyntax.self),
           ["fatalError", "preconditionFailure"].contains(ref.baseName.text) { return false }
        return true
    }

    static func isTrueCondition(_ c: ConditionElementSyntax.Condition) -> Bool {
        if case .expression(let e) = c { return isTrue(e) }
        return false
    }

    static func isTrue(_ e: ExprSyntax) -> Bool {
        e.as(BooleanLiteralExprSyntax.self)?.literal.tokenKind == .keyword(.true)
    }
}

/// Finds a `break` that leaves a given loop or switch body: an unlabelled one not inside a
/// nested loop or switch, or one naming the statement's label. Closures and nested functions
/// are not searched (their `break`s cannot leave).
private final class BreakFinder: SyntaxVisitor {
    let label: String?
    var depth = 0
    var found = false

    init(label: String?) {
        self.label = label
        super.init(viewMode: .sourceAccurate)
    }

    static func breaks(out body: some SyntaxProtocol, label: String?) -> Bool {
        let finder = BreakFinder(label: label)
        finder.walk(body)
        return finder.found
    }

    override func visit(_ node: BreakStmtSyntax) -> SyntaxVisitorContinueKind {
        if let l = node.label?.text { if l == label { found = true } } else if depth == 0 { found = true }
        return .skipChildren
    }
    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    override func visit(_ node: WhileStmtSyntax) -> SyntaxVisitorContinueKind { depth += 1; return .visitChildren }
    override func visitPost(_ node: WhileStmtSyntax) { depth -= 1 }
    override func visit(_ node: ForStmtSyntax) -> SyntaxVisitorContinueKind { depth += 1; return .visitChildren }
    override func visitPost(_ node: ForStmtSyntax) { depth -= 1 }
    override func visit(_ node: RepeatStmtSyntax) -> SyntaxVisitorContinueKind { depth += 1; return .visitChildren }
    override func visitPost(_ node: RepeatStmtSyntax) { depth -= 1 }
    override func visit(_ node: SwitchExprSyntax) -> SyntaxVisitorContinueKind { depth += 1; return .visitChildren }
    override func visitPost(_ node: SwitchExprSyntax) { depth -= 1 }
}
