import Foundation
import Notebook
import Reports

/// A notebook's regression snapshot (`output/attention.snap`): plain UTF-8 text that reads well in
/// a diff and in review, and parses back exactly.
///
///     nbrun snapshot 1
///     notebook: notebooks/attention.md
///     seed: 42
///     nbrun: 0.1.0
///
///     === encoder-shapes (cell 3, line 47): passed
///     --- output
///     | input shape: (1, 3)
///     --- result tensor (1, 3)
///     | [[0. 0. 0.]]
///
/// Each cell is a `===` header (identity, label, notebook line, outcome) and sections in the order
/// the cell produced them (`output`, `display`, `error`, then `result`); every content line starts
/// with `| ` (`|` alone for an empty line), so no output can be mistaken for structure.
public struct Snapshot: Equatable, Sendable {
    public static let formatVersion = 1

    public struct CellEntry: Equatable, Sendable {
        public var identity: String
        /// `cell 3` or `cell 3, id encoder` — for humans; not compared.
        public var label: String
        /// The cell's fence line when the snapshot was written — for humans; not compared.
        public var line: Int
        public var outcome: String
        /// False for `no-snapshot` cells: kept for reading, never compared.
        public var compared: Bool
        /// Section markers and `| ` content lines.
        public var body: [String]

        public init(identity: String, label: String, line: Int, outcome: String, compared: Bool, body: [String]) {
            self.identity = identity
            self.label = label
            self.line = line
            self.outcome = outcome
            self.compared = compared
            self.body = body
        }
    }

    public var notebook: String
    public var seed: Int
    public var version: String
    public var cells: [CellEntry]

    public init(notebook: String, seed: Int, version: String, cells: [CellEntry]) {
        self.notebook = notebook
        self.seed = seed
        self.version = version
        self.cells = cells
    }

    // MARK: Text

    public var text: String {
        var lines = ["nbrun snapshot \(Self.formatVersion)", "notebook: \(notebook)", "seed: \(seed)", "nbrun: \(version)"]
        for cell in cells {
            lines.append("")
            let comparedNote = cell.compared ? "" : " (not compared)"
            lines.append("=== \(cell.identity) (\(cell.label), line \(cell.line)): \(cell.outcome)\(comparedNote)")
            lines += cell.body
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public struct FormatError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Reads a snapshot written by `text`.
    public static func parse(_ text: String) throws -> Snapshot {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard lines.count >= 4, lines[0].hasPrefix("nbrun snapshot ") else {
            throw FormatError(line: 1, message: "not an nbrun snapshot (it should start with 'nbrun snapshot 1')")
        }
        func field(_ i: Int, _ name: String) throws -> String {
            guard lines[i].hasPrefix(name + ": ") else { throw FormatError(line: i + 1, message: "expected '\(name): ...'") }
            return String(lines[i].dropFirst(name.count + 2))
        }
        var snapshot = Snapshot(notebook: try field(1, "notebook"), seed: Int(try field(2, "seed")) ?? 0,
                                version: try field(3, "nbrun"), cells: [])
        var i = 4
        while i < lines.count {
            let line = lines[i]
            if line.isEmpty { i += 1; continue }
            guard let header = parseHeader(line) else {
                throw FormatError(line: i + 1, message: "expected a cell header '=== id (cell N, line L): outcome'")
            }
            var entry = header
            i += 1
            while i < lines.count, lines[i].hasPrefix("|") || lines[i].hasPrefix("--- ") {
                entry.body.append(lines[i])
                i += 1
            }
            snapshot.cells.append(entry)
        }
        return snapshot
    }

    private static func parseHeader(_ line: String) -> CellEntry? {
        guard line.hasPrefix("=== "), let open = line.firstIndex(of: "("), let close = line.range(of: "): ", options: .backwards) else { return nil }
        let identity = line[line.index(line.startIndex, offsetBy: 4)..<open].trimmingCharacters(in: .whitespaces)
        let inside = line[line.index(after: open)..<close.lowerBound]
        guard let comma = inside.range(of: ", line ", options: .backwards), let number = Int(inside[comma.upperBound...]) else { return nil }
        var outcome = String(line[close.upperBound...])
        let compared = !outcome.hasSuffix(" (not compared)")
        if !compared { outcome = String(outcome.dropLast(" (not compared)".count)) }
        return CellEntry(identity: identity, label: String(inside[..<comma.lowerBound]), line: number,
                         outcome: outcome, compared: compared, body: [])
    }
}

extension Snapshot {
    /// The snapshot of a notebook's run: one entry per cell, outputs after the sanitizers.
    /// `stablePath` names the notebook inside error texts (`attention.md`), so that a snapshot does
    /// not change with the folder nbrun was started from. The sanitizers together may take
    /// `sanitizeTimeLimit` seconds; past it, no snapshot (the error names the pattern and its line).
    public init(notebook: Notebook, runs: [CellRun], seed: Int, version: String, formatter: DiagnosticFormatter,
                stablePath: String? = nil, sanitizeTimeLimit: Double = 10) throws(SanitizerTimeout) {
        let sanitizers = Sanitizers(notebook.frontMatter, path: notebook.path, timeLimit: sanitizeTimeLimit)
        var errorFormatter = formatter
        if let stablePath { errorFormatter.displayNames[notebook.path] = stablePath }
        var cells: [CellEntry] = []
        for (cell, run) in zip(notebook.cells, runs) {
            var body: [String] = []
            func section(_ title: String, _ text: String) throws(SanitizerTimeout) {
                body.append("--- " + title)
                var content = ControlCharacters.escape(try sanitizers.apply(text, cell: cell.label))
                if content.hasSuffix("\n") { content.removeLast() }
                body += content.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "|" : "| " + $0 }
            }
            for output in run.result?.outputs ?? [] {
                switch output {
                case .text(let t): try section("output", t)
                case .display(let v): try section("display" + Self.kind(of: v), v.plainText)
                case .error(let d): try section("error", errorFormatter.format(d))
                }
            }
            if let result = run.result?.result { try section("result" + Self.kind(of: result), result.plainText) }
            cells.append(CellEntry(identity: cell.identity, label: cell.label, line: cell.fenceLine,
                                   outcome: run.outcome.rawValue, compared: !cell.options.noSnapshot, body: body))
        }
        self.init(notebook: notebook.path, seed: seed, version: version, cells: cells)
    }

    private static func kind(of value: RichValue) -> String {
        switch value {
        case .text: return ""
        case .tensor(let shape, _): return " tensor (" + shape.map { $0.map(String.init) ?? "None" }.joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
        case .table: return " table"
        case .figure: return " figure"
        }
    }
}
