import Foundation
import Notebook
import Render
import Reports

/// `--watch` (cli.md, "Watch mode"): runs the notebooks, then whenever one of them (or a file its
/// cells read) changes, brings it up to date: a prose edit re-renders its page; a code edit
/// re-runs it from the first changed cell, in a session kept alive with a checkpoint before every
/// cell (WatchSession, Checkpoints.swift). While a notebook runs, its page is rewritten after each
/// cell. It runs until interrupted (Ctrl-C, handled by the command).
public struct Watcher {
    public var runner: Runner
    public var interval: TimeInterval = 0.1

    public init(runner: Runner) {
        self.runner = runner
    }

    public func loop() -> Never {
        let watch = WatchRounds(runner: runner)
        watch.round(changed: nil)
        var last = watch.fingerprint()
        FileHandle.standardOutput.write(Data("watching \(runner.options.paths.joined(separator: ", ")) for changes (Ctrl-C to stop)\n".utf8))
        while true {
            Thread.sleep(forTimeInterval: interval)
            let now = watch.fingerprint()
            guard now != last else { continue }
            let changed = Set(now.keys.filter { now[$0] != last[$0] })
            last = now
            watch.round(changed: changed)
            last = watch.fingerprint()
            FileHandle.standardOutput.write(Data("watching for changes (Ctrl-C to stop)\n".utf8))
        }
    }
}

/// The rounds of a watch: each brings the changed notebooks up to date and reports them.
final class WatchRounds {
    let runner: Runner
    var options: RunOptions { runner.options }
    var executable: String { runner.executable }
    private var sessions: [String: WatchSession] = [:]
    private let cache: ResultsCache

    init(runner: Runner) {
        self.runner = runner
        cache = ResultsCache(outputDirectory: runner.options.outputDirectory, executable: runner.executable)
    }

    /// Modification times and sizes of the notebooks and of the files their cells read, by path;
    /// a data file counts as a change of the notebooks that read it.
    func fingerprint() -> [String: [Double]] {
        guard let plan = try? NotebookPlan.discover(options.paths) else { return [:] }
        var result: [String: [Double]] = [:]
        func stamp(_ path: String) -> [Double] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let size = (attributes?[.size] as? NSNumber)?.doubleValue ?? 0
            return [modified, size]
        }
        for entry in plan.entries {
            var values = stamp(entry.path)
            let folder = (entry.path as NSString).deletingLastPathComponent
            for file in sessions[entry.path]?.filesRead ?? [] {
                values += stamp((folder.isEmpty ? "." : folder) + "/" + file.path)
            }
            result[entry.path] = values
        }
        return result
    }

    /// Brings the notebooks at `changed` (nil: all) up to date.
    func round(changed: Set<String>?) {
        let terminal = Terminal(options: options)
        let started = Date()
        guard var plan = runner.discoverPlan(terminal) else { return }
        for (path, session) in sessions where !plan.entries.contains(where: { $0.path == path }) {
            session.shutdown()
            sessions[path] = nil
        }
        var entries: [NotebookPlan.Entry] = [], notebooks: [Notebook] = []
        for (entry, notebook) in zip(plan.entries, runner.parseNotebooks(plan, terminal)) {
            guard let notebook else {
                terminal.error("nbrun: fix \(entry.path); its page is left as it was.")
                continue
            }
            entries.append(entry)
            notebooks.append(notebook)
        }
        plan.entries = entries
        do {
            try FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true)
        } catch {
            terminal.error("error: cannot write to the output folder \(options.outputDirectory): choose another with -o")
            return
        }
        let publisher = Publisher(options: options, plan: plan, notebooks: notebooks, terminal: terminal)
        var warmUps: [() -> Void] = []
        for (i, notebook) in notebooks.enumerated() where changed == nil || changed!.contains(notebook.path) {
            let key = ResultsCache.key(notebook, options: options, build: cache.build)
            let outputName = plan.entries[i].outputName
            var fromCache = false
            if sessions[notebook.path] == nil, options.readCache,
               case .hit(let runs, let seconds) = cache.lookup(notebook, outputName: outputName, key: key) {
                publisher.publish(i, runs: runs, seconds: seconds, source: .cache)
                fromCache = true
            }
            let session = sessions[notebook.path] ?? WatchSession(
                executable: executable,
                invocation: WorkerInvocation(path: notebook.path, seed: options.seedOverride, memoryLimit: options.memoryLimit,
                                             unsafeHTML: options.unsafeHTML),
                environment: WorkerPool(executable: executable, parallelism: 1).workerEnvironment(ProcessInfo.processInfo.environment),
                memoryBudget: options.checkpointMemory,
                grace: WorkerPool(executable: executable, parallelism: 1).grace,
                note: { terminal.print("\(notebook.path): \($0)", verbose: true) })
            sessions[notebook.path] = session
            let stamp = Self.stamp(notebook.path)
            if fromCache {
                warmUps.append {
                    // The page came from the cache; the session is made now, quietly, so that the
                    // first edit resumes from a checkpoint too (an edit meanwhile stops it there).
                    let warm = session.run(notebook, key: key, progress: { _, _ in }, interrupted: { Self.stamp(notebook.path) != stamp })
                    terminal.print("\(notebook.path): the session is ready for edits (its cells ran in \(String(format: "%.2f", warm.seconds)) s)",
                                   verbose: true)
                }
                continue
            }
            let outcome = session.run(notebook, key: key, progress: { runs, running in
                if let running { publisher.writeLivePage(i, runs: runs, running: running) }
            }, interrupted: { Self.stamp(notebook.path) != stamp })
            publisher.publish(i, runs: outcome.runs, seconds: outcome.seconds,
                              source: outcome.from.map { .resumed(from: $0) } ?? .rerendered)
            if outcome.from != nil, ResultsCache.storable(outcome.runs, cellCount: notebook.cells.count) {
                if let problem = cache.store(notebook, outputName: outputName, key: key, runs: outcome.runs,
                                             files: outcome.files, seconds: outcome.seconds) {
                    terminal.print("note: the results of \(notebook.path) were not cached: \(problem)", verbose: true)
                }
            }
        }
        publisher.finish()
        _ = publisher.summarize(seconds: Date().timeIntervalSince(started))
        for warmUp in warmUps { warmUp() }
    }

    private static func stamp(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
