import Foundation

/// Writes files so that readers see the old file or the new one, never a half-written one:
/// the content goes to a temporary file in the same folder, which is then renamed over the
/// target (`rename(2)` is atomic within a file system). An interrupted run removes the
/// temporary files of the writes under way (`removeUnfinished`), so nothing of them remains.
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
        // Written here with open(2) and write(2), never Foundation's atomic write, whose own
        // temporary file (`.dat.nosync…`) an interruption would leave behind unknown to us.
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))").path
        let fd: Int32 = try state.withLock { s in
            // Created under the lock that `removeUnfinished` takes: after an interruption no new
            // temporary file appears, and every one that exists is known.
            guard !s.interrupted else { throw WriteError(path: url.path, reason: "the run was interrupted") }
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 { s.paths.insert(temporary) }
            return fd
        }
        guard fd >= 0 else { throw WriteError(path: url.path, reason: reasonFromErrno(default: "folder not writable")) }
        var failure: String?
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = reasonFromErrno(default: "write failed")
                    return
                }
                offset += n
            }
        }
        close(fd)
        let renamed: Bool = state.withLock { s in
            defer { s.paths.remove(temporary) }
            guard failure == nil, !s.interrupted else { unlink(temporary); return false }
            if rename(temporary, url.path) != 0 {
                failure = reasonFromErrno(default: "rename failed")
                unlink(temporary)
                return false
            }
            return true
        }
        if !renamed { throw WriteError(path: url.path, reason: failure ?? "the run was interrupted") }
    }

    /// Temporary files of writes under way, and whether the run was interrupted.
    struct StateBox {
        var paths: Set<String> = []
        var interrupted = false
    }
    private static let state = LockedState()

    /// Removes the temporary files of writes that have not finished, and refuses new ones:
    /// called when a run is interrupted, so that nothing half-written remains.
    public static func removeUnfinished() {
        state.withLock { s in
            s.interrupted = true
            for path in s.paths { unlink(path) }
            s.paths.removeAll()
        }
    }

    private static func reasonFromErrno(default fallback: String) -> String {
        errno != 0 ? String(cString: strerror(errno)) : fallback
    }
}

private final class LockedState: @unchecked Sendable {
    private var state = AtomicFile.StateBox()
    private let lock = NSLock()
    func withLock<T>(_ body: (inout AtomicFile.StateBox) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
