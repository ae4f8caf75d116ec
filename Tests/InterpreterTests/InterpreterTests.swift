import Foundation
import Reports
import Testing
@testable import Interpreter

/// Runs cells in one session and returns their results.
func runCells(_ cells: [String], file: String = "test.md") -> [CellResult] {
    let session = Session(options: SessionOptions(seed: 42))
    var line = 1
    return cells.map { code in
        defer { line += code.split(separator: "\n", omittingEmptySubsequences: false).count + 3 }
        return session.run(CellSource(code: code, file: file, line: line + 1, column: 1, timeout: 5))
    }
}

func output(_ code: String) -> String {
    let r = runCells([code])[0]
    return r.printedText + r.errors.map { "error: \($0.location.map { "\($0.line):\($0.column)" } ?? "?"): \($0.message)\n" }.joined()
}

/// Set NBRUN_SCRATCH=path to run a file as one cell and print what it does (a debugging aid).
@Test func scratch() {
    guard let path = ProcessInfo.processInfo.environment["NBRUN_SCRATCH"], let code = try? String(contentsOfFile: path, encoding: .utf8) else { return }
    let cells = code.components(separatedBy: "\n// ---\n")
    for r in runCells(cells) {
        print("---- \(r.status) \(String(format: "%.4f", r.duration))s")
        print(r.printedText, terminator: "")
        if let v = r.result { print("=> \(v.plainText)") }
        for e in r.errors { print("error: \(e.location.map(\.description) ?? "?"): \(e.message) [\(e.kind)]"); for f in e.callChain { print("  called from \(f.function) at \(f.location)") } }
    }
}
