import Foundation

/// `--watch`: after a run, re-runs whenever a notebook (or a file beside it) changes.
public struct Watcher {
    public var runner: Runner
    public var interval: TimeInterval = 0.5

    public init(runner: Runner) {
        self.runner = runner
    }

    /// Runs until interrupted; returns the last run's status if the notebooks disappear.
    public func loop() -> Int32 {
        var last = fingerprint()
        var status: Int32 = 0
        FileHandle.standardOutput.write(Data("watching \(runner.options.paths.joined(separator: ", ")) for changes (Ctrl-C to stop)\n".utf8))
        while true {
            Thread.sleep(forTimeInterval: interval)
            let now = fingerprint()
            if now != last {
                last = now
                status = runner.run()
                FileHandle.standardOutput.write(Data("watching for changes (Ctrl-C to stop)\n".utf8))
            }
        }
        return status
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
