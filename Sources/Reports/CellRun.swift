/// How a cell's run is judged against what the notebook asked for (the runner decides;
/// the page, the terminal, the snapshot and JUnit show it).
public enum CellOutcome: String, Sendable, Hashable, Codable {
    /// Ran as expected (succeeded; or failed and was marked `expect-error`).
    case passed
    /// Failed although it was not allowed to.
    case failed
    /// Marked `expect-error`, and did fail: its error is its output.
    case expectedError = "expected-error"
    /// Marked `expect-error`, but succeeded: a failure of the notebook.
    case unexpectedSuccess = "unexpected-success"
    /// Ran past its time limit.
    case timedOut = "timed-out"
    /// Marked `skip`: shown, not run.
    case skipped
    /// Not reached: an earlier cell failed and errors were not allowed.
    case notRun = "not-run"

    /// Whether this outcome fails the notebook's run.
    public var isFailure: Bool {
        self == .failed || self == .unexpectedSuccess || self == .timedOut
    }
}

/// One cell's run: the outcome and, when the cell ran, what it produced.
public struct CellRun: Sendable, Hashable, Codable {
    public var outcome: CellOutcome
    public var result: CellResult?

    public init(outcome: CellOutcome, result: CellResult? = nil) {
        self.outcome = outcome
        self.result = result
    }
}
