import Foundation
import Render
import Runner

/// The `nbrun` command (cli.md). Argument parsing and wiring only: the work is in `Runner`.
let commandLine = CommandLineParser(
    name: "nbrun",
    overview: "Run Markdown notebooks of Swift cells, write their course pages and check their snapshots.",
    discussion: """
        With no PATH, runs notebooks/. Exit status: 0 every cell ran as expected and every \
        snapshot matched (or was written); 1 a cell failed, an expect-error cell succeeded, a cell \
        timed out, or a snapshot differs; 2 bad arguments, a missing or malformed notebook, or an \
        output folder that cannot be written.
        """,
    pathsHelp: "Notebook files, or folders searched for *.md.",
    options: [
        .init("output", short: "o", value: "output", "Where pages and snapshots go.", default: "output"),
        .init("update-snapshots", short: "u", "Accept the new outputs as the snapshots."),
        .init("ci", "Never write snapshots; a missing snapshot is a failure."),
        .init("jobs", short: "j", value: "jobs", "Notebooks run in parallel (default: number of cores)."),
        .init("shard", value: "K/N", "Run only the K-th of N equal shares (for CI matrices)."),
        .init("junit", value: "FILE", "Also write a JUnit XML report."),
        .init("format", value: "html,ipynb", "What to write besides snapshots: html, ipynb, or both.", default: "html"),
        .init("seed", value: "seed", "Override every notebook's seed."),
        .init("memory-limit", value: "SIZE", "Memory per notebook's worker, such as 512M or 4G (default: three quarters of the machine's memory shared among the jobs)."),
        .init("max-notebook-size", value: "SIZE", "Largest notebook file, such as 10M.", default: "10M"),
        .init("unsafe-html", "Pass raw HTML in prose through (for trusted course sources)."),
        .init("watch", "Re-run and re-render when a notebook changes (from its first changed cell)."),
        .init("checkpoint-memory", value: "SIZE", "With --watch, memory a notebook's checkpoints may hold together.", default: "2G"),
        .init("rerun", "Run every notebook, ignoring stored results (they are stored anew)."),
        .init("use-cache", "With --ci, take stored results of unchanged notebooks instead of running them."),
        .init("quiet", short: "q", "Print only failures and the summary."),
        .init("verbose", short: "v", "Print every notebook's line and more detail."),
        .init("color", value: "auto|always|never", "Colour: auto, always or never.", default: "auto"),
    ])

struct Nbrun {
    var paths: [String] = []
    var output = "output"
    var updateSnapshots = false
    var ci = false
    var jobs: Int?
    var shard: String?
    var junit: String?
    var format = "html"
    var seed: Int?
    var memoryLimit: String?
    var maxNotebookSize = "10M"
    var unsafeHTML = false
    var watch = false
    var checkpointMemory = "2G"
    var rerun = false
    var useCache = false
    var quiet = false
    var verbose = false
    var color = "auto"

    /// The parsed command line's values, each checked for its type (a number where one is wanted).
    init(values: [String: String], paths: [String]) throws {
        func integer(_ name: String) throws -> Int? {
            guard let text = values[name] else { return nil }
            guard let number = Int(text) else {
                let option = commandLine.options.first { $0.long == name }
                throw UsageError(message: "The value '\(text)' is invalid for '--\(name) <\(option?.valueName ?? "")>'",
                                 option: option, spelled: "--\(name)")
            }
            return number
        }
        self.paths = paths
        output = values["output"] ?? output
        updateSnapshots = values["update-snapshots"] != nil
        ci = values["ci"] != nil
        jobs = try integer("jobs")
        shard = values["shard"]
        junit = values["junit"]
        format = values["format"] ?? format
        seed = try integer("seed")
        memoryLimit = values["memory-limit"]
        maxNotebookSize = values["max-notebook-size"] ?? maxNotebookSize
        unsafeHTML = values["unsafe-html"] != nil
        watch = values["watch"] != nil
        checkpointMemory = values["checkpoint-memory"] ?? checkpointMemory
        rerun = values["rerun"] != nil
        useCache = values["use-cache"] != nil
        quiet = values["quiet"] != nil
        verbose = values["verbose"] != nil
        color = values["color"] ?? color
        try validate()
    }

    func validate() throws {
        if let jobs, jobs < 1 || jobs > 1024 { throw UsageError(message: "--jobs takes a number from 1 to 1024 (got \(jobs))") }
        if let shard, parseShard(shard) == nil { throw UsageError(message: "--shard takes K/N with 1 <= K <= N, such as 2/4 (got '\(shard)')") }
        if let memoryLimit, parseMemory(memoryLimit).map({ $0 >= 64 << 20 }) != true {
            throw UsageError(message: "--memory-limit takes a size from 64M to 1024T, such as 512M or 4G (got '\(memoryLimit)')")
        }
        if parseMemory(maxNotebookSize).map({ $0 >= 1024 }) != true {
            throw UsageError(message: "--max-notebook-size takes a size from 1K to 1024T, such as 10M (got '\(maxNotebookSize)')")
        }
        if RunOptions.ColorMode(rawValue: color) == nil { throw UsageError(message: "--color takes auto, always or never (got '\(color)')") }
        for f in format.split(separator: ",") where RunOptions.Format(rawValue: String(f)) == nil {
            throw UsageError(message: "--format takes html, ipynb or html,ipynb (got '\(f)')")
        }
        if quiet && verbose { throw UsageError(message: "--quiet and --verbose cannot be used together") }
        if parseMemory(checkpointMemory) == nil { throw UsageError(message: "--checkpoint-memory takes a size such as 512M or 2G (got '\(checkpointMemory)')") }
        if rerun && useCache { throw UsageError(message: "--rerun ignores stored results, so it cannot be used with --use-cache") }
        if ci && updateSnapshots { throw UsageError(message: "--ci never writes snapshots, so it cannot be used with -u") }
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

// Parse; bad arguments are exit status 2 (cli.md).
let command: Nbrun
do {
    switch try commandLine.parse(Array(CommandLine.arguments.dropFirst())) {
    case .help:
        print(commandLine.helpText, terminator: "")
        exit(0)
    case .version:
        print("nbrun \(nbrunVersion)")
        exit(0)
    case .run(let values, let paths):
        command = try Nbrun(values: values, paths: paths)
    }
} catch {
    let usage = error as? UsageError ?? UsageError(message: "\(error)")
    FileHandle.standardError.write(Data(commandLine.errorText(usage).utf8))
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
        Runner.settleLivePages()
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
