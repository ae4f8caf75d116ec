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

    /// Notes that the error is leaving a call of `function` made at `location`. A recursive call
    /// repeated more than twice in a row is counted on the last frame instead of listed again,
    /// and at most 16 different frames are kept.
    mutating func leave(_ function: String, at location: SourceLocation) {
        let n = callChain.count
        if n >= 2, callChain[n - 1].function == function, callChain[n - 1].location == location,
           callChain[n - 2].function == function, callChain[n - 2].location == location {
            callChain[n - 1].repeats += 1
        } else if n < 16 {
            callChain.append(.init(function: function, location: location))
        }
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
