import Foundation
import Notebook
import Reports

/// The parent's side of one notebook's watch worker (Checkpoints.swift): it knows the session's
/// checkpoints and what the session last ran, and for an edited notebook picks the checkpoint to
/// resume from, stops what is stale, and gathers the new runs.
final class WatchSession: @unchecked Sendable {
    let executable: String
    let invocation: WorkerInvocation
    let environment: [String: String]
    /// Private memory all checkpoints but the first may hold together.
    let memoryBudget: Int
    let grace: Double
    let note: (String) -> Void

    private var process: Process?
    private var lifeline: Pipe?
    private var directory: String?
    private let inbox = Locked([WatchWorker.Message]())
    private let arrived = DispatchSemaphore(value: 0)
    /// The generation whose messages count (0 while checkpoint 0 announces itself), and the last one given.
    private var generation = 0
    private var lastGeneration = 0

    struct Checkpoint { var pid: Int32; var fifo: String; var sequence: Int }
    /// By the cell they come before (0: a fresh session).
    private var checkpoints: [Int: Checkpoint] = [:]
    private var sequence = 0
    private var runner: Int32?

    /// What the session ran last: the notebook, its key, each cell's run and files.
    private var ran: Notebook?
    private var key: ResultsCache.Key?
    private var runs: [CellRun] = []
    private var files: [Int: [FileRead]] = [:]

    init(executable: String, invocation: WorkerInvocation, environment: [String: String], memoryBudget: Int, grace: Double,
         note: @escaping (String) -> Void) {
        (self.executable, self.invocation, self.memoryBudget, self.grace, self.note) = (executable, invocation, memoryBudget, grace, note)
        var environment = environment
        environment["NBRUN_TENSOR_THREADS"] = "1"  // no dispatch threads: see Checkpoints.swift
        self.environment = environment
    }

    /// The outcome of `run`.
    struct Outcome {
        var runs: [CellRun]
        /// The first cell run (nil: no code changed, nothing ran).
        var from: Int?
        var files: [FileRead]
        var seconds: Double
    }

    /// Brings the session to `notebook`: runs from the first cell that changed (its code or
    /// options, or a file it read; or a failed cell), resuming the checkpoint before it.
    /// `progress` is called as cells start and finish.
    /// `interrupted` is asked every 50 ms: when it says so (the notebook changed again), the
    /// runner is stopped and the cells not finished are not run.
    func run(_ notebook: Notebook, key: ResultsCache.Key, progress: ([CellRun], Int?) -> Void,
             interrupted: () -> Bool = { false }) -> Outcome {
        let started = Date()
        var first: Int? = nil
        if let old = self.key, old.settings == key.settings, process?.isRunning == true, let ran {
            first = ResultsCache.firstChange(old: old.cells, new: key.cells)
            let folder = ResultsCache.folder(of: notebook)
            for (cell, reads) in files where reads.contains(where: { FileRead.digest(ofFileAt: folder + "/" + $0.path) != $0.digest }) {
                first = min(first ?? cell, cell)
            }
            if let unfinished = runs.firstIndex(where: { $0.outcome.isFailure || $0.outcome == .notRun }) {
                first = min(first ?? unfinished, unfinished)
            }
            guard let changed = first else {
                runs = ResultsCache.relocate(runs, in: notebook.path, from: ran.cells.map(ResultsCache.Place.init),
                                             to: notebook.cells.map(ResultsCache.Place.init))
                self.ran = notebook
                return Outcome(runs: runs, from: nil, files: allFiles(), seconds: 0)
            }
            first = changed
        } else {
            restart(notebook)
            first = 0
        }
        // The latest checkpoint at or before the first change.
        var start = checkpoints.keys.filter { $0 <= first! }.max() ?? 0
        if checkpoints[start] == nil {
            restart(notebook)
            start = 0
        }
        stop(runner.map { [$0] } ?? [])
        runner = nil
        let stale = checkpoints.filter { $0.key > start }.sorted { $0.value.sequence > $1.value.sequence }
        stop(stale.map(\.value.pid))
        for (before, checkpoint) in stale { unlink(checkpoint.fifo); checkpoints[before] = nil }

        // Earlier cells keep their runs, moved to where their cells are now.
        let kept = ran.map { ResultsCache.relocate(Array(runs.prefix(start)), in: notebook.path,
                                                   from: $0.cells.prefix(start).map(ResultsCache.Place.init),
                                                   to: notebook.cells.prefix(start).map(ResultsCache.Place.init)) } ?? []
        var state = RunProgress(kept: kept, cells: notebook.cells.count, files: files.filter { $0.key < start })
        files = state.files
        ran = notebook
        self.key = key
        lastGeneration += 1
        generation = lastGeneration
        guard resume(start, with: notebook) else {
            return fail(notebook, from: start, kept: kept, "could not resume nbrun's watch worker", started: started)
        }

        var done = false
        while !done {
            guard let message = next(timeout: 0.05) else {
                if interrupted(), let pid = runner {
                    stop([pid])
                    runner = nil
                    break
                }
                if let (cell, since) = state.current {
                    let limit = notebook.cells[cell].options.timeout ?? notebook.frontMatter.timeout
                    if Date().timeIntervalSince(since) > limit + grace, let pid = runner {
                        stop([pid])
                        runner = nil
                        state.stop("the cell ran past its time limit of \(formatSeconds(limit)) and did not stop; its worker process was stopped",
                                   timedOut: true, in: notebook)
                        break
                    }
                }
                if let pid = runner, kill(pid, 0) != 0 || process?.isRunning != true {
                    state.stop("nbrun's watch worker running this notebook stopped while running this cell", timedOut: false, in: notebook)
                    runner = nil
                    break
                }
                continue
            }
            switch message.event {
            case .runner(let pid, _):
                runner = pid
                WorkerPool.live.withLock { _ = $0.insert(pid) }
            case .cell(let event):
                state.apply(event)
                switch event {
                case .started(let cell): progress(state.finishedPrefix, cell)
                case .finished: progress(state.finishedPrefix, nil)
                case .filesRead, .statement, .training: break
                }
            case .checkpoint(let before, let pid, let fifo):
                sequence += 1
                checkpoints[before] = Checkpoint(pid: pid, fifo: fifo, sequence: sequence)
                WorkerPool.live.withLock { _ = $0.insert(pid) }
                keepWithinBudget()
            case .noCheckpoint(let before, let reason):
                note("no checkpoint before cell \(before + 1): \(reason)")
            case .done:
                if let pid = runner { WorkerPool.live.withLock { _ = $0.remove(pid) } }
                runner = nil
                done = true
            }
        }
        files = state.files
        runs = state.allRuns
        return Outcome(runs: runs, from: start, files: allFiles(), seconds: Date().timeIntervalSince(started))
    }

    private func fail(_ notebook: Notebook, from start: Int, kept: [CellRun], _ reason: String, started: Date) -> Outcome {
        var out = kept
        for i in start..<notebook.cells.count {
            out.append(i == start ? CellRun(outcome: .failed, result: CellResult(status: .failed, outputs: [.error(
                Diagnostic(reason, at: notebook.cells[i].codeLocation, kind: "worker"))])) : CellRun(outcome: .notRun))
        }
        runs = out
        return Outcome(runs: out, from: start, files: [], seconds: Date().timeIntervalSince(started))
    }

    /// The files the session's cells read.
    var filesRead: [FileRead] { allFiles() }

    private func allFiles() -> [FileRead] {
        var seen = Set<FileRead>()
        return files.keys.sorted().flatMap { files[$0]! }.filter { seen.insert($0).inserted }
    }

    // MARK: - The worker's processes

    /// Starts a new watch worker (stopping the old one and all its copies): checkpoint 0.
    private func restart(_ notebook: Notebook) {
        shutdown()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nbrun-watch-\(getpid())-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        directory = folder.path
        Self.directories.withLock { _ = $0.insert(folder.path) }
        var invocation = self.invocation
        invocation.watchDirectory = folder.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = invocation.arguments
        process.environment = environment
        let channel = Pipe(), lifeline = Pipe()
        process.standardOutput = channel
        process.standardInput = lifeline
        process.standardError = FileHandle.standardError
        do { try process.run() } catch { return }
        WorkerPool.live.withLock { _ = $0.insert(process.processIdentifier) }
        self.process = process
        self.lifeline = lifeline
        generation = 0  // checkpoint 0's announcement
        let inbox = self.inbox, arrived = self.arrived
        inbox.withLock { $0.removeAll() }
        Thread.detachNewThread {
            let decoder = JSONDecoder()
            var buffer = Data()
            while case let chunk = channel.fileHandleForReading.availableData, !chunk.isEmpty {
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: 0x0A) {
                    let line = buffer[buffer.startIndex..<newline]
                    buffer = Data(buffer[(newline + 1)...])
                    guard let message = try? decoder.decode(WatchWorker.Message.self, from: line) else { continue }
                    inbox.withLock { $0.append(message) }
                    arrived.signal()
                }
            }
        }
        // Checkpoint 0 announces itself.
        let deadline = Date().addingTimeInterval(30)
        while checkpoints[0] == nil, Date() < deadline, process.isRunning {
            guard let message = next(timeout: 0.05) else { continue }
            if case .checkpoint(0, let pid, let fifo) = message.event {
                sequence += 1
                checkpoints[0] = Checkpoint(pid: pid, fifo: fifo, sequence: sequence)
            }
        }
        ran = nil
        runs = []
        files = [:]
    }

    /// The next message of the current generation.
    private func next(timeout: Double) -> WatchWorker.Message? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let message = inbox.withLock({ box -> WatchWorker.Message? in box.isEmpty ? nil : box.removeFirst() }) {
                if message.generation == generation { return message }
                continue
            }
            if arrived.wait(timeout: .now() + max(0, deadline.timeIntervalSinceNow)) == .timedOut { return nil }
        }
    }

    /// Orders checkpoint `before` to fork a runner for `notebook`.
    private func resume(_ before: Int, with notebook: Notebook) -> Bool {
        guard let checkpoint = checkpoints[before], let directory else { return false }
        let file = directory + "/notebook-\(generation).md"
        guard FileManager.default.createFile(atPath: file, contents: Data(notebook.text.utf8)) else { return false }
        let fd = open(checkpoint.fifo, O_WRONLY | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let line = Array("\(generation) \(file)\n".utf8)
        return write(fd, line, line.count) == line.count
    }

    /// Stops processes (SIGKILL) and waits until they are gone (reaped by their parent or by
    /// checkpoint 0, the subreaper), so that none still holds memory or writes.
    private func stop(_ pids: [Int32]) {
        for pid in pids {
            kill(pid, SIGKILL)
            WorkerPool.live.withLock { _ = $0.remove(pid) }
            let deadline = Date().addingTimeInterval(2)
            while kill(pid, 0) == 0, Date() < deadline { usleep(500) }
        }
    }

    /// Drops the oldest checkpoints (never the first, a fresh session) while together they hold
    /// more private memory than the budget.
    private func keepWithinBudget() {
        while true {
            let held = checkpoints.filter { $0.key > 0 }
            let bytes = held.values.map { Self.privateMemory($0.pid) }.reduce(0, +)
            guard bytes > memoryBudget, let oldest = held.min(by: { $0.value.sequence < $1.value.sequence }) else { return }
            stop([oldest.value.pid])
            unlink(oldest.value.fifo)
            checkpoints[oldest.key] = nil
            note("dropped the checkpoint before cell \(oldest.key + 1): checkpoints held \(bytes >> 20) MB, more than the \(memoryBudget >> 20) MB allowed")
        }
    }

    /// Bytes only this process holds (its pages not shared with the others), from /proc.
    static func privateMemory(_ pid: Int32) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return 0 }
        var kilobytes = 0
        for line in text.split(separator: "\n") where line.hasPrefix("Private_Clean:") || line.hasPrefix("Private_Dirty:") {
            kilobytes += Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return kilobytes << 10
    }

    /// The folders of the checkpoints' FIFOs, removed when the run is interrupted.
    static let directories = Locked(Set<String>())

    /// Stops the worker and every copy of it.
    func shutdown() {
        let pids = (runner.map { [$0] } ?? []) + checkpoints.values.sorted { $0.sequence > $1.sequence }.map(\.pid)
        stop(pids.filter { $0 != process?.processIdentifier })
        if let process, process.isRunning {
            stop([process.processIdentifier])
        }
        try? lifeline?.fileHandleForWriting.close()
        if let directory {
            try? FileManager.default.removeItem(atPath: directory)
            Self.directories.withLock { _ = $0.remove(directory) }
        }
        checkpoints = [:]
        runner = nil
        process = nil
        lifeline = nil
        directory = nil
    }
}
