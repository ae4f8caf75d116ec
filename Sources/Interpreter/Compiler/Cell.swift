import SwiftSyntax
import Reports

/// A cell lowered and ready to run.
struct CompiledCell {
    /// Stores the cell's functions and static values (they exist before its first statement).
    let prologue: (Frame) throws -> Void
    let body: Exec
    /// The cell's last expression, whose value is the cell's result.
    let last: Eval?
}

extension Compiler {
    func compileCell(_ file: SourceFileSyntax) -> CompiledCell? {
        scope.declaredHere = []
        if !ctx.tracksLifetimes, file.tokens(viewMode: .sourceAccurate).contains(where: {
            $0.tokenKind == .keyword(.deinit) || $0.tokenKind == .keyword(.weak) || $0.tokenKind == .keyword(.unowned)
        }) {
            ctx.tracksLifetimes = true
        }
        let items = Array(file.statements)
        var prologue: [(Frame) throws -> Void] = []
        func attempt(_ body: () throws -> Void) {
            do { try body() } catch let e as CompileError { diagnostics.append(e.diagnostic) } catch {
                diagnostics.append(Diagnostic("\(error)", at: nil, kind: "internal"))
            }
        }
        // Types and functions of the top level exist from the cell's start (as in a Swift file).
        let typeDecls = items.compactMap { item -> DeclSyntax? in
            guard case .decl(let d) = item.item else { return nil }
            return d.is(StructDeclSyntax.self) || d.is(ClassDeclSyntax.self) || d.is(EnumDeclSyntax.self) || d.is(ProtocolDeclSyntax.self)
                || d.is(TypeAliasDeclSyntax.self) || d.is(ExtensionDeclSyntax.self) ? d : nil
        }
        for d in typeDecls { hoisted.insert(Syntax(d).id) }
        attempt { try declareTypes(typeDecls) }
        var functions: [(FunctionDeclSyntax, FunctionProto, Int)] = []
        for item in items {
            guard case .decl(let d) = item.item, let fn = d.as(FunctionDeclSyntax.self) else { continue }
            hoisted.insert(Syntax(fn).id)
            attempt {
                let (proto, slot) = try declareFunction(fn)
                functions.append((fn, proto, slot))
            }
        }
        var typeBodies: [() throws -> Void] = []
        attempt {
            let (statics, bodies) = try compileTypeBodies(typeDecls)
            typeBodies = bodies
            prologue.append { _ in try statics() }
        }
        for (_, proto, slot) in functions {
            prologue.insert({ g in g.slots[slot] = .function(Function(proto, captured: g)) }, at: 0)
        }
        var execs = ExecList()
        var last: Eval? = nil
        for (i, item) in items.enumerated() {
            attempt {
                let (r, ctx) = (range(item), self.ctx)
                if i == items.count - 1, case .expr(let e) = item.item, isResultExpression(e) {
                    let value = try compileExpr(e)
                    last = { f in ctx.statementStarted(r); return try value(f) }
                } else {
                    let start = function.size
                    let statement = releasing(try compileItem(item), item, slotsFrom: start)
                    execs.append { f in ctx.statementStarted(r); return try statement(f) }
                }
            }
        }
        // Bodies of the cell's functions and methods see every top-level name of the cell.
        let topScope = scope
        for b in typeBodies { attempt { scope = topScope; try b() } }
        for (fn, proto, _) in functions {
            attempt {
                scope = topScope
                try compileFunctionBody(proto, defaults: pendingDefaults.removeValue(forKey: ObjectIdentifier(proto)) ?? [], body: fn.body?.statements, selfType: nil)
            }
        }
        guard diagnostics.isEmpty else {
            diagnostics.sort { ($0.location ?? SourceLocation(file: "", line: 0, column: 0)) < ($1.location ?? SourceLocation(file: "", line: 0, column: 0)) }
            // Functions and types declared before the first error stay (a failed cell keeps what
            // it declared before its failure).
            if let first = diagnostics.first?.location {
                for (fn, proto, slot) in functions where map.range(fn).end <= first && proto.isCompiled {
                    keptAfterFailure[fn.name.text] = scope.names[fn.name.text]
                    keptPrologue.append { g in g.slots[slot] = .function(Function(proto, captured: g)) }
                }
                for d in typeDecls {
                    guard map.range(d).end <= first else { continue }
                    let name = d.as(StructDeclSyntax.self)?.name.text ?? d.as(ClassDeclSyntax.self)?.name.text ?? d.as(EnumDeclSyntax.self)?.name.text
                    if let n = name { keptAfterFailure[n] = scope.names[n] }
                }
            }
            return nil
        }
        let steps = prologue
        return CompiledCell(prologue: { g in for s in steps { try s(g) } }, body: sequence(execs[...], drains: ctx.tracksLifetimes), last: last)
    }

    /// Whether a final expression shows its value (assignments and `if`/`switch` statements do not).
    func isResultExpression(_ e: ExprSyntax) -> Bool {
        if e.is(IfExprSyntax.self) || e.is(SwitchExprSyntax.self) { return false }
        if let infix = e.as(InfixOperatorExprSyntax.self) {
            if infix.operator.is(AssignmentExprSyntax.self) { return false }
            if let op = infix.operator.as(BinaryOperatorExprSyntax.self)?.operator.text, op.hasSuffix("="),
               !["==", "!=", "<=", ">=", "===", "!==", ".==", ".!=", ".<=", ".>="].contains(op) { return false }
        }
        return true
    }
}
