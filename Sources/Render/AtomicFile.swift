import Foundation

/// Writes files so that readers see the old file or the new one, never a half-written one:
/// the content goes to a temporary file in the same folder, which is then renamed over the
/// target (`rename(2)` is atomic within a file system). An interrupted run leaves at most a
/// stray `.name.tmp-…` file, never a truncated page or snapshot.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `text` as UTF-8 to `url`, creating missing parent folders.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: url.path, reason: "cannot create folder \(folder.path)")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
        unfinished.withLock { _ = $0.insert(temporary.path) }
        defer { unfinished.withLock { _ = $0.remove(temporary.path) } }
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw WriteError(path: url.path, reason: reasonFromErrno(default: "folder not writable"))
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = reasonFromErrno(default: "rename failed")
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: url.path, reason: reason)
        }
    }

    /// Temporary files of writes under way.
    private static let unfinished = LockedPaths()

    /// Removes the temporary files of writes that have not finished: called when a run is
    /// interrupted, so that nothing half-written remains.
    public static func removeUnfinished() {
        unfinished.withLock { paths in for path in paths { unlink(path) } }
    }

    private static func reasonFromErrno(default fallback: String) -> String {
        errno != 0 ? String(cString: strerror(errno)) : fallback
    }
}

private final class LockedPaths: @unchecked Sendable {
    private var paths: Set<String> = []
    private let lock = NSLock()
    func withLock<T>(_ body: (inout Set<String>) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&paths)
    }
}
