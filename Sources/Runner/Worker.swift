import Foundation
import Notebook
import Render
import Reports

/// The worker side: `nbrun --worker PATH` runs one notebook and reports each cell to its parent
/// as JSON lines on the file descriptor that was its standard output. Standard output itself is
/// sent to standard error first, so nothing else can ever mix into the channel.
public enum Worker {
    public static func main(_ invocation: WorkerInvocation) -> Int32 {
        ParentWatch.start()
        WorkerLimits.apply(memoryLimit: invocation.memoryLimit)
        let path = invocation.path
        let channel = FileHandle(fileDescriptor: dup(STDOUT_FILENO), closeOnDealloc: true)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("error: cannot read \(path)\n".utf8))
            return 2
        }
        guard let notebook = NotebookParser.parse(bytes: [UInt8](data), path: path, unsafeHTML: invocation.unsafeHTML).notebook else {
            FileHandle.standardError.write(Data("error: \(path) is not a valid notebook\n".utf8))
            return 2
        }
        if let directory = invocation.watchDirectory {
            return WatchWorker.main(invocation, directory: directory, channel: channel)
        }
        let encoder = JSONEncoder()
        let fault = Fault(ProcessInfo.processInfo.environment["NBRUN_WORKER_FAULT"])
        _ = NotebookExecution.run(notebook, seed: invocation.seed ?? notebook.frontMatter.seed, memoryLimit: invocation.memoryLimit) { event in
            defer { if case .started(let cell) = event { fault?.strike(at: notebook.cells[cell].identity) } }
            guard var line = try? encoder.encode(event) else { return }
            line.append(0x0A)
            channel.write(line)
        }
        // The report is complete: closing both pipes now lets the parent write the page while
        // this process exits, since returning the notebook's memory to the kernel takes a
        // while (~30 ms for the attention notebook's 290 MB) and the pipes close only after it.
        try? channel.close()
        close(STDOUT_FILENO)
        close(STDERR_FILENO)
        return 0
    }
}

/// How a worker is started: `nbrun --worker PATH [--seed N] [--memory-limit BYTES] [--unsafe-html] [--watch DIR]`.
/// The pool writes these arguments and nbrun's main reads them with `init?(arguments:)`, by hand:
/// ArgumentParser's reflection would cost every worker start several milliseconds (issue 4: a
/// notebook of one empty cell runs in under 50 ms).
public struct WorkerInvocation: Hashable, Sendable {
    public var path: String
    public var seed: Int?
    public var memoryLimit = 4 << 30
    public var unsafeHTML = false
    /// `--watch DIR`: a watch worker (Checkpoints.swift), its checkpoints' FIFOs in DIR.
    public var watchDirectory: String?

    public init(path: String, seed: Int?, memoryLimit: Int, unsafeHTML: Bool, watchDirectory: String? = nil) {
        self.path = path
        self.seed = seed
        self.memoryLimit = memoryLimit
        self.unsafeHTML = unsafeHTML
        self.watchDirectory = watchDirectory
    }

    /// The command line after the executable's name.
    public var arguments: [String] {
        ["--worker", path] + (seed.map { ["--seed", String($0)] } ?? []) + ["--memory-limit", String(memoryLimit)]
            + (unsafeHTML ? ["--unsafe-html"] : []) + (watchDirectory.map { ["--watch", $0] } ?? [])
    }

    /// Reads `arguments`' form back; nil when `args` is not a worker's command line.
    public init?<Args: Collection>(arguments args: Args) where Args.Element == String {
        var rest = args[...]
        guard rest.popFirst() == "--worker", let path = rest.popFirst() else { return nil }
        self.path = path
        while let flag = rest.popFirst() {
            switch flag {
            case "--seed":
                guard let n = rest.popFirst().flatMap({ Int($0) }) else { return nil }
                seed = n
            case "--memory-limit":
                guard let n = rest.popFirst().flatMap({ Int($0) }), n > 0 else { return nil }
                memoryLimit = n
            case "--unsafe-html": unsafeHTML = true
            case "--watch":
                guard let directory = rest.popFirst() else { return nil }
                watchDirectory = directory
            default: return nil
            }
        }
    }
}

/// A test hook (`NBRUN_WORKER_FAULT=crash:ID` or `hang:ID`): the worker crashes, or hangs where
/// the interpreter cannot stop it, when cell ID starts. It exists so the tests can check that the
/// parent turns such failures into a failed cell and goes on with the other notebooks.
private struct Fault {
    var kind: Substring
    var cell: Substring

    init?(_ text: String?) {
        guard let parts = text?.split(separator: ":", maxSplits: 1), parts.count == 2 else { return nil }
        kind = parts[0]
        cell = parts[1]
    }

    func strike(at identity: String) {
        guard identity == cell else { return }
        if kind == "crash" { fatalError("NBRUN_WORKER_FAULT: crashing at cell \(identity)") }
        if kind == "hang" { while true { sleep(1000) } }
    }
}

/// The parent side: runs notebooks in worker processes, several at once, so that a trap, an
/// out-of-memory kill or a hang in one notebook becomes a failed cell of that notebook while the
/// others go on.
public struct WorkerPool {
    public struct Job: Sendable {
        public var notebook: Notebook
        /// How its worker is started (and how `prestart` may have started it already).
        public var invocation: WorkerInvocation

        public init(notebook: Notebook, invocation: WorkerInvocation) {
            (self.notebook, self.invocation) = (notebook, invocation)
        }
    }

    public enum Progress: Sendable {
        case notebookStarted(job: Int)
        case cellStarted(job: Int, cell: Int)
        case cellFinished(job: Int, cell: Int, run: CellRun)
        /// Files a cell read through the data sandbox (before its `cellFinished`).
        case filesRead(job: Int, cell: Int, files: [FileRead])
        /// A `fit` in the cell redrew its progress bar.
        case training(job: Int, cell: Int, progress: TrainingProgress)
        case notebookFinished(job: Int, runs: [CellRun], seconds: Double)
    }

    /// The nbrun executable that workers run.
    public var executable: String
    public var parallelism: Int
    /// Workers started before their jobs (`prestart`), by their command line.
    private let prestarted = Locked([WorkerInvocation: Started]())
    /// Seconds a cell may overrun its own time limit before its worker is stopped from outside
    /// (the interpreter stops cells itself; this catches a hang inside a native kernel).
    public var grace: Double = Double(ProcessInfo.processInfo.environment["NBRUN_WATCHDOG_GRACE"] ?? "") ?? 5

    public init(executable: String, parallelism: Int) {
        self.executable = executable
        self.parallelism = max(1, parallelism)
    }

    /// Runs every job; returns each job's cell runs (one per cell) in job order.
    public func run(_ jobs: [Job], progress: @escaping @Sendable (Progress) -> Void) -> [[CellRun]] {
        let results = Locked([[CellRun]](repeating: [], count: jobs.count))
        let slots = DispatchSemaphore(value: parallelism)
        let group = DispatchGroup()
        for (index, job) in jobs.enumerated() {
            slots.wait()
            group.enter()
            // The page is written on this thread (`progress`): a stack for nested input.
            let thread = Thread {
                progress(.notebookStarted(job: index))
                let start = Date()
                let runs = runOne(job, index: index, progress: progress)
                results.withLock { $0[index] = runs }
                progress(.notebookFinished(job: index, runs: runs, seconds: Date().timeIntervalSince(start)))
                slots.signal()
                group.leave()
            }
            thread.stackSize = HTMLPage.threadStackSize
            thread.start()
        }
        group.wait()
        return results.withLock { $0 }
    }

    /// A worker process and the pipes of its report and its standard error.
    private struct Started {
        var process: Process, channel: Pipe, errors: Pipe
    }

    private func start(_ invocation: WorkerInvocation) throws -> Started {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = invocation.arguments
        let started = Started(process: process, channel: Pipe(), errors: Pipe())
        process.standardOutput = started.channel
        process.standardError = started.errors
        process.standardInput = FileHandle.nullDevice
        process.environment = workerEnvironment(ProcessInfo.processInfo.environment)
            .merging([ParentWatch.variable: String(getpid())]) { _, ours in ours }
        try process.run()
        Self.live.withLock { _ = $0.insert(process.processIdentifier) }
        return started
    }

    /// Starts the workers of the first notebooks now, before the parent has parsed them: a
    /// worker's start (loading nbrun, parsing its notebook) then overlaps the parent's parse
    /// (~7 ms of the attention notebook's run). `run` takes them up (the job with the same
    /// invocation); `cancelPrestarted` stops them when the run ends before (a malformed notebook).
    public func prestart(_ invocations: [WorkerInvocation]) {
        for invocation in invocations where prestarted.withLock({ $0[invocation] == nil }) {  // one per command line
            guard let started = try? start(invocation) else { continue }  // `run` tries again, and reports
            prestarted.withLock { $0[invocation] = started }
        }
    }

    /// Stops the workers `prestart` started that no job took.
    public func cancelPrestarted() {
        for started in prestarted.withLock({ $0.values }) {
            kill(started.process.processIdentifier, SIGKILL)  // workers inherit nbrun's ignored SIGTERM
            Self.live.withLock { _ = $0.remove(started.process.processIdentifier) }
        }
        prestarted.withLock { $0.removeAll() }
    }

    private func runOne(_ job: Job, index: Int, progress: @escaping @Sendable (Progress) -> Void) -> [CellRun] {
        let cells = job.notebook.cells
        let state = Locked(RunProgress(cells: cells.count))
        let started: Started
        if let early = prestarted.withLock({ $0.removeValue(forKey: job.invocation) }) {
            started = early
        } else {
            do {
                started = try start(job.invocation)
            } catch {
                return failAll(cells.count, because: "could not start nbrun's worker (\(executable)): \(error.localizedDescription)", job: job)
            }
        }
        let (process, channel, errors) = (started.process, started.channel, started.errors)
        // Standard error is drained so a chatty worker never blocks; its tail explains a crash.
        // Its head names an allocation that failed ("Fatal error: failed to allocate ..."), before the backtrace.
        let stderrTail = Locked(Data()), stderrHead = Locked(Data())
        let stderrDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            while case let chunk = errors.fileHandleForReading.availableData, !chunk.isEmpty {
                stderrHead.withLock { if $0.count < 1024 { $0 = ($0 + chunk).prefix(1024) } }
                stderrTail.withLock { $0 = ($0 + chunk).suffix(4096) }
            }
            stderrDone.signal()
        }
        let readerDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let decoder = JSONDecoder()
            // Linear in the report's size: each byte is looked at once for a newline (a cell that
            // prints 100 MB is one long line), and consumed lines are dropped once per chunk.
            var buffer = Data()
            var scanned = 0  // bytes of `buffer` known to hold no newline
            while case let chunk = channel.fileHandleForReading.availableData, !chunk.isEmpty {
                buffer.append(chunk)
                var lineStart = buffer.startIndex
                var lines: [Range<Data.Index>] = []
                while let newline = buffer[(lineStart + scanned)...].firstIndex(of: 0x0A) {
                    lines.append(lineStart..<newline)
                    lineStart = newline + 1
                    scanned = 0
                }
                scanned = buffer.endIndex - lineStart
                let complete = lines.map { buffer[$0] }
                if lineStart > buffer.startIndex { buffer = Data(buffer[lineStart...]) }
                for line in complete {
                    guard let event = try? decoder.decode(NotebookExecution.Event.self, from: line) else { continue }
                    state.withLock { $0.apply(event) }
                    switch event {
                    case .started(let cell): progress(.cellStarted(job: index, cell: cell))
                    case .filesRead(let cell, let files): progress(.filesRead(job: index, cell: cell, files: files))
                    case .statement: break
                    case .training(let cell, let training): progress(.training(job: index, cell: cell, progress: training))
                    case .finished(let cell, let run): progress(.cellFinished(job: index, cell: cell, run: run))
                    }
                }
            }
            readerDone.signal()
        }
        // The watchdog: a cell far past its time limit means a hang the interpreter cannot see.
        // It also stops a worker whose memory passes --memory-limit (WorkerLimits).
        var killedForTimeout: (cell: Int, limit: Double)?
        var killedForMemory: Int?
        while readerDone.wait(timeout: .now() + 0.05) == .timedOut {
            if killedForMemory == nil, killedForTimeout == nil,
               let resident = WorkerLimits.residentBytes(of: process.processIdentifier), resident > job.invocation.memoryLimit {
                killedForMemory = resident
                kill(process.processIdentifier, SIGKILL)
            }
            let current = state.withLock { $0.current }
            if let (cell, started) = current {
                let limit = cells[cell].options.timeout ?? job.notebook.frontMatter.timeout
                if Date().timeIntervalSince(started) > limit + grace, killedForTimeout == nil {
                    killedForTimeout = (cell, limit)
                    kill(process.processIdentifier, SIGKILL)
                }
            }
        }
        let runs = state.withLock { $0.runs }
        guard let missing = runs.firstIndex(where: { $0 == nil }) else {
            // Every cell is reported: the worker is only exiting (freeing its memory), which
            // need not hold up the page. Foundation reaps it when it is gone (waiting for that
            // on a thread here polled a run loop, ~8 ms of CPU). A worker that fails only while
            // exiting, after its whole report, goes unnoticed: its results are complete.
            let pid = process.processIdentifier
            process.terminationHandler = { _ in Self.live.withLock { _ = $0.remove(pid) } }
            if !process.isRunning { Self.live.withLock { _ = $0.remove(pid) } }
            return runs.map { $0! }
        }
        process.waitUntilExit()
        Self.live.withLock { _ = $0.remove(process.processIdentifier) }
        stderrDone.wait()

        // The worker ended before reporting every cell: blame the cell it was running.
        let crashed = state.withLock { $0.current?.cell } ?? missing
        let reason: String
        let status: CellResult.Status
        let tail = String(decoding: stderrTail.withLock { $0 }, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let limit = WorkerLimits.describe(job.invocation.memoryLimit)
        let head = String(decoding: stderrHead.withLock { $0 }, as: UTF8.self)
        if killedForMemory != nil || ["failed to allocate", "Could not allocate memory"].contains(where: { head.contains($0) || tail.contains($0) }) {
            reason = "the notebook used more than \(limit) of memory (--memory-limit) while running this cell; its worker process was stopped"
            status = .failed
        } else if let (cell, limit) = killedForTimeout, cell == crashed {
            reason = "the cell ran past its time limit of \(formatSeconds(limit)) and did not stop; its worker process was stopped"
            status = .timedOut
        } else if process.terminationReason == .uncaughtSignal {
            let signal = process.terminationStatus
            let what = signal == SIGKILL ? "was killed (signal 9), most likely for running out of memory"
                : "crashed (signal \(signal)\(signal == SIGSEGV ? ", segmentation fault" : signal == SIGILL || signal == SIGTRAP ? ", a trap" : ""))"
            reason = "nbrun's worker running this notebook \(what) while running this cell"
            status = .failed
        } else {
            reason = "nbrun's worker stopped (exit status \(process.terminationStatus)) before finishing this cell" + (tail.isEmpty ? "" : ": \(tail)")
            status = .failed
        }
        return state.withLock { progress in
            progress.stop(reason, timedOut: status == .timedOut, in: job.notebook, fallback: crashed)
            return progress.allRuns
        }
    }

    /// The worker's environment: the parent's, plus OpenBLAS settings it reads only when it is
    /// loaded (at the worker's first matrix product). The user's own settings win.
    /// - `OPENBLAS_NUM_THREADS` and `NBRUN_TENSOR_THREADS` (Tensors' own split): the cores
    ///   shared among the notebooks running at once, so `-j` workers do not each use every core.
    /// - `OPENBLAS_THREAD_TIMEOUT=4`: after an sgemm, OpenBLAS's threads sleep at once (2^4
    ///   cycles) instead of spinning on `sched_yield` for 2^28 cycles; a notebook calls sgemm
    ///   between long stretches of other work, and the spinning took a core from it (measured
    ///   on the attention notebook, 2 cores: 0.7 s of system time down to 0.2 s, 10% faster).
    /// - `OPENBLAS_CORETYPE`: one kernel on every x86-64 machine (`reproducibleBLASKernel`).
    func workerEnvironment(_ parent: [String: String]) -> [String: String] {
        var environment = parent
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let share = String(max(1, cores / parallelism))
        // OpenBLAS also takes GOTO_NUM_THREADS and OMP_NUM_THREADS, below its own variable.
        if ["OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"].allSatisfy({ environment[$0] == nil }) {
            environment["OPENBLAS_NUM_THREADS"] = share
        }
        if environment["NBRUN_TENSOR_THREADS"] == nil { environment["NBRUN_TENSOR_THREADS"] = share }
        if environment["OPENBLAS_THREAD_TIMEOUT"] == nil { environment["OPENBLAS_THREAD_TIMEOUT"] = "4" }
        if environment["OPENBLAS_CORETYPE"] == nil, let kernel = Self.reproducibleBLASKernel {
            environment["OPENBLAS_CORETYPE"] = kernel
        }
        return environment
    }

    /// The OpenBLAS kernel every x86-64 machine with AVX2 and FMA (2013 on) runs, so that a
    /// notebook that trains prints the same numbers on all of them. Left to itself, OpenBLAS picks
    /// a kernel per CPU (Debian builds it with `DYNAMIC_ARCH`), and each sums in its own order:
    /// the course's translator, 20 epochs, gave a BLEU of 4.59 with Cooperlake's kernel, 4.66 with
    /// SkylakeX's and 5.07 with Haswell's (which Zen and Zen 5 also get). nil elsewhere (no AVX2,
    /// another architecture), where OpenBLAS's own choice stands.
    static let reproducibleBLASKernel: String? = {
        #if os(Linux) && arch(x86_64)
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
        let set = Set(flags.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" }))
        return set.contains("avx2") && set.contains("fma") ? "Haswell" : nil
        #else
        return nil
        #endif
    }()

    /// Worker processes still running, so an interrupted run can stop them.
    static let live = Locked(Set<Int32>())

    /// Stops every worker (when the run is interrupted).
    public static func stopAll() {
        live.withLock { for pid in $0 { kill(pid, SIGKILL) } }
        WatchSession.directories.withLock { for folder in $0 { try? FileManager.default.removeItem(atPath: folder) } }
    }

    private func failAll(_ count: Int, because reason: String, job: Job) -> [CellRun] {
        job.notebook.cells.enumerated().map { i, cell in
            i == 0 ? CellRun(outcome: .failed, result: CellResult(status: .failed, outputs: [.error(
                Diagnostic(reason, at: cell.codeLocation, kind: "worker"))])) : CellRun(outcome: .notRun)
        }
    }
}

/// A value behind a lock, shared between threads.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

func formatSeconds(_ s: Double) -> String {
    s == s.rounded() ? "\(Int(s)) s" : String(format: "%.2g s", s)
}
