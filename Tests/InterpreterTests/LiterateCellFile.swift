import Foundation
import Reports

/// A literate cell file of Tests/InterpreterTests/Cells: Swift cells with what running them must
/// give written in comments (jlox style). Cells are separated by a line `// cell` and run in one
/// session, in order. Expectations belong to the cell they are written in:
///
///     // timeout: 0.5                  seconds each cell may run (header, optional)
///     // swiftc: skip|trap|...         how scripts/swiftc-oracle.sh checks the file (header)
///     print(x)       // expect: 3      one printed line, in order (trailing or on its own line)
///     x + 1          // expect result: 4                   the cell's result (its description)
///     let y = embeding   // expect error: f.swift:5:9: cannot find 'embeding' in scope
///     // expect frame: Encoder.callAsFunction(_:) at f.swift:9:1   the error's chain of calls,
///                                      innermost first (checked only when the cell lists frames)
///     // expect status: timed-out      the cell's status (default: failed if it expects errors)
struct LiterateCellFile {
    struct Cell: Equatable {
        /// The cell's code, as given to the session (comments included).
        var code: String
        /// Line (1-based) in the file of the cell's first code line.
        var line: Int
        /// Printed lines, in order.
        var printed: [String] = []
        /// The description of the cell's last expression, if the cell has one.
        var result: String?
        /// Errors as `file:line:col: message`, in order.
        var errors: [String] = []
        /// The errors' chain of calls as `function at file:line:col`, innermost first.
        var frames: [String] = []
        var status: CellResult.Status?

        /// The status the cell must end with.
        var expectedStatus: CellResult.Status { status ?? (errors.isEmpty ? .succeeded : .failed) }
        var expectationCount: Int { printed.count + (result == nil ? 0 : 1) + errors.count }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// The file name given to the session (`CellSource.file`): the file's base name.
    var name: String
    /// Seconds each cell may run.
    var timeout: Double?
    /// The words of the `// swiftc:` header.
    var swiftcModes: [String] = []
    var cells: [Cell]

    init(text: String, name: String) throws {
        self.name = name
        cells = []
        var current = Cell(code: "", line: 1)
        var codeLines: [String] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "// cell" {
                current.code = codeLines.joined(separator: "\n")
                cells.append(current)
                current = Cell(code: "", line: number + 1)
                codeLines = []
                continue
            }
            codeLines.append(line)
            if let value = Self.header("timeout", in: trimmed) {
                guard let seconds = Double(value) else {
                    throw ParseError(description: "\(name):\(number): timeout is not a number: \(value)")
                }
                timeout = seconds
            }
            if let value = Self.header("swiftc", in: trimmed) {
                swiftcModes = value.split(separator: " ").map(String.init)
            }
            guard let range = line.range(of: "// expect") else { continue }
            let directive = String(line[range.upperBound...])
            if let text = Self.value(of: ":", in: directive) {
                current.printed.append(text)
            } else if let text = Self.value(of: " result:", in: directive) {
                guard current.result == nil else {
                    throw ParseError(description: "\(name):\(number): a cell has one result")
                }
                current.result = text
            } else if let text = Self.value(of: " error:", in: directive) {
                current.errors.append(text)
            } else if let text = Self.value(of: " frame:", in: directive) {
                current.frames.append(text)
            } else if let text = Self.value(of: " status:", in: directive) {
                guard let status = CellResult.Status(rawValue: text) else {
                    throw ParseError(description: "\(name):\(number): unknown status '\(text)'")
                }
                current.status = status
            } else {
                throw ParseError(description: "\(name):\(number): unknown expectation: \(line)")
            }
        }
        if codeLines.last == "" { codeLines.removeLast() }
        current.code = codeLines.joined(separator: "\n")
        cells.append(current)
    }

    /// `// key: value` at the start of a line.
    private static func header(_ key: String, in line: String) -> String? {
        let prefix = "// \(key):"
        guard line.hasPrefix(prefix) else { return nil }
        return line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
    }

    /// The text after `marker` (one space after it dropped), if `directive` starts with it.
    private static func value(of marker: String, in directive: String) -> String? {
        guard directive.hasPrefix(marker) else { return nil }
        let rest = directive.dropFirst(marker.count)
        return String(rest.hasPrefix(" ") ? rest.dropFirst() : rest)
    }
}

/// How a cell's run differs from its expectations: one readable line per difference.
enum LiterateJudge {
    static func mismatches(of result: CellResult, against cell: LiterateCellFile.Cell) -> [String] {
        var out: [String] = []
        let expectedText = cell.printed.map { $0 + "\n" }.joined()
        if result.printedText != expectedText {
            out.append(printedDifference(result.printedText, expected: cell.printed))
        }
        let resultText = result.result?.plainText
        if resultText != cell.result {
            out.append("result: \(resultText.map { "'\($0)'" } ?? "none"), expected \(cell.result.map { "'\($0)'" } ?? "none")")
        }
        let errors = result.errors.map(format)
        if errors != cell.errors {
            out.append("errors:\n" + quoteLines(errors) + "\n  expected:\n" + quoteLines(cell.errors))
        }
        let frames = result.errors.flatMap(\.callChain).map { "\($0.function) at \($0.location)" }
        if !cell.frames.isEmpty, frames != cell.frames {
            out.append("call chain:\n" + quoteLines(frames) + "\n  expected:\n" + quoteLines(cell.frames))
        }
        if result.status != cell.expectedStatus {
            out.append("status: \(result.status.rawValue), expected \(cell.expectedStatus.rawValue)")
        }
        return out
    }

    /// `file:line:col: message`, the way the expectations write an error.
    static func format(_ d: Diagnostic) -> String {
        guard let at = d.location else { return d.message }
        return "\(at.file):\(at.line):\(at.column): \(d.message)"
    }

    /// From the first line that differs: up to three lines printed and expected.
    static func printedDifference(_ text: String, expected: [String]) -> String {
        var got = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if got.last == "" { got.removeLast() } else if !got.isEmpty { got[got.count - 1] += "⏎ (no newline at the end)" }
        let first = (0..<min(got.count, expected.count)).first { got[$0] != expected[$0] } ?? min(got.count, expected.count)
        let shown = { (lines: [String]) in Array(lines[min(first, lines.count)..<min(first + 3, lines.count)]) }
        return "printed \(got.count) lines, expected \(expected.count); from line \(first + 1) of the cell's output:\n"
            + quoteLines(shown(got)) + "\n  expected:\n" + quoteLines(shown(expected))
    }

    private static func quoteLines(_ lines: [String]) -> String {
        lines.isEmpty ? "    (nothing)" : lines.map { "    | " + $0 }.joined(separator: "\n")
    }
}
