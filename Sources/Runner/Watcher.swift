import Foundation

/// `--watch`: after a run, re-runs (and re-renders) whenever a notebook under the watched paths
/// is changed, added or removed. It runs until interrupted (Ctrl-C, handled by the command).
public struct Watcher {
    public var runner: Runner
    public var interval: TimeInterval = 0.5

    public init(runner: Runner) {
        self.runner = runner
    }

    public func loop() -> Never {
        var last = fingerprint()
        FileHandle.standardOutput.write(Data("watching \(runner.options.paths.joined(separator: ", ")) for changes (Ctrl-C to stop)\n".utf8))
        while true {
            Thread.sleep(forTimeInterval: interval)
            let now = fingerprint()
            if now != last {
                last = now
                _ = runner.run()
                FileHandle.standardOutput.write(Data("watching for changes (Ctrl-C to stop)\n".utf8))
            }
        }
    }

    /// Modification times and sizes of every `.md` under the watched paths.
    private func fingerprint() -> [String: [Double]] {
        guard let plan = try? NotebookPlan.discover(runner.options.paths) else { return [:] }
        var result: [String: [Double]] = [:]
        for entry in plan.entries {
            let attributes = try? FileManager.default.attributesOfItem(atPath: entry.path)
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let size = (attributes?[.size] as? NSNumber)?.doubleValue ?? 0
            result[entry.path] = [modified, size]
        }
        return result
    }
}
