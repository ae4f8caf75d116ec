import SwiftSyntax
import Reports

extension Compiler {
    /// A sequence of statements in the current scope. `defer` wraps the statements after it.
    /// Once a session tracks lifetimes (`Context.tracksLifetimes`), a block releases its own
    /// variables when it ends, the last declared first, as Swift does (but not those a closure or
    /// nested function uses: it may outlive the block), and the deinits this queues run then.
    func compileStatements(_ items: CodeBlockItemListSyntax) throws -> Exec {
        guard ctx.tracksLifetimes else { return try compileItems(Array(items)[...]) }
        let start = function.size
        let body = try compileItems(Array(items)[...])
        let owned = ownedSlots(from: start)
        if owned.isEmpty { return body }
        let ctx = self.ctx
        // The deinits of what the block released run before the statement after it.
        let released = releasing(owned, after: body)
        return { f in
            let flow = try released(f)
            if !ctx.deinitQueue.pending.isEmpty { try ctx.runPendingDeinits() }
            return flow
        }
    }

    private func compileItems(_ items: ArraySlice<CodeBlockItemSyntax>) throws -> Exec {
        var execs = ExecList()
        for idx in items.indices {
            let item = items[idx]
            if case .stmt(let s) = item.item, let d = s.as(DeferStmtSyntax.self) {
                let saved = pushScope()
                let body = try compileStatements(d.body.statements)
                scope = saved
                let rest = try compileItems(items[(idx + 1)...])
                let guarded: Exec = { f in
                    let r: Flow
                    do { r = try rest(f) } catch {
                        _ = try? body(f)
                        throw error
                    }
                    _ = try body(f)
                    return r
                }
                execs.append(guarded)
                return sequence(execs[...], drains: ctx.tracksLifetimes)
            }
            let start = function.size
            let statement = try compileItem(item)
            execs.append(releasing(statement, item, slotsFrom: start))
        }
        return sequence(execs[...], drains: ctx.tracksLifetimes)
    }

    /// Once lifetimes are tracked: `statement`, then the release of the variables it declared for
    /// itself (a `for` loop's variable, an `if let`'s or a `case let`'s binding; not a declaration's
    /// or a `guard`'s, which belong to the enclosing block). The sequence the statement is in
    /// then runs the deinits this queued (`sequence(_:drains:)`).
    func releasing(_ statement: @escaping Exec, _ item: CodeBlockItemSyntax, slotsFrom start: Int) -> Exec {
        guard ctx.tracksLifetimes else { return statement }
        var owned: [Int] = []
        if case .stmt(let s) = item.item, !s.is(GuardStmtSyntax.self) { owned = ownedSlots(from: start) }
        if case .expr(let e) = item.item, e.is(IfExprSyntax.self) || e.is(SwitchExprSyntax.self) { owned = ownedSlots(from: start) }
        if owned.isEmpty { return statement }
        return releasing(owned, after: statement)
    }

    /// Runs `body`, then empties the slots it owned (so their instances are released), also when
    /// it throws.
    func releasing(_ owned: [Int], after body: @escaping Exec) -> Exec {
        return { f in
            defer { for s in owned { f.slots[s] = .void } }
            return try body(f)
        }
    }

    /// The slots of the running function allocated since `start` that may hold an instance (not
    /// those of a variable declared Int, Double, Bool, String, ...) and that no closure or nested
    /// function uses, the last first.
    func ownedSlots(from start: Int) -> [Int] {
        let fs = function
        return (start..<fs.size).reversed().filter { !fs.capturedSlots.contains($0) && !fs.plainSlots.contains($0) }
    }

    /// The statements in order, until one does not finish normally. `drains`: after each one, the
    /// deinits of the instances it released run (see `Context.tracksLifetimes`).
    func sequence(_ execs: ArraySlice<ExecBox>, drains: Bool = false) -> Exec {
        let list = Array(execs)
        if drains {
            let queue = ctx.deinitQueue, ctx = self.ctx
            switch list.count {
            case 0: return { _ in .normal }
            case 1:
                let a = list[0].run
                return { f in
                    let flow = try a(f)
                    if !queue.pending.isEmpty { try ctx.runPendingDeinits() }
                    return flow
                }
            case 2:
                let a = list[0].run, b = list[1].run
                return { f in
                    let flow = try a(f)
                    if !queue.pending.isEmpty { try ctx.runPendingDeinits() }
                    guard case .normal = flow else { return flow }
                    let next = try b(f)
                    if !queue.pending.isEmpty { try ctx.runPendingDeinits() }
                    return next
                }
            default: break
            }
            return { f in
                for e in list {
                    let flow = try e.run(f)
                    if !queue.pending.isEmpty { try ctx.runPendingDeinits() }
                    if case .normal = flow { continue }
                    return flow
                }
                return .normal
            }
        }
        switch list.count {
        case 0: return { _ in .normal }
        case 1: return list[0].run
        case 2:
            let a = list[0].run, b = list[1].run
            return { f in
                let flow = try a(f)
                if case .normal = flow { return try b(f) }
                return flow
            }
        default:
            return { f in
                for e in list {
                    let flow = try e.run(f)
                    if case .normal = flow { continue }
                    return flow
                }
                return .normal
            }
        }
    }

    func compileItem(_ item: CodeBlockItemSyntax) throws -> Exec {
        switch item.item {
        case .decl(let d): return try compileDecl(d)
        case .stmt(let s): return try compileStmt(s)
        case .expr(let e): return try compileExprStatement(e)
        }
    }

    func compileExprStatement(_ e: ExprSyntax) throws -> Exec {
        if let i = e.as(IfExprSyntax.self) { return try compileIf(i) }
        if let s = e.as(SwitchExprSyntax.self) { return try compileSwitch(s, label: nil, valueMode: false) }
        let eval = try compileExpr(e)
        return { f in
            _ = try eval(f)
            return .normal
        }
    }

    func compileBody(_ block: CodeBlockSyntax) throws -> Exec {
        let saved = pushScope()
        defer { scope = saved }
        return try compileStatements(block.statements)
    }

    func compileStmt(_ s: StmtSyntax) throws -> Exec {
        switch s.as(StmtSyntaxEnum.self) {
        case .expressionStmt(let e): return try compileExprStatement(e.expression)
        case .returnStmt(let r): return try compileReturn(r)
        case .guardStmt(let g): return try compileGuard(g)
        case .forStmt(let loop): return try compileFor(loop, label: nil)
        case .whileStmt(let loop): return try compileWhile(loop, label: nil)
        case .repeatStmt(let loop): return try compileRepeat(loop, label: nil)
        case .breakStmt(let b):
            let id = try target(b.label?.text, isContinue: false, b)
            return { _ in .breakTarget(id) }
        case .continueStmt(let c):
            let id = try target(c.label?.text, isContinue: true, c)
            return { _ in .continueTarget(id) }
        case .labeledStmt(let l):
            let label = l.label.text
            switch l.statement.as(StmtSyntaxEnum.self) {
            case .forStmt(let loop): return try compileFor(loop, label: label)
            case .whileStmt(let loop): return try compileWhile(loop, label: label)
            case .repeatStmt(let loop): return try compileRepeat(loop, label: label)
            case .expressionStmt(let e):
                if let sw = e.expression.as(SwitchExprSyntax.self) { return try compileSwitch(sw, label: label, valueMode: false) }
                if let i = e.expression.as(IfExprSyntax.self) {
                    let id = pushTarget(label, isLoop: false)
                    defer { targets.removeLast() }
                    let body = try compileIf(i)
                    return { f in
                        let flow = try body(f)
                        if case .breakTarget(let t) = flow, t == id { return .normal }
                        return flow
                    }
                }
                throw unsupported("labelled statement", l)
            case .doStmt(let d):
                let id = pushTarget(label, isLoop: false)
                defer { targets.removeLast() }
                let body = try compileDo(d)
                return { f in
                    let flow = try body(f)
                    if case .breakTarget(let t) = flow, t == id { return .normal }
                    return flow
                }
            default: throw unsupported("labelled statement", l)
            }
        case .throwStmt(let t):
            let value = try compileExpr(t.expression, expected: thrownType)
            let r = range(t)
            return { f in throw ThrownValue(value: try value(f), range: r) }
        case .doStmt(let d): return try compileDo(d)
        case .deferStmt(let d): throw error("'defer' must be inside a block", d)
        case .fallThroughStmt:
            return { _ in .fallThrough }
        case .discardStmt(let d): throw unsupported("'discard'", d)
        case .yieldStmt(let y): throw unsupported("'yield'", y)
        default: throw unsupported("statement", s)
        }
    }

    func pushTarget(_ label: String?, isLoop: Bool) -> Int {
        let id = nextTargetID
        nextTargetID += 1
        targets.append((label, id, isLoop))
        return id
    }

    func target(_ label: String?, isContinue: Bool, _ node: some SyntaxProtocol) throws -> Int {
        for t in targets.reversed() {
            if let label = label {
                if t.label == label {
                    if isContinue && !t.isLoop { throw error("'continue' label does not name a loop", node, kind: "syntax") }
                    return t.id
                }
            } else if t.isLoop || (!isContinue && isSwitchTarget(t.id)) {
                return t.id
            }
        }
        if let label = label { throw error("cannot find label '\(label)' in scope", node, kind: "syntax") }
        throw error(isContinue ? "'continue' is only allowed inside a loop" : "'break' is only allowed inside a loop, if, do, or switch", node, kind: "syntax")
    }

    func isSwitchTarget(_ id: Int) -> Bool { switchTargets.contains(id) }

    func compileReturn(_ r: ReturnStmtSyntax) throws -> Exec {
        guard let e = r.expression else { return { f in f.returnValue = .void; return .returned } }
        if let t = returnType { try checkLiteral(e, against: t, context: .returnValue) }
        let value = try compileExpr(e, expected: returnType)
        let ctx = self.ctx
        if let t = returnType, needsCoercion(t) {
            let rr = range(e)
            return { f in
                f.returnValue = try located(rr) { try ctx.coerce(try value(f), to: t) }
                return .returned
            }
        }
        return { f in
            f.returnValue = try value(f)
            return .returned
        }
    }

    // MARK: Conditions (`if let`, `if case`, boolean lists)

    /// Compiles a condition list into the current scope (bindings stay visible after it, as
    /// for `guard`, or in the body's scope the caller opened, as for `if`).
    func compileConditions(_ conditions: ConditionElementListSyntax) throws -> (Frame) throws -> Bool {
        var checks = ConditionList()
        for c in conditions {
            switch c.condition {
            case .expression(let e):
                checks.append(try compileCondition(e))
            case .optionalBinding(let b):
                let isLet = b.bindingSpecifier.tokenKind == .keyword(.let)
                guard let id = b.pattern.as(IdentifierPatternSyntax.self) else { throw unsupported("pattern in optional binding", b.pattern) }
                let name = id.identifier.text
                let source: Eval
                if let initializer = b.initializer { source = try compileExpr(initializer.value) } else {
                    guard let existing = scope.lookup(name) else { _ = unknownName(name, id); continue }
                    source = load(existing)
                }
                var type: TypeRef? = nil
                if let ann = b.typeAnnotation { type = try resolveType(ann.type, node: ann) }
                let slot = try declareVariable(name, isLet: isLet, type: type, node: id)
                let store = storeSlot(slot)
                checks.append { f in
                    switch try source(f) {
                    case .none: return false
                    case .some(let v): try store(f, v); return true
                    case let v: try store(f, v); return true
                    }
                }
            case .matchingPattern(let m):
                let value = try compileExpr(m.initializer.value)
                let matcher = try compilePattern(m.pattern, bindingMode: false)
                checks.append { f in try matcher(f, try value(f)) }
            case .availability(let a):
                throw unsupported("availability condition", a)
            }
        }
        if checks.tests.count == 1 { return checks.tests[0].test }
        let all = checks.tests
        return { f in
            for c in all where !(try c.test(f)) { return false }
            return true
        }
    }

    /// Writes a slot of the current function's frame (or the top level).
    func storeSlot(_ slot: Int) -> (Frame, Value) throws -> Void {
        if function.isGlobal {
            let g = ctx.globals
            return { _, v in g.slots[slot] = v }
        }
        return { f, v in f.slots[slot] = v }
    }

    func compileIf(_ i: IfExprSyntax) throws -> Exec {
        let saved = pushScope()
        let cond = try compileConditions(i.conditions)
        let body = try compileBody(i.body)
        scope = saved
        var elseExec: Exec? = nil
        switch i.elseBody {
        case .ifExpr(let next)?: elseExec = try compileIf(next)
        case .codeBlock(let block)?: elseExec = try compileBody(block)
        case nil: break
        }
        if let other = elseExec {
            return { f in try cond(f) ? try body(f) : try other(f) }
        }
        return { f in try cond(f) ? try body(f) : .normal }
    }

    func compileGuard(_ g: GuardStmtSyntax) throws -> Exec {
        if ControlFlow.reachesEnd(g.body.statements) {
            throw error("'guard' body must not fall through, consider using a 'return' or 'throw' to exit the scope", g.body.rightBrace, kind: "type")
        }
        let body = try compileBody(g.body)
        let cond = try compileConditions(g.conditions)
        let r = range(g.guardKeyword)
        return { f in
            if try cond(f) { return .normal }
            let flow = try body(f)
            if case .normal = flow { throw RuntimeError("'guard' body must not fall through", at: r) }
            return flow
        }
    }

    func compileDo(_ d: DoStmtSyntax) throws -> Exec {
        let body = try compileBody(d.body)
        if d.catchClauses.isEmpty { return body }
        var clauses: [Clause] = []
        for clause in d.catchClauses {
            func compileClause() throws -> Clause {
                if clause.catchItems.isEmpty {
                    let slot = try declareVariable("error", isLet: true, type: nil, node: clause)
                    let store = storeSlot(slot)
                    return Clause(match: { f, v in try store(f, v); return true }, body: try compileStatements(clause.body.statements))
                }
                var matchers: [(Frame, Value) throws -> Bool] = []
                for item in clause.catchItems {
                    guard let p = item.pattern else { continue }
                    let m = try compilePattern(p, bindingMode: false)
                    if let w = item.whereClause {
                        let cond = try compileCondition(w.condition)
                        matchers.append { f, v in try m(f, v) && cond(f) }
                    } else {
                        matchers.append(m)
                    }
                }
                let all = matchers.map(MatcherBox.init)
                return Clause(match: { f, v in
                    for m in all where try m.match(f, v) { return true }
                    return false
                }, body: try compileStatements(clause.body.statements))
            }
            let saved = pushScope()
            defer { scope = saved }
            clauses.append(try compileClause())
        }
        return { f in
            do {
                return try body(f)
            } catch let thrown as ThrownValue {
                for c in clauses where try c.match(f, thrown.value) { return try c.body(f) }
                throw thrown
            }
        }
    }
}

/// Statements being compiled, in order. Not an `[Exec]`: an array stores closures in its generic
/// form, so each statement read back from one would run through two reabstraction thunks on
/// every execution; `ExecBox` keeps the closure as it is.
struct ExecList {
    private var items: [ExecBox] = []
    mutating func append(_ exec: @escaping Exec) { items.append(ExecBox(run: exec)) }
    subscript(_: UnboundedRange) -> ArraySlice<ExecBox> { items[...] }
}

/// The conditions of an `if`, `while` or `guard`, kept as they are (see `ExecList`).
struct ConditionList {
    struct Box { let test: (Frame) throws -> Bool }
    private(set) var tests: [Box] = []
    mutating func append(_ test: @escaping (Frame) throws -> Bool) { tests.append(Box(test: test)) }
}
