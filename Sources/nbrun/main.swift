import ArgumentParser
import Foundation
import Render
import Runner

/// The `nbrun` command (cli.md). Argument parsing and wiring only: the work is in `Runner`.
struct Nbrun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nbrun",
        abstract: "Run Markdown notebooks of Swift cells, write their course pages and check their snapshots.",
        discussion: """
            With no PATH, runs notebooks/. Exit status: 0 every cell ran as expected and every \
            snapshot matched (or was written); 1 a cell failed, an expect-error cell succeeded, a cell \
            timed out, or a snapshot differs; 2 bad arguments, a missing or malformed notebook, or an \
            output folder that cannot be written.
            """,
        version: "nbrun \(nbrunVersion)")

    @Argument(help: "Notebook files, or folders searched for *.md.")
    var paths: [String] = []

    @Option(name: [.short, .long], help: "Where pages and snapshots go.")
    var output = "output"

    @Flag(name: [.customShort("u"), .long], help: "Accept the new outputs as the snapshots.")
    var updateSnapshots = false

    @Flag(help: "Never write snapshots; a missing snapshot is a failure.")
    var ci = false

    @Option(name: [.short, .long], help: "Notebooks run in parallel (default: number of cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Run only the K-th of N equal shares (for CI matrices).", valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Also write a JUnit XML report.", valueName: "FILE"))
    var junit: String?

    @Option(help: ArgumentHelp("What to write besides snapshots: html, ipynb, or both.", valueName: "html,ipynb"))
    var format = "html"

    @Option(help: "Override every notebook's seed.")
    var seed: Int?

    @Option(help: ArgumentHelp("Memory per notebook's worker, such as 512M or 4G (default: three quarters of the machine's memory shared among the jobs).", valueName: "SIZE"))
    var memoryLimit: String?

    @Option(help: ArgumentHelp("Largest notebook file, such as 10M.", valueName: "SIZE"))
    var maxNotebookSize = "10M"

    @Flag(help: "Pass raw HTML in prose through (for trusted course sources).")
    var unsafeHTML = false

    @Flag(help: "Re-run and re-render when a notebook changes (from its first changed cell).")
    var watch = false

    @Option(help: ArgumentHelp("With --watch, memory a notebook's checkpoints may hold together (default 2G).", valueName: "SIZE"))
    var checkpointMemory = "2G"

    @Flag(help: "Run every notebook, ignoring stored results (they are stored anew).")
    var rerun = false

    @Flag(help: "With --ci, take stored results of unchanged notebooks instead of running them.")
    var useCache = false

    @Flag(name: [.short, .long], help: "Print only failures and the summary.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Print every notebook's line and more detail.")
    var verbose = false

    @Option(help: ArgumentHelp("Colour: auto, always or never.", valueName: "auto|always|never"))
    var color = "auto"

    func validate() throws {
        if let jobs, jobs < 1 || jobs > 1024 { throw ValidationError("--jobs takes a number from 1 to 1024 (got \(jobs))") }
        if let shard, parseShard(shard) == nil { throw ValidationError("--shard takes K/N with 1 <= K <= N, such as 2/4 (got '\(shard)')") }
        if let memoryLimit, parseMemory(memoryLimit).map({ $0 >= 64 << 20 }) != true {
            throw ValidationError("--memory-limit takes a size from 64M to 1024T, such as 512M or 4G (got '\(memoryLimit)')")
        }
        if parseMemory(maxNotebookSize).map({ $0 >= 1024 }) != true {
            throw ValidationError("--max-notebook-size takes a size from 1K to 1024T, such as 10M (got '\(maxNotebookSize)')")
        }
        if RunOptions.ColorMode(rawValue: color) == nil { throw ValidationError("--color takes auto, always or never (got '\(color)')") }
        for f in format.split(separator: ",") where RunOptions.Format(rawValue: String(f)) == nil {
            throw ValidationError("--format takes html, ipynb or html,ipynb (got '\(f)')")
        }
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
        if parseMemory(checkpointMemory) == nil { throw ValidationError("--checkpoint-memory takes a size such as 512M or 2G (got '\(checkpointMemory)')") }
        if rerun && useCache { throw ValidationError("--rerun ignores stored results, so it cannot be used with --use-cache") }
        if ci && updateSnapshots { throw ValidationError("--ci never writes snapshots, so it cannot be used with -u") }
    }

    func options() -> RunOptions {
        var o = RunOptions()
        o.paths = paths.isEmpty ? ["notebooks"] : paths
        o.outputDirectory = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        o.updateSnapshots = updateSnapshots
        o.ci = ci
        o.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        o.shard = shard.flatMap(parseShard)
        o.junitPath = junit
        o.formats = Set(format.split(separator: ",").compactMap { RunOptions.Format(rawValue: String($0)) })
        o.seedOverride = seed
        o.memoryLimit = memoryLimit.flatMap(parseMemory) ?? WorkerLimits.defaultMemoryLimit(jobs: o.jobs)
        o.maxNotebookSize = parseMemory(maxNotebookSize) ?? RunOptions().maxNotebookSize
        o.unsafeHTML = unsafeHTML
        o.readCache = !rerun && (!ci || useCache)
        o.checkpointMemory = parseMemory(checkpointMemory) ?? (2 << 30)
        o.verbosity = quiet ? .quiet : verbose ? .verbose : .normal
        o.color = RunOptions.ColorMode(rawValue: color) ?? .auto
        return o
    }
}

func parseShard(_ text: String) -> (index: Int, count: Int)? {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
    return (k, n)
}

/// "4G", "512M", "1.5G", "800K" or bytes.
func parseMemory(_ text: String) -> Int? {
    let units: [Character: Double] = ["K": 1024, "M": 1024 * 1024, "G": 1024 * 1024 * 1024, "T": 1024 * 1024 * 1024 * 1024]
    var number = text.uppercased()
    if number.hasSuffix("B") { number.removeLast() }
    var scale = 1.0
    if let last = number.last, let unit = units[last] { scale = unit; number.removeLast() }
    // At most 1024 T: anything larger is a typo (and 1e30 would not fit in an Int).
    guard let value = Double(number), value > 0, value.isFinite, value * scale <= 1024 * 1024 * 1024 * 1024 * 1024 else { return nil }
    return Int(value * scale)
}

// A worker (started by the runner, never by hand) reads its own arguments: see WorkerInvocation.
if CommandLine.arguments.dropFirst().first == "--worker" {
    guard let worker = WorkerInvocation(arguments: CommandLine.arguments.dropFirst()) else {
        FileHandle.standardError.write(Data("""
            error: nbrun --worker is started by nbrun itself, as --worker PATH [--seed N] [--memory-limit BYTES] [--unsafe-html] [--watch DIR] \
            (got: \(CommandLine.arguments.dropFirst().joined(separator: " ")))

            """.utf8))
        exit(2)
    }
    exit(Worker.main(worker))
}

// Parse; bad arguments are exit status 2 (cli.md), not ArgumentParser's 64.
let command: Nbrun
do {
    command = try Nbrun.parse()
} catch {
    let code = Nbrun.exitCode(for: error)
    let message = Nbrun.fullMessage(for: error)
    if code == .success {
        print(message)
        exit(0)
    }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let options = command.options()

// Ctrl-C: stop the workers, remove unfinished writes, leave finished pages as they are.
signal(SIGINT, SIG_IGN)
signal(SIGTERM, SIG_IGN)
let interrupt = DispatchQueue(label: "nbrun.interrupt")
let signalSources = [SIGINT, SIGTERM].map { sig in
    let source = DispatchSource.makeSignalSource(signal: sig, queue: interrupt)
    source.setEventHandler {
        WorkerPool.stopAll()
        AtomicFile.removeUnfinished()
        FileHandle.standardError.write(Data("\nnbrun: interrupted; finished pages and snapshots are kept, nothing half-written remains.\n".utf8))
        exit(130)
    }
    source.resume()
    return source
}

let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
let runner = Runner(options: options, executable: executable)
if command.watch {
    Watcher(runner: runner).loop()
}
exit(runner.run())
