import Foundation
import Notebook
import Render
import Reports

/// A whole run of `nbrun`: find the notebooks, check them, run them in workers, then for each
/// one write its page, compare or write its snapshot, and report. Returns the exit status of
/// cli.md: 0 all as expected, 1 a cell failed or a snapshot differs, 2 the run could not be done.
public struct Runner {
    public var options: RunOptions
    /// The nbrun executable, which workers run as `nbrun --worker`.
    public var executable: String

    public init(options: RunOptions, executable: String) {
        self.options = options
        self.executable = executable
    }

    public func run() -> Int32 {
        let terminal = Terminal(options: options)
        let started = Date()

        // 1. Which notebooks, and are they all well-formed? Problems here are exit status 2.
        guard let plan = discoverPlan(terminal) else { return 2 }
        if plan.entries.isEmpty {
            terminal.print("no notebooks to run in \(options.paths.joined(separator: ", "))", quiet: true)
            return 0
        }
        // The first workers start now, while the notebooks are parsed here.
        // A worker's command line; without --seed, the worker takes the notebook's own seed.
        func invocation(_ path: String) -> WorkerInvocation {
            WorkerInvocation(path: path, seed: options.seedOverride, memoryLimit: options.memoryLimit, unsafeHTML: options.unsafeHTML)
        }
        let cache = ResultsCache(outputDirectory: options.outputDirectory, executable: executable)
        let pool = WorkerPool(executable: executable, parallelism: min(options.jobs, plan.entries.count))
        // Notebooks with a cache entry most likely need no worker.
        let likelyToRun = plan.entries.filter { !options.readCache || !cache.exists($0.outputName) }
        pool.prestart(likelyToRun.prefix(pool.parallelism).map { invocation($0.path) })
        let parsed = parseNotebooks(plan, terminal)
        let notebooks = parsed.compactMap { $0 }
        let malformed = notebooks.count < parsed.count
        if malformed {
            pool.cancelPrestarted()
            terminal.error("nbrun: fix the notebook\(plan.entries.count > 1 ? "s" : "") above; nothing was written.")
            return 2
        }
        let outputRoot = URL(fileURLWithPath: options.outputDirectory)
        do {
            try FileManager.default.createDirectory(at: outputRoot, withIntermediateDirectories: true)
            guard FileManager.default.isWritableFile(atPath: outputRoot.path) else { throw CocoaError(.fileWriteNoPermission) }
        } catch {
            pool.cancelPrestarted()
            terminal.error("error: cannot write to the output folder \(options.outputDirectory): choose another with -o")
            return 2
        }

        // 2. Those whose results are stored are published from them; the others run, each
        //    published as it finishes, and stored when it went as the notebook asked.
        let publisher = Publisher(options: options, plan: plan, notebooks: notebooks, terminal: terminal)
        let keys = notebooks.map { ResultsCache.key($0, options: options, build: cache.build) }
        let toRun: [Int] = notebooks.indices.filter { i in
            guard options.readCache else { return true }
            switch cache.lookup(notebooks[i], outputName: plan.entries[i].outputName, key: keys[i]) {
            case .hit(let runs, let seconds):
                publisher.publish(i, runs: runs, seconds: seconds, source: .cache)
                return false
            case .miss(let reason):
                if let reason { terminal.print("\(notebooks[i].path): running it: \(reason)", verbose: true) }
                return true
            }
        }
        if toRun.isEmpty {
            pool.cancelPrestarted()
            publisher.finish()
            return publisher.summarize(seconds: Date().timeIntervalSince(started))
        }
        let progress = ProgressLine(notebooks: toRun.map { notebooks[$0] }, terminal: terminal)
        let jobs = toRun.map {
            WorkerPool.Job(notebook: notebooks[$0], invocation: invocation(notebooks[$0].path))
        }
        let filesRead = Locked([Int: [FileRead]]())
        let livePages = LivePageTicker(publisher: publisher, jobs: toRun, notebooks: toRun.map { notebooks[$0] }, terminal: terminal)
        // The pages' syntax highlighting is done while the workers run (the parent is idle),
        // at a low priority so that it takes only the cores the workers leave.
        if options.formats.contains(.html) {
            let sources = toRun.map { HTMLPage.sourcesToHighlight(notebooks[$0]) }
            let highlighter = Thread {
                #if os(Linux)
                setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)  // Linux: this thread only
                #endif
                sources.forEach(SwiftHighlighter.prepare)
            }
            highlighter.qualityOfService = .background
            highlighter.stackSize = HTMLPage.threadStackSize
            highlighter.start()
        }
        _ = pool.run(jobs) { event in
            progress.update(event)
            livePages.update(event)
            switch event {
            case .filesRead(let job, _, let files):
                filesRead.withLock { $0[job, default: []] += files }
            case .notebookFinished(let job, let runs, let seconds):
                let i = toRun[job]
                publisher.publish(i, runs: runs, seconds: seconds, source: .ran)
                if ResultsCache.storable(runs, cellCount: notebooks[i].cells.count) {
                    var seen = Set<FileRead>()
                    let files = filesRead.withLock { $0[job] ?? [] }.filter { seen.insert($0).inserted }
                    if let problem = cache.store(notebooks[i], outputName: plan.entries[i].outputName, key: keys[i],
                                                 runs: runs, files: files, seconds: seconds) {
                        terminal.print("note: the results of \(notebooks[i].path) were not cached: \(problem)", verbose: true)
                    }
                }
            default:
                break
            }
        }
        pool.cancelPrestarted()  // none is left: each was taken by the job with its invocation
        livePages.stop()

        // 3. The course index, the JUnit report, the summary.
        publisher.finish()
        return publisher.summarize(seconds: Date().timeIntervalSince(started))
    }
}

extension Runner {
    /// After Ctrl-C: a page written while its notebook ran, and still on disk, is rewritten to
    /// say the run was interrupted (with the cells that finished), so none says a cell is running.
    public static func settleLivePages() { Publisher.settleLivePages() }

    /// The notebooks `options.paths` name (this shard of them); nil, after saying why, when
    /// they cannot be found. A run and each round of a watch start here.
    func discoverPlan(_ terminal: Terminal) -> NotebookPlan? {
        do {
            let plan = try NotebookPlan.discover(options.paths)
            if let shard = options.shard { return plan.shard(shard.index, of: shard.count) }
            return plan
        } catch {
            terminal.error("error: \(error)")
            return nil
        }
    }

    /// Each entry's notebook, parsed; nil for one that is too large, cannot be read or is
    /// malformed, after its diagnostics are printed (with the notebook's lines).
    func parseNotebooks(_ plan: NotebookPlan, _ terminal: Terminal) -> [Notebook?] {
        plan.entries.map { entry in
            let size = (try? FileManager.default.attributesOfItem(atPath: entry.path)[.size] as? Int) ?? 0
            if size > options.maxNotebookSize {
                terminal.error("error: \(entry.path) is \(WorkerLimits.describe(size)), over the \(WorkerLimits.describe(options.maxNotebookSize)) "
                    + "limit for a notebook; split it, or raise the limit with --max-notebook-size")
                return nil
            }
            guard let data = FileManager.default.contents(atPath: entry.path) else {
                terminal.error("error: cannot read \(entry.path)")
                return nil
            }
            let parsed = NotebookParser.parse(bytes: [UInt8](data), path: entry.path, unsafeHTML: options.unsafeHTML)
            let text = parsed.notebook?.text ?? String(decoding: data, as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let formatter = DiagnosticFormatter(color: terminal.color) { _, n in n >= 1 && n <= lines.count ? String(lines[n - 1]) : nil }
            for d in parsed.diagnostics { terminal.error(formatter.format(d)) }
            return parsed.notebook
        }
    }
}

/// The live status: one line per running notebook (at which cell, under which heading, for how
/// long, and in which epoch when a cell is training), and below a training notebook's line
/// Keras's progress bar as its worker last drew it.
final class ProgressLine: @unchecked Sendable {
    private let notebooks: [Notebook]
    private let terminal: Terminal
    private let lock = NSLock()
    private var running: [Int: (cell: Int, since: Date)] = [:]
    private var training: [Int: TrainingProgress] = [:]

    init(notebooks: [Notebook], terminal: Terminal) {
        self.notebooks = notebooks
        self.terminal = terminal
    }

    func update(_ event: WorkerPool.Progress, now: Date = Date()) {
        let lines: [Terminal.StatusLine]? = lock.withLock {
            switch event {
            case .notebookStarted(let job): running[job] = (0, now)
            case .cellStarted(let job, let cell):
                running[job] = (cell, running[job]?.since ?? now)
                training[job] = nil
            case .training(let job, _, let progress): training[job] = progress
            case .cellFinished(let job, _, _):
                guard training.removeValue(forKey: job) != nil else { return nil }
            case .filesRead: return nil
            case .notebookFinished(let job, _, _):
                running[job] = nil
                training[job] = nil
            }
            return running.keys.sorted().flatMap { job -> [Terminal.StatusLine] in
                let nb = notebooks[job]
                let (cell, since) = running[job]!
                let heading = Self.heading(before: cell, in: nb).map { " · \($0)" } ?? ""
                let epoch = training[job].map { " · epoch \($0.epoch)/\($0.epochs)" } ?? ""
                let line = Terminal.StatusLine(
                    "\(nb.path): cell \(cell + 1) of \(nb.cells.count)\(heading)\(epoch) · \(String(format: "%.1f", now.timeIntervalSince(since))) s")
                guard let bar = training[job] else { return [line] }
                return [line, Terminal.StatusLine(bar.line, colored: bar.coloredLine)]
            }
        }
        if let lines, !lines.isEmpty { terminal.status(lines) }
    }

    /// The last heading above cell `index`.
    static func heading(before index: Int, in notebook: Notebook) -> String? {
        guard index < notebook.cells.count else { return nil }
        let line = notebook.cells[index].fenceLine
        return notebook.headings.last { $0.line < line }?.text
    }
}

/// A normal run's live pages: once a cell has run for a second, its notebook's page is written
/// with the cells so far and the cell running (`Publisher.writeLivePage`), so that the page of a
/// long notebook (one that trains) can be read while it runs; the finished page replaces it.
final class LivePageTicker: @unchecked Sendable {
    /// How long a cell runs before its notebook gets a live page.
    static let delay: TimeInterval = 1
    private let publisher: Publisher
    private let jobs: [Int]
    private let notebooks: [Notebook]
    private let terminal: Terminal
    private let lock = NSLock()
    private var runs: [Int: [CellRun]] = [:]
    private var running: [Int: (cell: Int, since: Date)] = [:]
    private var written: [Int: Int] = [:]      // job: the running cell its live page shows
    private var announced = Set<Int>()
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)

    init(publisher: Publisher, jobs: [Int], notebooks: [Notebook], terminal: Terminal) {
        self.publisher = publisher
        self.jobs = jobs
        self.notebooks = notebooks
        self.terminal = terminal
        let thread = Thread { [self] in
            while lock.withLock({ !stopped }) {
                tick(now: Date())
                Thread.sleep(forTimeInterval: 0.2)
            }
            done.signal()
        }
        thread.qualityOfService = .utility
        thread.stackSize = HTMLPage.threadStackSize
        thread.start()
    }

    func update(_ event: WorkerPool.Progress) {
        lock.withLock {
            switch event {
            case .cellStarted(let job, let cell): running[job] = (cell, Date())
            case .cellFinished(let job, let cell, let run):
                var so = runs[job] ?? []
                if so.count == cell { so.append(run) }
                runs[job] = so
                running[job] = nil
            case .notebookFinished(let job, _, _): running[job] = nil
            default: break
            }
        }
    }

    /// Writes the live page of each notebook whose cell has run past the delay, once per cell.
    func tick(now: Date) {
        let due: [(job: Int, cell: Int, runs: [CellRun])] = lock.withLock {
            running.compactMap { job, r in
                now.timeIntervalSince(r.since) >= Self.delay && written[job] != r.cell ? (job, r.cell, runs[job] ?? []) : nil
            }
        }
        for (job, cell, runs) in due.sorted(by: { $0.job < $1.job }) {
            guard publisher.writeLivePage(jobs[job], runs: runs, running: cell) else { continue }
            let first = lock.withLock { written[job] = cell; return announced.insert(job).inserted }
            if first {
                terminal.print("\(notebooks[job].path): its page follows the run in \(publisher.pagePath(jobs[job]))")
            }
        }
    }

    /// Stops the ticker (after the last notebook finished); returns when it has stopped.
    func stop() {
        lock.withLock { stopped = true }
        done.wait()
    }
}
