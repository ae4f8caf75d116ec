import SwiftSyntax
import Reports

extension Compiler {
    /// Runs a loop body and says what the loop does next.
    enum LoopStep { case next, exit, propagate(Flow) }

    func compileWhile(_ loop: WhileStmtSyntax, label: String?) throws -> Exec {
        let id = pushTarget(label, isLoop: true)
        defer { targets.removeLast() }
        let saved = pushScope()
        let cond = try compileConditions(loop.conditions)
        let body = try compileLoopBody(loop.body)
        scope = saved
        let ctx = self.ctx
        let r = range(loop.whileKeyword)
        return { f in
            while try cond(f) {
                let flow = try body(f)
                switch flow {
                case .normal: break
                case .continueTarget(let t) where t == id: break
                case .breakTarget(let t) where t == id: return .normal
                default: return flow
                }
                try ctx.tick(r)
            }
            return .normal
        }
    }

    func compileRepeat(_ loop: RepeatStmtSyntax, label: String?) throws -> Exec {
        let id = pushTarget(label, isLoop: true)
        defer { targets.removeLast() }
        let body = try compileLoopBody(loop.body)
        let cond = try compileCondition(loop.condition)
        let ctx = self.ctx
        let r = range(loop.repeatKeyword)
        return { f in
            repeat {
                let flow = try body(f)
                switch flow {
                case .normal: break
                case .continueTarget(let t) where t == id: break
                case .breakTarget(let t) where t == id: return .normal
                default: return flow
                }
                try ctx.tick(r)
            } while try cond(f)
            return .normal
        }
    }

    func compileFor(_ loop: ForStmtSyntax, label: String?) throws -> Exec {
        if let a = loop.awaitKeyword { throw unsupported("'for await'", a) }
        let ctx = self.ctx
        let r = range(loop.forKeyword)
        let seqRange = range(loop.sequence)
        // Integer ranges written in place (`for i in 0..<n`) run without building a range value.
        var bounds: (Eval, Eval, Bool)? = nil
        if let infix = loop.sequence.as(InfixOperatorExprSyntax.self), let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text,
           op == "..<" || op == "..." {
            bounds = (try compileExpr(infix.leftOperand), try compileExpr(infix.rightOperand), op == "...")
        }
        let sequence = bounds == nil ? try compileExpr(loop.sequence) : nil
        let id = pushTarget(label, isLoop: true)
        defer { targets.removeLast() }
        let savedScope = pushScope()
        defer { scope = savedScope }
        do {
            var bind: PatternBinding
            var whereCond: ((Frame) throws -> Bool)? = nil
            if loop.caseKeyword != nil {
                // `for case .circle(let r) in shapes`: elements that do not match are skipped.
                let matcher = try compilePattern(loop.pattern, bindingMode: false)
                let flag = MatchFlag()
                bind = PatternBinding(kind: .other, assign: { f, v in flag.matched = try matcher(f, v) })
                let outer = try loop.whereClause.map { try compileCondition($0.condition) }
                whereCond = { f in try flag.matched && (outer?(f) ?? true) }
            } else {
                bind = try compilePatternBinding(loop.pattern, isLet: true)
                whereCond = try loop.whereClause.map { try compileCondition($0.condition) }
            }
            let body = try compileLoopBody(loop.body)
            // One iteration: returns false to stop the loop, or throws the flow to propagate.
            let step: (Frame) throws -> LoopStep = { f in
                if let w = whereCond, !(try w(f)) { return .next }
                let flow = try body(f)
                switch flow {
                case .normal: return .next
                case .continueTarget(let t) where t == id: return .next
                case .breakTarget(let t) where t == id: return .exit
                default: return .propagate(flow)
                }
            }
            if let (lo, hi, closed) = bounds, case .slot(let slot, let global) = bind.kind {
                let g = ctx.globals
                return { f in
                    let l = try lo(f).int("range"), h = try hi(f).int("range")
                    if closed ? h < l : h < l { throw RuntimeError("Range requires lowerBound <= upperBound", at: seqRange) }
                    let frame = global ? g : f
                    var i = l
                    let end = closed ? h : h - 1
                    if l > end { return .normal }
                    while true {
                        frame.slots[slot] = .int(i)
                        switch try step(f) {
                        case .next: break
                        case .exit: return .normal
                        case .propagate(let flow): return flow
                        }
                        try ctx.tick(r)
                        if i == end { break }
                        i += 1
                    }
                    return .normal
                }
            }
            let seqEval: Eval = sequence ?? { f in
                let (lo, hi, closed) = bounds!
                let l = try lo(f), h = try hi(f)
                return try located(seqRange) { try ctx.binary(closed ? "..." : "..<", l, h) }
            }
            let assign = bind.assign
            return { f in
                let s = try seqEval(f)
                func run(_ v: Value) throws -> LoopStep {
                    try assign(f, v)
                    let st = try step(f)
                    try ctx.tick(r)
                    return st
                }
                switch s {
                case .range(let l, let u):
                    guard l < u else { return .normal }
                    for i in l..<u {
                        switch try run(.int(i)) { case .next: continue; case .exit: return .normal; case .propagate(let fl): return fl }
                    }
                case .closedRange(let l, let u):
                    for i in l...u {
                        switch try run(.int(i)) { case .next: continue; case .exit: return .normal; case .propagate(let fl): return fl }
                    }
                case .array(let a):
                    for v in a.elements {
                        switch try run(v) { case .next: continue; case .exit: return .normal; case .propagate(let fl): return fl }
                    }
                default:
                    let items = try located(seqRange) { try ctx.sequenceElements(s) }
                    for v in items {
                        switch try run(v) { case .next: continue; case .exit: return .normal; case .propagate(let fl): return fl }
                    }
                }
                return .normal
            }
        }
    }
}

extension Compiler {
    /// A loop body. When a closure in it uses a `var` declared in it, each iteration runs in a
    /// frame of its own, so that each closure keeps its iteration's variable (as in Swift);
    /// other bodies use the enclosing frame (no allocation per iteration).
    func compileLoopBody(_ block: CodeBlockSyntax) throws -> Exec {
        guard CapturedLoopVariables.exist(in: block) else { return try compileBody(block) }
        let saved = (scope, function)
        let iteration = FunctionScope(parent: function)
        function = iteration
        scope = Scope(parent: scope, function: iteration)
        defer { (scope, function) = saved }
        let body = try compileStatements(block.statements)
        return { f in
            let frame = Frame.make(size: iteration.size, parent: f)
            // A closure holding this iteration's frame reaches `f` through it: `f` must not be
            // reused by the next call (see `SpareFrames.takeBack`).
            defer { if frame.isCaptured { f.isCaptured = true } }
            let flow = try body(frame)
            // `return` inside the body returns from the enclosing function.
            if case .returned = flow { f.returnValue = frame.returnValue }
            return flow
        }
    }
}

/// Whether a loop body declares a `var` that a closure (or local function) in the body uses.
final class CapturedLoopVariables: SyntaxVisitor {
    var declared: Set<String> = []
    var usedInClosures: Set<String> = []
    var closureDepth = 0

    static func exist(in block: CodeBlockSyntax) -> Bool {
        let v = CapturedLoopVariables(viewMode: .sourceAccurate)
        v.walk(block.statements)
        return !v.declared.isDisjoint(with: v.usedInClosures)
    }

    override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind {
        if closureDepth == 0, node.bindingSpecifier.tokenKind == .keyword(.var) {
            for b in node.bindings { if let id = b.pattern.as(IdentifierPatternSyntax.self) { declared.insert(id.identifier.text) } }
        }
        return .visitChildren
    }
    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { closureDepth += 1; return .visitChildren }
    override func visitPost(_ node: ClosureExprSyntax) { closureDepth -= 1 }
    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { closureDepth += 1; return .visitChildren }
    override func visitPost(_ node: FunctionDeclSyntax) { closureDepth -= 1 }
    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        if closureDepth > 0 { usedInClosures.insert(node.baseName.text) }
        return .visitChildren
    }
}

final class MatchFlag { var matched = false }

extension Context {
    /// The elements `for x in s` visits.
    func sequenceElements(_ s: Value) throws -> [Value] {
        switch s {
        case .native(let n):
            if let get = n.type.properties["elements"] { return try get(self, s).array() }
            throw RuntimeError("for-in loop requires a sequence; '\(n.type.name)' is not one")
        default: return try s.array("for-in loop")
        }
    }
}
