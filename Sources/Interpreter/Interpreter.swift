import Reports

/// One persistent session per notebook: cells run one after another against one top-level scope.
///
/// SCAFFOLD: the interpreter issue replaces this body. `run` is the contract the runner uses.
public final class Session {
    public let options: SessionOptions

    public init(options: SessionOptions) {
        self.options = options
    }

    /// Parses, resolves and runs one cell. Never throws and never traps: every problem of the
    /// cell comes back as a `.error` output of a failed result.
    public func run(_ cell: CellSource) -> CellResult {
        let location = SourceLocation(file: cell.file, line: cell.line, column: cell.column)
        return CellResult(status: .failed, outputs: [.error(Diagnostic(
            "the interpreter is not built yet", at: location, kind: "unsupported"))])
    }
}
