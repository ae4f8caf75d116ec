import Foundation
import Interpreter
import Notebook
import Reports

/// The worker of `--watch` (cli.md, "Watch mode"): one session kept alive between edits, with a
/// checkpoint at every cell boundary, so that an edit re-runs only from the first changed cell.
///
/// A checkpoint is a paused copy of the worker made with `fork()` (copy-on-write: it costs only
/// the pages the session changes afterwards). Resuming checkpoint k forks it again: the copy runs
/// the edited notebook from cell k while the checkpoint stays, ready for the next edit.
///
/// fork() copies only the calling thread, so a copy taken while another thread holds a lock, or
/// while a library counts on threads that the copy lacks, can hang. Measured here (Debian's
/// OpenBLAS 0.3.21 and swift-corelibs-libdispatch): OpenBLAS shuts its thread pool down before a
/// fork and starts a new one in the copy (its own atfork handler); libdispatch does not: in a copy
/// of a process whose dispatch threads had run, `DispatchQueue.global().async` never ran its block.
/// So a checkpoint is taken only when the worker has exactly one thread (OpenBLAS's pool is shut
/// down first; the cell's thread and the parse-ahead thread have ended), and watch workers never
/// start dispatch threads (the parent gives them NBRUN_TENSOR_THREADS=1, which every split of the
/// tensor engine honours; OpenBLAS keeps its threads). When the worker cannot become single-
/// threaded within a second, that boundary gets no checkpoint (an edit resumes from an earlier one).
///
/// Processes: the first worker is checkpoint 0 (a fresh session) and the subreaper of every later
/// copy, ignoring SIGCHLD so that none is left a zombie. A runner reports on the inherited channel;
/// paused checkpoints wait on a FIFO in the watch folder, and all of them end when the parent's
/// end of their standard input closes (the parent is gone).
enum WatchWorker {
    /// What a watch worker reports: `generation` tells runs apart (the parent ignores lines of a
    /// runner it has stopped).
    struct Message: Codable {
        var generation: Int
        var event: Event
    }

    enum Event: Codable {
        /// A runner started, at cell `from` (0-based).
        case runner(pid: Int32, from: Int)
        case cell(NotebookExecution.Event)
        /// A checkpoint of the session before cell `before` (0-based; the cell count: after the last).
        case checkpoint(before: Int, pid: Int32, fifo: String)
        /// No checkpoint could be taken before cell `before`, and why.
        case noCheckpoint(before: Int, reason: String)
        /// The runner has run (or judged) every cell and exits.
        case done
    }

    static func main(_ invocation: WorkerInvocation, directory: String, channel: FileHandle) -> Int32 {
        guard let data = FileManager.default.contents(atPath: invocation.path),
              let first = NotebookParser.parse(bytes: [UInt8](data), path: invocation.path, unsafeHTML: invocation.unsafeHTML).notebook else {
            FileHandle.standardError.write(Data("error: cannot read the notebook \(invocation.path)\n".utf8))
            return 2
        }
        signal(SIGCHLD, SIG_IGN)
        becomeSubreaper()
        let folder = ResultsCache.folder(of: first)
        let session = Session(options: SessionOptions(
            seed: UInt64(bitPattern: Int64(invocation.seed ?? first.frontMatter.seed)), memoryLimit: invocation.memoryLimit,
            baseDirectory: folder))
        let worker = Instance(invocation: invocation, directory: directory, channel: channel, session: session)
        // This process is checkpoint 0; what follows runs in the runners it forks.
        let (generation, notebook) = worker.pause(before: 0)
        worker.run(notebook, generation: generation, from: 0)
    }

    final class Instance {
        let invocation: WorkerInvocation
        let directory: String
        let channel: FileHandle
        let session: Session
        let encoder = JSONEncoder()
        var generation = 0
        /// The cell running now.
        var running = 0

        init(invocation: WorkerInvocation, directory: String, channel: FileHandle, session: Session) {
            (self.invocation, self.directory, self.channel, self.session) = (invocation, directory, channel, session)
        }

        func send(_ event: Event) {
            guard var line = try? encoder.encode(Message(generation: generation, event: event)) else { return }
            line.append(0x0A)
            channel.write(line)
        }

        /// Runs `notebook` from cell `start` on, a checkpoint at each boundary; never returns.
        func run(_ notebook: Notebook, generation: Int, from start: Int) -> Never {
            var notebook = notebook
            self.generation = generation
            send(.runner(pid: getpid(), from: start))
            var i = start
            // As in a normal worker: statements (a crash keeps the cell's printed text) and training progress.
            session.onStatement = { [unowned self] range, printed in send(.cell(.statement(cell: running, range: range, printed: printed))) }
            session.onTraining = { [unowned self] progress in send(.cell(.training(cell: running, progress: progress))) }
            func source(_ cell: Cell) -> CellSource {
                CellSource(code: cell.code, file: notebook.path, line: cell.codeLocation.line,
                           column: cell.codeLocation.column, timeout: cell.options.timeout ?? notebook.frontMatter.timeout)
            }
            session.parseAhead(notebook.cells.dropFirst(i).filter { !$0.options.skip }.map(source))
            while i < notebook.cells.count {
                let cell = notebook.cells[i]
                let run: CellRun
                if cell.options.skip {
                    run = CellRun(outcome: .skipped)
                } else {
                    send(.cell(.started(cell: i)))
                    running = i
                    let result = session.run(source(cell))
                    run = CellRun(outcome: NotebookExecution.judge(result, expectError: cell.options.expectError), result: result)
                    let files = session.takeFilesRead()
                    if !files.isEmpty { send(.cell(.filesRead(cell: i, files: files))) }
                }
                send(.cell(.finished(cell: i, run: run)))
                i += 1
                if run.outcome.isFailure && !notebook.frontMatter.allowErrors {
                    // Later cells are not run; the session after a failure is not worth keeping.
                    for j in i..<notebook.cells.count { send(.cell(.finished(cell: j, run: CellRun(outcome: .notRun)))) }
                    break
                }
                if let resumed = checkpoint(before: i) {
                    // This is a new runner, forked from that checkpoint for an edited notebook.
                    notebook = resumed.notebook
                    self.generation = resumed.generation
                    send(.runner(pid: getpid(), from: i))
                    session.parseAhead(notebook.cells.dropFirst(i).filter { !$0.options.skip }.map(source))
                }
            }
            send(.done)
            exit(0)
        }

        /// Takes a checkpoint before cell `index`. In the runner it returns nil at once; in a
        /// runner later forked from the checkpoint, it returns that runner's notebook.
        func checkpoint(before index: Int) -> (generation: Int, notebook: Notebook)? {
            guard Self.quiesce() else {
                send(.noCheckpoint(before: index, reason: "the worker's other threads did not finish within a second"))
                return nil
            }
            switch fork() {
            case -1:
                send(.noCheckpoint(before: index, reason: "fork failed: \(String(cString: strerror(errno)))"))
                return nil
            case 0:
                return pause(before: index)
            case let pid:
                send(.checkpoint(before: index, pid: pid, fifo: Self.fifo(directory, pid)))
                return nil
            }
        }

        /// Waits as a checkpoint for resume orders (`GENERATION PATH` lines, PATH holding the
        /// notebook to run); returns in the runner forked for one. Exits when the parent is gone.
        func pause(before index: Int) -> (generation: Int, notebook: Notebook) {
            let path = Self.fifo(directory, getpid())
            unlink(path)
            guard mkfifo(path, 0o600) == 0 || errno == EEXIST else { _exit(3) }
            let fd = open(path, O_RDWR)
            guard fd >= 0 else { _exit(3) }
            if index == 0 { send(.checkpoint(before: 0, pid: getpid(), fifo: path)) }
            var pending = Data()
            while true {
                var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
                if poll(&fds, 2, -1) < 0 { if errno == EINTR { continue }; _exit(3) }
                if fds[1].revents != 0 {
                    var byte: UInt8 = 0
                    if read(STDIN_FILENO, &byte, 1) <= 0 { unlink(path); _exit(0) }  // the parent is gone
                }
                guard fds[0].revents & Int16(POLLIN) != 0 else { continue }
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = read(fd, &buffer, buffer.count)
                if n > 0 { pending.append(contentsOf: buffer[0..<n]) }
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending = Data(pending[(newline + 1)...])
                    let parts = line.split(separator: " ", maxSplits: 1)
                    guard parts.count == 2, let generation = Int(parts[0]) else { continue }
                    let file = String(parts[1])
                    switch fork() {
                    case 0:
                        close(fd)
                        guard let data = FileManager.default.contents(atPath: file),
                              let notebook = NotebookParser.parse(bytes: [UInt8](data), path: invocation.path,
                                                                  unsafeHTML: invocation.unsafeHTML).notebook else {
                            self.generation = generation
                            send(.noCheckpoint(before: index, reason: "the edited notebook could not be read"))
                            send(.done)
                            exit(0)
                        }
                        unlink(file)
                        return (generation, notebook)
                    default:
                        continue  // this process stays the checkpoint
                    }
                }
            }
        }

        static func fifo(_ directory: String, _ pid: Int32) -> String { directory + "/checkpoint-\(pid)" }

        /// Makes this process single-threaded for a fork: OpenBLAS's pool is shut down (it starts
        /// anew at the next product), then the cell's and the parse-ahead thread must have ended.
        static func quiesce() -> Bool {
            shutDownBLASThreads()
            for _ in 0..<2000 {
                if threadCount() == 1 { return true }
                usleep(500)
            }
            return false
        }

        static func threadCount() -> Int {
            (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? Int.max
        }

        /// OpenBLAS's `blas_thread_shutdown_`, when OpenBLAS is loaded (RTLD_NOLOAD: never loads it).
        static func shutDownBLASThreads() {
            let names = ProcessInfo.processInfo.environment["NBRUN_BLAS_LIBRARY"].map { [$0] } ?? ["libopenblas.so.0", "libopenblas.so"]
            for name in names {
                guard let handle = dlopen(name, RTLD_NOW | RTLD_NOLOAD) else { continue }
                defer { dlclose(handle) }
                if let symbol = dlsym(handle, "blas_thread_shutdown_") {
                    typealias Shutdown = @convention(c) () -> Int32
                    _ = unsafeBitCast(symbol, to: Shutdown.self)()
                }
                return
            }
        }
    }

    /// PR_SET_CHILD_SUBREAPER: copies whose parent ends become this process's children (and,
    /// with SIGCHLD ignored, are reaped when they end) instead of init's. prctl is variadic in C,
    /// so it is called through its address with its arguments' fixed form (Linux ABIs pass both alike).
    static func becomeSubreaper() {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return }
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        _ = unsafeBitCast(symbol, to: Prctl.self)(36 /* PR_SET_CHILD_SUBREAPER */, 1, 0, 0, 0)
        #endif
    }
}
