import Foundation
import Notebook
import Reports
import Testing
@testable import Runner

/// What the reader sees while a notebook trains (training.md, "What the reader sees"): the
/// running notebook's line names the epoch, Keras's bar is drawn live below it on a terminal
/// (coloured only when colour is on), and nothing live is drawn in a log or with --ci.
@Suite struct TrainingProgressTests {
    static let notebookText = """
        # Train

        ```swift id=data
        let x = Tensor([[0, 0], [0, 1], [1, 0], [1, 1]])
        ```

        ## Fitting

        ```swift id=fit
        print("start")
        ```
        """

    final class Screen: @unchecked Sendable {
        var text = ""
    }

    func terminal(tty: Bool, ci: Bool = false, color: RunOptions.ColorMode = .auto, _ screen: Screen) -> Terminal {
        var options = RunOptions()
        options.ci = ci
        options.color = color
        return Terminal(options: options, isTTY: tty, noColor: false, columns: { 200 }, standardOutput: { screen.text += $0 })
    }

    func notebook() throws -> Notebook {
        try #require(NotebookParser.parse(bytes: Array(Self.notebookText.utf8), path: "course/train.md").notebook)
    }

    static let progress = TrainingProgress(epoch: 2, epochs: 3, line: "12/40 ━━━━━━━━━━━━━━━━━━━━ 8s 301ms/step - loss: 0.5627",
                                           coloredLine: "\u{1B}[1m12/40\u{1B}[0m ━━━ 8s - loss: 0.5627", finished: false)

    @Test func theRunningLineNamesTheEpochAndTheBarIsDrawnBelowIt() throws {
        let screen = Screen()
        let line = ProgressLine(notebooks: [try notebook()], terminal: terminal(tty: true, color: .never, screen))
        let start = Date()
        line.update(.notebookStarted(job: 0), now: start)
        screen.text = ""
        line.update(.cellStarted(job: 0, cell: 1), now: start)
        #expect(screen.text == "\r\u{1B}[2Kcourse/train.md: cell 2 of 2 · Fitting · 0.0 s")
        screen.text = ""
        line.update(.training(job: 0, cell: 1, progress: Self.progress), now: start.addingTimeInterval(1.25))
        // One line back up is not needed yet (one line shown); the bar goes on a second line.
        #expect(screen.text == "\r\u{1B}[2Kcourse/train.md: cell 2 of 2 · Fitting · epoch 2/3 · 1.2 s\n"
                + "12/40 ━━━━━━━━━━━━━━━━━━━━ 8s 301ms/step - loss: 0.5627")
        screen.text = ""
        line.update(.training(job: 0, cell: 1, progress: Self.progress), now: start.addingTimeInterval(1.5))
        // Redrawn in place: both lines erased (the cursor goes up one), then drawn again.
        #expect(screen.text.hasPrefix("\r\u{1B}[2K\u{1B}[1A\u{1B}[2Kcourse/train.md: cell 2 of 2 · Fitting · epoch 2/3 · 1.5 s\n12/40"))
        screen.text = ""
        // The cell ends: the bar goes, the notebook's line stays.
        line.update(.cellFinished(job: 0, cell: 1, run: CellRun(outcome: .passed)), now: start.addingTimeInterval(2))
        #expect(screen.text == "\r\u{1B}[2K\u{1B}[1A\u{1B}[2Kcourse/train.md: cell 2 of 2 · Fitting · 2.0 s")
    }

    @Test func theBarHasKerasColoursOnlyWhenColourIsOn() throws {
        let screen = Screen()
        let line = ProgressLine(notebooks: [try notebook()], terminal: terminal(tty: true, color: .always, screen))
        line.update(.notebookStarted(job: 0))
        line.update(.training(job: 0, cell: 1, progress: Self.progress))
        #expect(screen.text.hasSuffix("\n\u{1B}[1m12/40\u{1B}[0m ━━━ 8s - loss: 0.5627"))
    }

    @Test func nothingLiveInALogOrWithCI() throws {
        for (tty, ci) in [(false, false), (true, true)] {
            let screen = Screen()
            let line = ProgressLine(notebooks: [try notebook()], terminal: terminal(tty: tty, ci: ci, screen))
            line.update(.notebookStarted(job: 0))
            line.update(.training(job: 0, cell: 1, progress: Self.progress))
            #expect(screen.text.isEmpty, "tty \(tty) ci \(ci)")
        }
    }

    /// The events a worker sends become the parent's picture of the run (both the pool and a
    /// watch session use this): a stopped worker leaves the cell's printed text and names the
    /// statement that was running.
    @Test func theReducerKeepsWhatAStoppedCellPrinted() throws {
        let nb = try notebook()
        var state = RunProgress(cells: 2)
        state.apply(.started(cell: 0))
        state.apply(.finished(cell: 0, run: CellRun(outcome: .passed)))
        state.apply(.started(cell: 1))
        let statement = SourceRange(start: SourceLocation(file: "course/train.md", line: 10, column: 1),
                                    end: SourceLocation(file: "course/train.md", line: 10, column: 15))
        state.apply(.statement(cell: 1, range: statement, printed: ""))
        state.apply(.statement(cell: 1, range: statement, printed: "start\n"))
        state.apply(.training(cell: 1, progress: Self.progress))
        #expect(state.training == Self.progress)
        #expect(state.finishedPrefix.count == 1)
        #expect(state.stop("the worker crashed", timedOut: false, in: nb) == 1)
        let run = try #require(state.allRuns[1].result)
        #expect(state.allRuns[1].outcome == .failed)
        #expect(run.outputs.first == .text("start\n"))
        guard case .error(let d)? = run.outputs.last else { Issue.record("no error: \(run.outputs)"); return }
        #expect(d.message == "the worker crashed")
        #expect(d.range?.start.line == 10)
        // A cell reported finished resets what was printed: a stop between cells blames the next.
        var between = RunProgress(cells: 2)
        between.apply(.started(cell: 0))
        between.apply(.statement(cell: 0, range: statement, printed: "zero\n"))
        between.apply(.finished(cell: 0, run: CellRun(outcome: .passed)))
        #expect(between.stop("gone", timedOut: true, in: nb) == 1)
        #expect(between.allRuns[1].outcome == .timedOut)
        #expect(between.allRuns[1].result?.outputs.count == 1)
    }

    /// Through a real worker: a `fit` of three epochs sends its progress, every epoch's last line
    /// finished, the running line's epoch counting up.
    @Test func aWorkerSendsTrainingProgress() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("train.md", """
            ```swift id=fit
            let model = Sequential([Dense(units: 4, activation: .tanh), Dense(units: 1, activation: .sigmoid)])
            let x = Tensor(randomUniform: [64, 3])
            let y = Tensor(randomUniform: [64, 1])
            model.compile(optimizer: Adam(), loss: .binaryCrossentropy, metrics: [.accuracy])
            _ = model.fit(x, y, epochs: 3, batchSize: 8)
            ```
            """)
        let path = box.folder.appendingPathComponent("train.md").path
        let nb = try #require(NotebookParser.parse(bytes: Array(try String(contentsOfFile: path, encoding: .utf8).utf8), path: path).notebook)
        let pool = WorkerPool(executable: Sandbox.executable.path, parallelism: 1)
        let seen = Locked([TrainingProgress]())
        let runs = pool.run([.init(notebook: nb, invocation: WorkerInvocation(path: path, seed: nil, memoryLimit: 1 << 30, unsafeHTML: false))]) {
            if case .training(_, _, let p) = $0 { seen.withLock { $0.append(p) } }
        }
        #expect(runs[0].map(\.outcome) == [.passed], "\(runs[0])")
        let progress = seen.withLock { $0 }
        let finished = progress.filter(\.finished)
        #expect(finished.map(\.epoch) == [1, 2, 3])
        #expect(finished.allSatisfy { $0.epochs == 3 && $0.line.hasPrefix("8/8 ━━━━━━━━━━━━━━━━━━━━ ") && $0.line.contains(" - accuracy: ") })
        #expect(progress.map(\.epoch) == progress.map(\.epoch).sorted())
        #expect(progress.first?.line.hasPrefix("0/8 ") == true)
    }
}
