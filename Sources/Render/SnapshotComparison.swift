import Foundation
import Reports

/// Compares a run's snapshot with the recorded one, cell by cell (cli.md, Snapshots): text
/// exactly, numbers within a tolerance, `no-snapshot` cells not at all.
public struct SnapshotComparison {
    /// One cell whose outputs differ (or that was added or removed).
    public struct Difference: Sendable, Equatable {
        public var identity: String
        /// `cell 3, id encoder-shapes`.
        public var label: String
        /// The cell's fence line in the notebook now (nil for a cell that is gone).
        public var line: Int?
        /// A unified diff of the cell's snapshot lines, old (`-`) to new (`+`).
        public var diff: String

        public init(identity: String, label: String, line: Int?, diff: String) {
            self.identity = identity
            self.label = label
            self.line = line
            self.diff = diff
        }
    }

    public struct Tolerance: Sendable {
        public var rtol: Double
        public var atol: Double
        public init(rtol: Double, atol: Double) {
            self.rtol = rtol
            self.atol = atol
        }
    }

    /// The cells of `new` that differ from `old`. `tolerance(identity)` gives each cell's tolerance.
    public static func differences(old: Snapshot, new: Snapshot, tolerance: (String) -> Tolerance) -> [Difference] {
        var result: [Difference] = []
        let oldByID = Dictionary(old.cells.map { ($0.identity, $0) }, uniquingKeysWith: { a, _ in a })
        let newIDs = Set(new.cells.map(\.identity))
        for cell in new.cells where cell.compared {
            let before = oldByID[cell.identity]
            let oldLines = before.map { ["outcome: \($0.outcome)"] + $0.body } ?? []
            let newLines = ["outcome: \(cell.outcome)"] + cell.body
            if let before, !before.compared { continue }
            if before == nil || !linesMatch(oldLines, newLines, tolerance(cell.identity)) {
                let note = before == nil ? "(new cell: not in the snapshot)\n" : ""
                result.append(Difference(identity: cell.identity, label: cell.label, line: cell.line,
                                         diff: note + TextDiff.unified(old: oldLines, new: newLines)))
            }
        }
        for cell in old.cells where !newIDs.contains(cell.identity) && cell.compared {
            result.append(Difference(identity: cell.identity, label: cell.label, line: nil,
                                     diff: "(cell removed from the notebook)\n" + TextDiff.unified(old: ["outcome: \(cell.outcome)"] + cell.body, new: [])))
        }
        return result
    }

    static func linesMatch(_ a: [String], _ b: [String], _ tol: Tolerance) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || lineMatches($0, $1, tol) }
    }

    /// Two lines match when they differ only in numbers within tolerance (and, as NumPy pads
    /// columns to the widest number, in the runs of spaces between them).
    static func lineMatches(_ a: String, _ b: String, _ tol: Tolerance) -> Bool {
        let ta = tokens(a), tb = tokens(b)
        guard ta.count == tb.count else { return false }
        for (x, y) in zip(ta, tb) {
            switch (x, y) {
            case (.number(let p), .number(let q)):
                if p.isNaN && q.isNaN { continue }
                if p == q { continue }
                if !(abs(p - q) <= tol.atol + tol.rtol * abs(q)) { return false }
            case (.text(let p), .text(let q)):
                if p != q { return false }
            default:
                return false
            }
        }
        return true
    }

    enum Token: Equatable {
        case text(String)
        case number(Double)
    }

    private static let numberPattern = try! NSRegularExpression(
        pattern: #"(?<![A-Za-z_0-9.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![A-Za-z_])|(?<![A-Za-z_])-?(?:nan|inf)(?![A-Za-z_])"#)

    static func tokens(_ line: String) -> [Token] {
        var out: [Token] = []
        let ns = line as NSString
        var last = 0
        // Text between numbers is compared without its padding: NumPy pads every column to the
        // widest number (`[1.        0.5       ]`), so spacing changes whenever a number does.
        func text(_ s: String) {
            let words = s.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            if !s.isEmpty { out.append(.text(words)) }
        }
        for m in numberPattern.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
            text(ns.substring(with: NSRange(location: last, length: m.range.location - last)))
            let s = ns.substring(with: m.range)
            out.append(.number(s.hasSuffix("nan") ? .nan : s == "inf" ? .infinity : s == "-inf" ? -.infinity : Double(s) ?? .nan))
            last = m.range.location + m.range.length
        }
        text(ns.substring(from: last))
        return out
    }
}
