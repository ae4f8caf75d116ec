import Foundation
import Reports
import SwiftSyntax
import Tensors

/// One persistent session per notebook: cells run one after another against one top-level scope.
public final class Session {
    public let options: SessionOptions
    /// The session's tensor memory (`--memory-limit`): current on the thread that runs cells.
    let arena: TensorArena
    let ctx: Context
    let globalFunction = FunctionScope(parent: nil, isGlobal: true)
    let globalScope: Scope
    /// Stack of the thread cells run on: 10,000 nested calls of cell functions fit in it.
    static let stackSize = 1 << 30
    /// Cells parsed ahead of their runs (`parseAhead`).
    let ahead = ParsedAhead()

    public init(options: SessionOptions) {
        self.options = options
        _ = MemoryTuning.applied
        arena = TensorArena(limit: options.memoryLimit)
        ctx = Context(options: options)
        globalScope = Scope(parent: nil, function: globalFunction)
        let prelude = run(CellSource(code: Session.prelude, file: "<standard library>", line: 1))
        precondition(prelude.status == .succeeded, "the standard library prelude failed: \(prelude.outputs)")
    }

    /// Standard library types written in Swift, declared before a notebook's first cell.
    static let prelude = """
        enum Result<Success, Failure: Error> {
            case success(Success)
            case failure(Failure)
            init(catching body: () throws -> Success) {
                do { self = .success(try body()) } catch { self = .failure(error) }
            }
            func get() throws -> Success {
                switch self {
                case .success(let value): return value
                case .failure(let error): throw error
                }
            }
            func map<NewSuccess>(_ transform: (Success) -> NewSuccess) -> Result<NewSuccess, Failure> {
                switch self {
                case .success(let value): return .success(transform(value))
                case .failure(let error): return .failure(error)
                }
            }
            func mapError<NewFailure>(_ transform: (Failure) -> NewFailure) -> Result<Success, NewFailure> {
                switch self {
                case .success(let value): return .success(value)
                case .failure(let error): return .failure(transform(error))
                }
            }
            func flatMap<NewSuccess>(_ transform: (Success) -> Result<NewSuccess, Failure>) -> Result<NewSuccess, Failure> {
                switch self {
                case .success(let value): return transform(value)
                case .failure(let error): return .failure(error)
                }
            }
        }
        enum FloatingPointSign { case plus, minus }
        extension Double {
            var sign: FloatingPointSign { self < 0 || (self == 0 && 1 / self < 0) ? .minus : .plus }
        }
        extension Float {
            var sign: FloatingPointSign { self < 0 || (self == 0 && 1 / self < 0) ? .minus : .plus }
        }
        """

    /// Called as each top-level statement of a cell starts: its location and the text the cell
    /// printed since the last call. A worker process reports both to its parent, so that if the
    /// process dies (a crash, a kill for memory), the cell keeps its output and the error names
    /// the statement that was running.
    public var onStatement: ((Reports.SourceRange, String) -> Void)? {
        get { ctx.statementHook }
        set { ctx.statementHook = newValue }
    }

    /// Called as a `fit` in a cell redraws Keras's progress bar: at most every 0.05 s, and at the
    /// end of each epoch.
    public var onTraining: ((TrainingProgress) -> Void)? {
        get { ctx.trainingHook }
        set { ctx.trainingHook = newValue }
    }

    /// Parses, resolves and runs one cell. Never throws and never traps: every problem of the
    /// cell comes back as a `.error` output of a failed result.
    public func run(_ cell: CellSource) -> CellResult {
        final class Box: @unchecked Sendable { var result = CellResult(status: .failed) }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            box.result = arena.makeCurrent { runHere(cell) }
            done.signal()
        }
        thread.stackSize = Session.stackSize
        thread.start()
        done.wait()
        return box.result
    }

    /// The files cells read through the data sandbox since the last call, in order (a path
    /// read twice is listed twice when its content changed in between).
    public func takeFilesRead() -> [FileRead] {
        var seen = Set<FileRead>()
        let files = ctx.bindings.filesRead.filter { seen.insert($0).inserted }
        ctx.bindings.filesRead = []
        return files
    }

    private func runHere(_ cell: CellSource) -> CellResult {
        let started = DispatchTime.now().uptimeNanoseconds
        func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }
        let parsed = ahead.take(cell) ?? CellParser.parse(cell)
        if !parsed.errors.isEmpty {
            return CellResult(status: .failed, outputs: parsed.errors.map { .error($0) }, duration: seconds())
        }
        let savedNames = globalScope.names
        let compiler = Compiler(ctx: ctx, map: parsed.map, scope: globalScope)
        guard let compiled = compiler.compileCell(parsed.tree) else {
            globalScope.names = savedNames
            for (name, binding) in compiler.keptAfterFailure { globalScope.names[name] = binding }
            for store in compiler.keptPrologue { try? store(ctx.globals) }
            return CellResult(status: .failed, outputs: compiler.diagnostics.map { .error($0) }, duration: seconds())
        }
        guard globalFunction.size <= ctx.globals.slotCount else {
            globalScope.names = savedNames
            let at = SourceLocation(file: cell.file, line: cell.line, column: cell.column)
            return CellResult(status: .failed, outputs: [.error(Diagnostic(
                "the session has too many top-level names (more than \(Frame.topLevelCapacity)); put this cell's declarations inside a function or a type",
                at: at, kind: "limit"))], duration: seconds())
        }
        ctx.timeoutSeconds = cell.timeout
        ctx.deadline = started + UInt64(min(max(cell.timeout, 0), 1e9) * 1e9)  // no overflow, whatever the caller sets
        ctx.output = ""
        ctx.outputs = []
        ctx.depth = 0
        var status = CellResult.Status.succeeded
        var value: RichValue? = nil
        do {
            let g = ctx.globals
            try compiled.prologue(g)
            _ = try compiled.body(g)
            if let last = compiled.last {
                let v = try last(g)
                if !isVoid(v) { value = try ctx.richValue(v) }
            }
            try ctx.runPendingDeinits()
        } catch {
            ctx.deinitQueue.pending = []
            let diagnostic: Diagnostic
            switch error {
            case let e as RuntimeError:
                diagnostic = e.diagnostic
                if e.kind == "timeout" { status = .timedOut }
            case let e as ThrownValue:
                let text = (try? ctx.describe(e.value, debug: true)) ?? "error"
                diagnostic = Diagnostic("Error raised at top level: \(text)", at: e.range, kind: "thrown", callChain: e.callChain)
            case let e as CompileError:
                diagnostic = e.diagnostic
            default:
                diagnostic = Diagnostic("\(error)", at: nil, kind: "runtime")
            }
            if status != .timedOut { status = .failed }
            ctx.flushText()
            ctx.outputs.append(.error(diagnostic))
            forgetUnsetNames(savedNames)
        }
        ctx.flushText()
        return CellResult(status: status, outputs: ctx.outputs, result: value, duration: seconds())
    }

    /// After a failure, names the cell declared but never reached stay unknown.
    private func forgetUnsetNames(_ saved: [String: Binding]) {
        for (name, b) in globalScope.names {
            guard case .variable = b.kind, saved[name]?.slot != b.slot else { continue }
            if case .void = ctx.globals.slots[b.slot] {
                globalScope.names[name] = saved[name]
            }
        }
    }
}

extension Context {
    /// How a cell's result is shown.
    func richValue(_ v: Value) throws -> RichValue {
        if case .native(let n) = v, let rich = n.type.richValue { return rich(n.value) }
        return .text(try describe(v))
    }
}
