import Foundation
import Notebook
import Render
import Reports

/// The results cache (cli.md, "The results cache"): after a run that went as the notebook asked,
/// its cells' runs are stored in `<output>/.nbrun-cache/<name>.json`, keyed by everything that can
/// change them. A later run with the same key makes the page and the snapshot check from the
/// stored runs without starting a worker. What the key holds:
/// - every code cell's source and execution options (`skip`, `expect-error`, `timeout`), in order;
/// - the front matter's execution fields (the seed, `timeout`, `allow-errors`);
/// - nbrun's version and build (the executable's size and modification time), `--seed`,
///   `--memory-limit`, `--unsafe-html`, and the notebook's path;
/// - the content (SHA-256) of every file the cells read through the data sandbox, as recorded by
///   the worker; these are checked at lookup, since they are known only after the run.
/// Prose, titles, `hide-*`, `no-snapshot`, `rtol`/`atol`, `sanitize` and `tolerance` are not in the
/// key: they change the page or the snapshot comparison, which are always made afresh. A prose
/// edit moves cells up or down the file; the stored diagnostics' lines are moved with them.
struct ResultsCache {
    /// Bumped when the entry's layout changes: an entry of another format is a miss.
    static let format = 1
    let folder: URL
    /// nbrun's build: a rebuilt executable (same version, other code) misses every entry.
    let build: String

    init(outputDirectory: String, executable: String) {
        folder = URL(fileURLWithPath: outputDirectory).appendingPathComponent(".nbrun-cache")
        let attributes = try? FileManager.default.attributesOfItem(atPath: executable)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        build = "\(size)-\(String(format: "%.6f", modified))"
    }

    /// One stored run.
    struct Entry: Codable {
        var format: Int
        var nbrun: String
        var build: String
        /// The notebook's path as the run named it.
        var notebook: String
        /// Digest of the settings: options, front matter, version and build, path.
        var settings: String
        /// Digest of each cell's source and execution options.
        var cells: [String]
        /// Where each cell was when it ran (to move diagnostics after a prose edit).
        var places: [Place]
        var files: [FileRead]
        var runs: [CellRun]
        var seconds: Double
    }

    struct Place: Codable, Equatable {
        var fence: Int, line: Int, column: Int, lines: Int
        init(_ cell: Cell) {
            fence = cell.fenceLine
            line = cell.codeLocation.line
            column = cell.codeLocation.column
            lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false).count
        }
    }

    /// What a notebook's run depends on, besides the files its cells read.
    struct Key: Equatable {
        var settings: String
        var cells: [String]
    }

    static func key(_ notebook: Notebook, options: RunOptions, build: String) -> Key {
        let front = notebook.frontMatter
        let settings = [
            "nbrun \(nbrunVersion) build \(build) cache-format \(format)",
            "notebook \(notebook.path)",
            "seed \(options.seedOverride ?? front.seed)",
            "memory-limit \(options.memoryLimit)",
            "unsafe-html \(options.unsafeHTML)",
            "timeout \(front.timeout)",
            "allow-errors \(front.allowErrors)",
        ].joined(separator: "\n")
        let cells = notebook.cells.map { cell in
            let o = cell.options
            return SHA256.hex("skip \(o.skip) expect-error \(o.expectError) timeout \(o.timeout.map { "\($0)" } ?? "-")\n\(cell.code)")
        }
        return Key(settings: SHA256.hex(settings), cells: cells)
    }

    enum Lookup {
        case hit(runs: [CellRun], seconds: Double)
        /// Why it missed, for `-v` (nil: there was no entry).
        case miss(String?)
    }

    func url(_ outputName: String) -> URL { folder.appendingPathComponent(outputName + ".json") }

    func exists(_ outputName: String) -> Bool { FileManager.default.fileExists(atPath: url(outputName).path) }

    /// The stored runs of `notebook`, when every input is as it was. A damaged or foreign entry is a
    /// miss, never an error.
    func lookup(_ notebook: Notebook, outputName: String, key: Key) -> Lookup {
        let file = url(outputName)
        guard let data = FileManager.default.contents(atPath: file.path) else { return .miss(nil) }
        let entry: Entry
        do {
            entry = try JSONDecoder().decode(Entry.self, from: data)
        } catch {
            return .miss("the cache entry \(file.path) is damaged or not nbrun's (\(Self.describe(error)))")
        }
        guard entry.format == Self.format else { return .miss("the cache entry is of another format (\(entry.format))") }
        guard entry.nbrun == nbrunVersion else { return .miss("the cache entry was written by nbrun \(entry.nbrun)") }
        guard entry.build == build else { return .miss("the cache entry was written by another build of nbrun") }
        guard entry.cells.count == entry.runs.count, entry.places.count == entry.runs.count else {
            return .miss("the cache entry \(file.path) is damaged (its cells and runs disagree)")
        }
        guard entry.settings == key.settings else { return .miss("the seed, the memory limit or the front matter's execution settings changed") }
        if let changed = Self.firstChange(old: entry.cells, new: key.cells) {
            return .miss(changed < notebook.cells.count ? "\(notebook.cells[changed].label) changed" : "a cell was removed")
        }
        let folder = Self.folder(of: notebook)
        for read in entry.files where FileRead.digest(ofFileAt: folder + "/" + read.path) != read.digest {
            return .miss("\(read.path), read by the notebook, changed")
        }
        let places = notebook.cells.map(Place.init)
        let runs = places == entry.places ? entry.runs
            : Self.relocate(entry.runs, in: notebook.path, from: entry.places, to: places)
        return .hit(runs: runs, seconds: entry.seconds)
    }

    /// Stores a finished run; returns an error text when it could not be written.
    func store(_ notebook: Notebook, outputName: String, key: Key, runs: [CellRun], files: [FileRead], seconds: Double) -> String? {
        let entry = Entry(format: Self.format, nbrun: nbrunVersion, build: build, notebook: notebook.path, settings: key.settings,
                          cells: key.cells, places: notebook.cells.map(Place.init), files: files, runs: runs, seconds: seconds)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try AtomicFile.write(try encoder.encode(entry), to: url(outputName))
            // Stored results are local: the folder keeps itself out of git.
            let ignore = folder.appendingPathComponent(".gitignore")
            if !FileManager.default.fileExists(atPath: ignore.path) { try AtomicFile.write("*\n", to: ignore) }
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Whether a run may be stored: it went as the notebook asked, to its end (no failed,
    /// timed-out or unexpectedly successful cell; none left unreported or not run).
    static func storable(_ runs: [CellRun], cellCount: Int) -> Bool {
        runs.count == cellCount && !runs.contains { $0.outcome.isFailure || $0.outcome == .notRun }
    }

    /// The index of the first cell whose digest differs (or that one list lacks).
    static func firstChange(old: [String], new: [String]) -> Int? {
        for i in 0..<max(old.count, new.count) where i >= old.count || i >= new.count || old[i] != new[i] { return i }
        return nil
    }

    static func folder(of notebook: Notebook) -> String {
        let folder = (notebook.path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c), DecodingError.keyNotFound(_, let c), DecodingError.typeMismatch(_, let c),
             DecodingError.valueNotFound(_, let c):
            return c.debugDescription
        default:
            return "\(error)"
        }
    }

    // MARK: - Moving diagnostics with their cells

    /// The runs with every location in `file` that lies in a cell (its fence or its code) moved
    /// to where that cell is now.
    static func relocate(_ runs: [CellRun], in file: String, from old: [Place], to new: [Place]) -> [CellRun] {
        func move(_ l: SourceLocation) -> SourceLocation {
            guard l.file == file, let i = old.firstIndex(where: { l.line >= $0.fence && l.line < $0.line + max($0.lines, 1) }) else { return l }
            var moved = l
            moved.line += new[i].line - old[i].line
            if l.line >= old[i].line { moved.column += new[i].column - old[i].column }
            return moved
        }
        func move(_ r: SourceRange?) -> SourceRange? { r.map { SourceRange(start: move($0.start), end: move($0.end)) } }
        func move(_ d: Diagnostic) -> Diagnostic {
            var d = d
            d.range = move(d.range)
            d.notes = d.notes.map { var n = $0; n.range = move(n.range); return n }
            d.fixIts = d.fixIts.map { var f = $0; f.range = move(f.range); return f }
            d.callChain = d.callChain.map { var f = $0; f.location = move(f.location); return f }
            return d
        }
        return runs.map { run in
            guard var result = run.result else { return run }
            result.outputs = result.outputs.map { if case .error(let d) = $0 { return .error(move(d)) } else { return $0 } }
            return CellRun(outcome: run.outcome, result: result)
        }
    }
}
