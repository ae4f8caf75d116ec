import Foundation
import Interpreter
import Reports
import Testing

/// Runs every literate cell file of Cells/ through one `Session` and compares what each cell
/// printed, its result, its errors and its status with the file's `// expect` comments.
/// (scripts/swiftc-oracle.sh proves that those expectations are what compiled Swift does.)
@Suite struct LiterateCellTests {
    /// Cell files the interpreter does not pass yet, and why. Each still runs; the test fails when
    /// one of them starts passing, so that it leaves this list.
    static let knownGaps: [String: String] = [:]

    @Test(arguments: LiterateCorpus.files)
    func cellFile(_ path: String) throws {
        if let gap = Self.knownGaps[path] {
            try withKnownIssue(Comment(rawValue: gap)) { try check(path) }
        } else {
            try check(path)
        }
    }

    private func check(_ path: String) throws {
        let file = try LiterateCorpus.load(path)
        let session = Session(options: SessionOptions(seed: 0, baseDirectory: LiterateCorpus.folder.path))
        for (index, cell) in file.cells.enumerated() {
            let source = CellSource(code: cell.code, file: file.name, line: cell.line, column: 1,
                                    timeout: file.timeout ?? LiterateCorpus.defaultTimeout)
            guard let result = LiterateCorpus.run(session, source) else {
                Issue.record("\(path): cell \(index + 1) (line \(cell.line)) did not return within its time limit + 20 s")
                return
            }
            let mismatches = LiterateJudge.mismatches(of: result, against: cell)
            if !mismatches.isEmpty {
                Issue.record(Comment(rawValue:
                    "\(path): cell \(index + 1) (line \(cell.line)):\n" + mismatches.joined(separator: "\n")))
            }
        }
    }
}

/// The corpus of cell files, found beside this source file.
enum LiterateCorpus {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cells")
    /// Cells of the corpus run quickly; a file that needs a shorter limit says so (`// timeout:`).
    static let defaultTimeout = 10.0

    /// Paths relative to Cells/ (`traps/timeout.swift`), sorted. The environment variable
    /// `LITERATE_FILES` (comma-separated path prefixes, e.g. `traps/,programs/tokenizer`) keeps only
    /// some files: scripts/literate-report.sh runs each file alone that way.
    static let files: [String] = {
        let root = folder.standardizedFileURL.path
        let walker = FileManager.default.enumerator(atPath: root)
        var out: [String] = []
        while let next = walker?.nextObject() as? String {
            if next.hasSuffix(".swift") { out.append(next) }
        }
        if let only = ProcessInfo.processInfo.environment["LITERATE_FILES"], !only.isEmpty {
            let prefixes = only.split(separator: ",").map(String.init)
            out = out.filter { path in prefixes.contains { path.hasPrefix($0) } }
        }
        return out.sorted()
    }()

    static func load(_ path: String) throws -> LiterateCellFile {
        let url = folder.appendingPathComponent(path)
        return try LiterateCellFile(text: String(contentsOf: url, encoding: .utf8), name: url.lastPathComponent)
    }

    /// Runs one cell, but gives up waiting (nil) if the session ignores the cell's time limit,
    /// so that an interpreter stuck in `while true {}` fails this test instead of hanging the run.
    static func run(_ session: Session, _ source: CellSource) -> CellResult? {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = session.run(source)
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        guard done.wait(timeout: .now() + source.timeout + 20) == .success else { return nil }
        return box.result
    }

    private final class ResultBox: @unchecked Sendable {
        var result: CellResult?
    }
}
