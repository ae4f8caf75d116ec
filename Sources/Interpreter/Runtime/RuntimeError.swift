import Reports

/// An error of a running cell: a Swift trap, a failed native call, a timeout. It carries its
/// place in the notebook and collects the chain of calls as it unwinds.
struct RuntimeError: Error {
    var message: String
    var range: SourceRange?
    var kind: String = "runtime"
    var callChain: [Diagnostic.Frame] = []

    init(_ message: String, at range: SourceRange? = nil, kind: String = "runtime") {
        self.message = message
        self.range = range
        self.kind = kind
    }

    var diagnostic: Diagnostic {
        Diagnostic(message, at: range, kind: kind, callChain: callChain)
    }
}

/// A Swift error thrown by cell code (`throw ParseError.empty`), caught by `do`/`catch`.
struct ThrownValue: Error {
    let value: Value
    var range: SourceRange?
    var callChain: [Diagnostic.Frame] = []
}

/// Adds the place of a failing operation to an error raised without one (by a native function).
@inline(__always)
func located<T>(_ range: SourceRange, _ body: () throws -> T) throws -> T {
    do { return try body() } catch var e as RuntimeError {
        if e.range == nil { e.range = range }
        throw e
    }
}
