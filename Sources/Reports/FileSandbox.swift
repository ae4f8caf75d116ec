import Foundation

/// The one rule for every file a notebook brings in (docs/language.md, "The sandbox"): data a
/// cell reads, images its prose shows, and the notebooks of a course folder are regular files
/// whose real path (after resolving every symbolic link) is below the allowed folder. Absolute
/// paths, `..` out of the folder, links out of it, folders, devices and the kernel's virtual
/// files (`/proc`, `/sys`, `/dev`) are refused.
public enum FileSandbox {
    public enum Refusal: Error, Equatable, Sendable {
        case empty
        /// `/etc/passwd`, `~/x`.
        case absolute
        /// Its real path is outside the folder (through `..` or a symbolic link).
        case outside(realPath: String)
        /// Nothing there.
        case missing
        /// A folder, a device, a pipe, a kernel file.
        case notRegularFile

        /// Why, for a message that names the path and the folder itself.
        public var reason: String {
            switch self {
            case .empty: return "the path is empty"
            case .absolute: return "it is an absolute path"
            case .outside: return "it leads outside the folder"
            case .missing: return "no such file"
            case .notRegularFile: return "it is not a regular file"
            }
        }
    }

    /// The real path of `path`, written relative to `folder`, when the sandbox allows it.
    /// `allowAbsolute` lets a path given on nbrun's own command line be absolute (it must still
    /// lead to a regular file below `folder`).
    public static func resolve(_ path: String, below folder: String, allowAbsolute: Bool = false) -> Result<String, Refusal> {
        guard !path.isEmpty else { return .failure(.empty) }
        if !allowAbsolute && (path.hasPrefix("/") || path.hasPrefix("~")) { return .failure(.absolute) }
        let base = realPath(folder.isEmpty ? "." : folder) ?? folder
        let joined = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        let lexical = (joined as NSString).standardizingPath
        guard let real = realPath(joined) else {
            // Nothing there: say "outside" rather than "missing" when the path itself leaves.
            return .failure(isBelow(lexical, base) ? .missing : .outside(realPath: lexical))
        }
        guard isBelow(real, base) else { return .failure(.outside(realPath: real)) }
        var info = stat()
        guard stat(real, &info) == 0 else { return .failure(.missing) }
        guard info.st_mode & S_IFMT == S_IFREG, !isKernelFile(real) else { return .failure(.notRegularFile) }
        return .success(real)
    }

    /// Where a notebook may write `path` (`saveWeights`): its folder must exist, with a real path
    /// below `folder`; the file itself is new, or a regular file below `folder` (a symbolic link
    /// out, a folder or a device is refused).
    public static func resolveForWriting(_ path: String, below folder: String) -> Result<String, Refusal> {
        guard !path.isEmpty else { return .failure(.empty) }
        if path.hasPrefix("/") || path.hasPrefix("~") { return .failure(.absolute) }
        let base = realPath(folder.isEmpty ? "." : folder) ?? folder
        let joined = (base as NSString).appendingPathComponent(path)
        if realPath(joined) != nil { return resolve(path, below: folder) }  // it exists: the reading rule
        let name = (joined as NSString).lastPathComponent
        let parent = (joined as NSString).deletingLastPathComponent
        guard let realParent = realPath(parent) else {
            let lexical = (parent as NSString).standardizingPath
            return .failure(lexical == base || isBelow(lexical, base) ? .missing : .outside(realPath: lexical))
        }
        guard realParent == base || isBelow(realParent, base) else { return .failure(.outside(realPath: realParent)) }
        guard name != "..", name != ".", !isKernelFile(realParent) else { return .failure(.notRegularFile) }
        // Something realpath could not follow is there: a dangling symbolic link.
        if lstat_info(joined) != nil { return .failure(.outside(realPath: joined)) }
        return .success((realParent as NSString).appendingPathComponent(name))
    }

    private static func lstat_info(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    /// `realpath(3)`: nil when the path does not lead to anything.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isBelow(_ path: String, _ folder: String) -> Bool {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix)
    }

    /// Files of the kernel's virtual file systems: they look like regular files and hold the
    /// process's environment, memory maps, and so on.
    static func isKernelFile(_ real: String) -> Bool {
        ["/proc", "/sys", "/dev"].contains { real == $0 || real.hasPrefix($0 + "/") }
    }
}
