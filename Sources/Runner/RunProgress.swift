import Foundation
import Notebook
import Reports

/// What the parent knows of a notebook's run from its worker's events (NotebookExecution.Event):
/// each cell's run once it finished, the cell running and since when, what it printed and its
/// top-level statement that started last, the files its cells read, and the `fit` under way.
/// The worker pool and a watch session both follow their workers with it, so a worker that
/// dies or is stopped is reported the same way on both paths: the cell keeps what it printed,
/// and the error is at the statement that was running.
struct RunProgress {
    var runs: [CellRun?]
    var current: (cell: Int, since: Date)?
    /// The running cell's printed text and its statement that started last (from `.statement`).
    var printed = ""
    var statement: SourceRange?
    /// The files each cell read through the data sandbox.
    var files: [Int: [FileRead]] = [:]
    /// The running cell's training, as its progress bar was last drawn.
    var training: TrainingProgress?

    init(cells: Int) {
        runs = [CellRun?](repeating: nil, count: cells)
    }

    /// Cells before `kept.count` keep the runs given (a watch session resuming a checkpoint).
    init(kept: [CellRun], cells: Int, files: [Int: [FileRead]] = [:]) {
        runs = kept.map { $0 } + [CellRun?](repeating: nil, count: max(0, cells - kept.count))
        self.files = files
    }

    mutating func apply(_ event: NotebookExecution.Event) {
        switch event {
        case .started(let cell):
            current = (cell, Date())
            (printed, statement, training) = ("", nil, nil)
        case .filesRead(let cell, let read):
            files[cell, default: []] += read
        case .statement(_, let range, let text):
            printed += text
            statement = range
        case .training(_, let progress):
            training = progress
        case .finished(let cell, let run):
            if cell < runs.count { runs[cell] = run }
            current = nil
            (printed, statement, training) = ("", nil, nil)
        }
    }

    /// The cells reported so far, in order (up to the first not reported).
    var finishedPrefix: [CellRun] { runs.prefix { $0 != nil }.map { $0! } }

    /// The worker stopped (crashed, was killed, or was stopped for a time limit) before it
    /// reported every cell: the running cell (else `fallback`, else the first not reported)
    /// fails with `reason`, keeping what it printed, at its running statement. Returns that cell.
    @discardableResult
    mutating func stop(_ reason: String, timedOut: Bool, in notebook: Notebook, fallback: Int? = nil) -> Int? {
        guard let cell = current?.cell ?? fallback ?? runs.firstIndex(where: { $0 == nil }), cell < runs.count else { return nil }
        let kind = timedOut ? "timeout" : "worker"
        let diagnostic = current?.cell == cell ? statement.map { Diagnostic(reason, at: $0, kind: kind) } : nil
        let outputs: [CellOutput] = (current?.cell == cell && !printed.isEmpty ? [.text(printed)] : [])
            + [.error(diagnostic ?? Diagnostic(reason, at: notebook.cells[cell].codeLocation, kind: kind))]
        runs[cell] = CellRun(outcome: timedOut ? .timedOut : .failed,
                             result: CellResult(status: timedOut ? .timedOut : .failed, outputs: outputs))
        current = nil
        return cell
    }

    /// Every cell's run: those never reported were not run.
    var allRuns: [CellRun] { runs.map { $0 ?? CellRun(outcome: .notRun) } }
}
