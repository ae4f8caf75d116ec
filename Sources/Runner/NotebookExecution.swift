import Foundation
import Interpreter
import Notebook
import Reports

/// Runs a notebook's cells in order against one session and judges each (cli.md, run policy):
/// stop at the first unexpected failure unless `allow-errors`; later cells are not run; an
/// `expect-error` cell must fail; `skip` cells are not run.
public enum NotebookExecution {
    /// What a run reports as it goes (a worker sends these to the parent process).
    public enum Event: Codable, Sendable {
        case started(cell: Int)
        /// The files the cell read through the data sandbox (sent before `finished`, when any).
        case filesRead(cell: Int, files: [FileRead])
        /// A top-level statement of the running cell starts; `printed`: the text printed since
        /// the previous event.
        case statement(cell: Int, range: SourceRange, printed: String)
        /// A `fit` in the running cell redrew its progress bar.
        case training(cell: Int, progress: TrainingProgress)
        case finished(cell: Int, run: CellRun)
    }

    public static func run(_ notebook: Notebook, seed: Int, memoryLimit: Int,
                           emit: @escaping (Event) -> Void = { _ in }) -> [CellRun] {
        let folder = (notebook.path as NSString).deletingLastPathComponent
        let session = Session(options: SessionOptions(
            seed: UInt64(bitPattern: Int64(seed)), memoryLimit: memoryLimit,
            baseDirectory: folder.isEmpty ? "." : folder))
        func source(_ cell: Cell) -> CellSource {
            CellSource(code: cell.code, file: notebook.path, line: cell.codeLocation.line,
                       column: cell.codeLocation.column, timeout: cell.options.timeout ?? notebook.frontMatter.timeout)
        }
        // Later cells are parsed while the first ones run.
        session.parseAhead(notebook.cells.filter { !$0.options.skip }.map(source))
        var runs: [CellRun] = []
        var stopped = false
        var running = 0
        session.onStatement = { range, printed in emit(.statement(cell: running, range: range, printed: printed)) }
        session.onTraining = { progress in emit(.training(cell: running, progress: progress)) }
        for (i, cell) in notebook.cells.enumerated() {
            let run: CellRun
            if stopped {
                run = CellRun(outcome: .notRun)
            } else if cell.options.skip {
                run = CellRun(outcome: .skipped)
            } else {
                emit(.started(cell: i))
                running = i
                let result = session.run(source(cell))
                run = CellRun(outcome: judge(result, expectError: cell.options.expectError), result: result)
                let files = session.takeFilesRead()
                if !files.isEmpty { emit(.filesRead(cell: i, files: files)) }
                if run.outcome.isFailure && !notebook.frontMatter.allowErrors { stopped = true }
            }
            emit(.finished(cell: i, run: run))
            runs.append(run)
        }
        return runs
    }

    static func judge(_ result: CellResult, expectError: Bool) -> CellOutcome {
        switch (result.status, expectError) {
        case (.timedOut, _): return .timedOut
        case (.failed, true): return .expectedError
        case (.failed, false): return .failed
        case (.succeeded, true): return .unexpectedSuccess
        case (.succeeded, false): return .passed
        }
    }
}
