import Reports
import SwiftSyntax

/// A problem found while lowering a cell (an unknown name, an unsupported construct): the cell
/// does not run.
struct CompileError: Error {
    let diagnostic: Diagnostic
}

/// Maps positions in a cell's syntax tree to notebook locations.
struct SourceMap {
    let converter: SourceLocationConverter
    let file: String
    let firstLine: Int
    let column: Int

    func location(_ p: AbsolutePosition) -> SourceLocation {
        let l = converter.location(for: p)
        return SourceLocation(file: file, line: firstLine + l.line - 1, column: column + l.column - 1)
    }

    func range(_ node: some SyntaxProtocol) -> SourceRange {
        SourceRange(start: location(node.positionAfterSkippingLeadingTrivia),
                    end: location(node.endPositionBeforeTrailingTrivia))
    }
}

/// Lowers a cell's syntax tree into closures. Names are resolved here, once: a variable becomes
/// a slot access, a call of a known function a direct call, so running does no lookups by name.
final class Compiler {
    let ctx: Context
    let map: SourceMap
    let builtins = Builtins.shared
    var diagnostics: [Diagnostic] = []
    var scope: Scope
    var function: FunctionScope
    /// Enclosing targets of `break`/`continue`, innermost last.
    var targets: [(label: String?, id: Int, isLoop: Bool)] = []
    var nextTargetID = 1
    /// Targets that are `switch` statements (an unlabelled `break` ends the innermost one).
    var switchTargets: Set<Int> = []
    /// The return type of the function being compiled (to adapt `return 1` to Double).
    var returnType: TypeRef?
    /// The error type of the function being compiled when it is declared `throws(E)`.
    var thrownType: TypeRef?
    /// The type whose members are being compiled (for `self` and implicit member access).
    var selfType: NominalType?
    /// The type whose members are being declared (its nested types are in scope there).
    var enclosingType: NominalType?
    var inMutatingContext = false
    var inInitializer = false
    static let operatorNames: Set<String> = ["+", "-", "*", "/", "%", "<", ">", "<=", ">=", "==", "!=", "&&", "||", "..<", "...", "&", "|", "^"]
    /// After a failed compilation: the declarations that precede the first error, to keep.
    var keptAfterFailure: [String: Binding] = [:]
    var keptPrologue: [(Frame) throws -> Void] = []
    /// Closures being compiled, innermost last.
    var closureCaptures: [ClosureCaptures] = []
    /// Top-level declarations already handled before the cell's statements (functions, types).
    var hoisted: Set<SyntaxIdentifier> = []
    /// Default-argument expressions of declared functions whose bodies are not compiled yet.
    var pendingDefaults: [ObjectIdentifier: [ExprSyntax?]] = [:]
    /// Member names of types whose bodies are being compiled.
    var pendingMembers: [ObjectIdentifier: Set<String>] = [:]
    /// Generic parameters in scope (`T` of `func f<T>`, `Element` of `Stack<Element>`): checked
    /// at run time, they stand for any type.
    var genericNames: Set<String> = []

    init(ctx: Context, map: SourceMap, scope: Scope) {
        self.ctx = ctx
        self.map = map
        self.scope = scope
        self.function = scope.function
    }

    func range(_ node: some SyntaxProtocol) -> SourceRange { map.range(node) }

    func error(_ message: String, _ node: some SyntaxProtocol, kind: String = "unsupported") -> CompileError {
        CompileError(diagnostic: Diagnostic(message, at: range(node), kind: kind))
    }

    func unsupported(_ what: String, _ node: some SyntaxProtocol) -> CompileError {
        error("\(what) is not supported in notebook cells", node)
    }

    // MARK: Scopes

    /// Opens a block scope; the caller restores the returned scope (`defer { scope = saved }`).
    /// (No closure-taking helper: returning compiled closures through a generic would wrap them
    /// in reabstraction thunks that cost on every run.)
    func pushScope() -> Scope {
        let saved = scope
        scope = Scope(parent: scope, function: function)
        return saved
    }

    /// `weak` or `unowned` among a declaration's modifiers, with the modifier.
    func ownership(_ modifiers: DeclModifierListSyntax) -> (kind: String, node: DeclModifierSyntax)? {
        for m in modifiers {
            if m.name.tokenKind == .keyword(.weak) { return ("weak", m) }
            if m.name.tokenKind == .keyword(.unowned) {
                if let d = m.detail, d.detail.text == "unsafe" { return ("unowned(unsafe)", m) }
                return ("unowned", m)
            }
        }
        return nil
    }

    /// Declares a variable in the current scope and returns its slot.
    func declareVariable(_ name: String, isLet: Bool, type: TypeRef?, node: some SyntaxProtocol) throws -> Int {
        try checkRedeclaration(name, node)
        let slot = function.allocate()
        switch type {
        case .int?, .double?, .float?, .bool?, .string?, .character?, .range?: function.plainSlots.insert(slot)
        default: break
        }
        scope.names[name] = Binding(kind: .variable(isLet: isLet), slot: slot, owner: function, staticType: type,
                                    captureByValue: isLet && !(function.isGlobal && scope.parent == nil))
        scope.declaredHere.insert(name)
        return slot
    }

    /// Declares a name the compiler introduces (`self`, `newValue`).
    func declareSlot(_ name: String, isLet: Bool, type: TypeRef?) -> Int {
        let slot = function.allocate()
        scope.names[name] = Binding(kind: .variable(isLet: isLet), slot: slot, owner: function, staticType: type)
        scope.declaredHere.insert(name)
        return slot
    }

    var protocolNames: Set<String> { ctx.protocolNames }

    func checkRedeclaration(_ name: String, _ node: some SyntaxProtocol) throws {
        if name != "_", scope.declaredHere.contains(name) {
            throw error("invalid redeclaration of '\(name)'", node, kind: "redeclaration")
        }
    }

    func access(_ b: Binding) -> VariableAccess {
        if b.owner.isGlobal {
            if function !== b.owner { b.owner.capturedSlots.insert(b.slot) }
            return .global(b.slot)
        }
        var depth = 0
        var f: FunctionScope? = function
        while let fs = f, fs !== b.owner { fs.usesParentFrame = true; depth += 1; f = fs.parent }
        if depth > 0 { b.owner.capturedSlots.insert(b.slot) }
        return .local(depth: depth, slot: b.slot)
    }

    /// Reading a variable slot.
    func load(_ b: Binding) -> Eval {
        if let a = b.accessors {
            let frame = frameOf(b), get = a.get
            return { f in try get(frame(f)) }
        }
        if b.captureByValue, let cc = closureCaptures.last, !isInside(b.owner, cc.function) {
            let key = "\(ObjectIdentifier(b.owner).hashValue):\(b.slot)"
            let slot: Int
            if let s = cc.slots[key] { slot = s } else {
                slot = cc.function.allocate()
                cc.slots[key] = slot
                cc.captured.append((b, slot))
            }
            return load(Binding(kind: .variable(isLet: true), slot: slot, owner: cc.function, staticType: b.staticType))
        }
        switch access(b) {
        case .global(let slot):
            let g = ctx.globals
            return { _ in g.slots[slot] }
        case .local(0, let slot):
            return { f in f.slots[slot] }
        case .local(1, let slot):
            return { f in f.parent!.slots[slot] }
        case .local(let depth, let slot):
            return { f in f.ancestor(depth).slots[slot] }
        }
    }

    func isInside(_ owner: FunctionScope, _ closure: FunctionScope) -> Bool {
        var f: FunctionScope? = owner
        while let x = f { if x === closure { return true }; f = x.parent }
        return false
    }

    /// The frame that holds a binding, from the running frame.
    func frameOf(_ b: Binding) -> (Frame) -> Frame {
        switch access(b) {
        case .global:
            let g = ctx.globals
            return { _ in g }
        case .local(0, _): return { f in f }
        case .local(let depth, _): return { f in f.ancestor(depth) }
        }
    }

    /// Reports an unknown name (all of them are collected before the cell runs).
    func unknownName(_ name: String, _ node: some SyntaxProtocol) -> Eval {
        var message = "cannot find '\(name)' in scope"
        var fixIts: [Diagnostic.FixIt] = []
        let candidates = scope.allNames + Array(builtins.functions.keys) + Array(builtins.types.keys)
        if let suggestion = closestName(to: name, in: candidates) {
            message += "; did you mean '\(suggestion)'?"
            fixIts.append(.init(message: "replace '\(name)' with '\(suggestion)'", range: range(node), replacement: suggestion))
        }
        diagnostics.append(Diagnostic(message, at: range(node), kind: "unknown-name", fixIts: fixIts))
        return { _ in throw RuntimeError("unresolved name") }
    }
}
