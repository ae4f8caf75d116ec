import Foundation
import Reports

/// Which notebooks a run covers and where each one's page and snapshot go (cli.md, "What a run
/// writes"): a file `notebooks/attention.md` → `output/attention.html`; in a folder run the
/// sub-folders are kept (`notebooks/week1/a.md` → `output/week1/a.html`).
public struct NotebookPlan: Sendable {
    public struct Entry: Sendable, Equatable {
        /// The notebook's path as messages show it.
        public var path: String
        /// Its output name without extension, relative to the output folder (`week1/a`).
        public var outputName: String
    }

    public var entries: [Entry]
    /// Whether a folder was given (then the run writes an index page and previous/next links).
    public var isCourse: Bool

    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// Finds the notebooks under `paths` (files as given; folders searched for `*.md`, hidden
    /// folders skipped), in a stable order.
    public static func discover(_ paths: [String]) throws -> NotebookPlan {
        var entries: [Entry] = []
        var isCourse = false
        let fm = FileManager.default
        for path in paths.map(normalize) {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Problem(description: "no such notebook or folder: \(path)")
            }
            if !isDirectory.boolValue {
                guard fm.isReadableFile(atPath: path) else { throw Problem(description: "cannot read \(path): permission denied") }
                let name = (path as NSString).lastPathComponent
                try checkSandbox(path, below: (path as NSString).deletingLastPathComponent, folderRun: false)
                entries.append(Entry(path: path, outputName: stripExtension(name)))
                continue
            }
            isCourse = true
            let root = path.hasSuffix("/") ? String(path.dropLast()) : path
            guard let walker = fm.enumerator(atPath: root) else { throw Problem(description: "cannot read folder \(path)") }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { walker.skipDescendants(); continue }
                if relative.hasSuffix(".md") { found.append(relative) }
            }
            for relative in found.sorted() {
                let notebook = root == "." ? relative : root + "/" + relative
                try checkSandbox(notebook, below: root, folderRun: true)
                entries.append(Entry(path: notebook, outputName: stripExtension(relative)))
            }
        }
        var seen: [String: String] = [:]
        for entry in entries {
            if let other = seen[entry.outputName], other != entry.path {
                throw Problem(description: "\(other) and \(entry.path) would both write \(entry.outputName).html: run them separately or rename one")
            }
            seen[entry.outputName] = entry.path
        }
        var unique: [Entry] = []
        for entry in entries where !unique.contains(entry) { unique.append(entry) }
        return NotebookPlan(entries: unique, isCourse: isCourse)
    }

    /// The notebooks' file sandbox, as for data and images (Reports/FileSandbox.swift): a
    /// notebook is a regular file below its folder (the course's, in a folder run) after
    /// resolving symbolic links, so `lesson.md -> /proc/self/environ` is never published.
    private static func checkSandbox(_ path: String, below folder: String, folderRun: Bool) throws {
        let cwd = FileManager.default.currentDirectoryPath
        let absolute = path.hasPrefix("/") ? path : cwd + "/" + path
        guard case .failure(let refusal) = FileSandbox.resolve(absolute, below: folder.isEmpty ? "." : folder, allowAbsolute: true) else { return }
        let place = folderRun ? "the folder \(folder)" : "its folder"
        switch refusal {
        case .outside(let real):
            throw Problem(description: "\(path) leads outside \(place) (to \(real)); nbrun runs only notebooks that are regular files below it")
        case .notRegularFile:
            throw Problem(description: "\(path) is not a regular file; nbrun runs only notebooks that are regular files below \(place)")
        case .missing, .empty, .absolute:
            throw Problem(description: "no such notebook: \(path)")
        }
    }

    /// Share `index` (1-based) of `count`: every count-th notebook, so shares are equal in size
    /// to within one and the same on every machine.
    public func shard(_ index: Int, of count: Int) -> NotebookPlan {
        NotebookPlan(entries: entries.enumerated().filter { $0.offset % count == index - 1 }.map(\.element), isCourse: isCourse)
    }

    /// `./notebooks//a.md` → `notebooks/a.md`; an absolute path inside the current folder becomes
    /// relative to it, so messages and snapshots name notebooks the same way however they were given.
    static func normalize(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        var p = ((path.hasPrefix("/") ? path : cwd + "/" + path) as NSString).standardizingPath
        if p.hasPrefix(cwd + "/") { p = String(p.dropFirst(cwd.count + 1)) }
        if p == cwd { return "." }
        return p
    }

    private static func stripExtension(_ name: String) -> String {
        name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}
