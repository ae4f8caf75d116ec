import Foundation
import Notebook
import Reports
import Testing
@testable import Render

/// The parent's whole path for a notebook's text (parse, highlight, render, snapshot) on random
/// deep nesting and random bytes (issue 18): it must never crash (a stack overflow, a trap) and
/// must finish. Each input runs on a thread with the stack the runner gives its own threads.
struct HostileInputFuzzTests {
    typealias SplitMix = FuzzTests.SplitMix

    /// Runs `body` on a thread of the parent's stack size, as the runner does.
    func onParentThread(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = HTMLPage.threadStackSize
        thread.start()
        done.wait()
    }

    /// Parse, highlight, render and snapshot, as the parent does after a run.
    static func processAsTheParentDoes(_ bytes: [UInt8], path: String) {
        let parsed = NotebookParser.parse(bytes: bytes, path: path)
        guard let notebook = parsed.notebook else { return }
        SwiftHighlighter.prepare(HTMLPage.sourcesToHighlight(notebook))
        let runs = notebook.cells.map { _ in
            CellRun(outcome: .passed, result: CellResult(status: .succeeded, outputs: [.text("out\u{1B}[2J\u{07}")]))
        }
        let page = HTMLPage.render(notebook: notebook, runs: runs)
        #expect(page.html.hasSuffix("</html>\n") || page.html.contains("</html>"))
        let formatter = DiagnosticFormatter(color: false) { _, n in notebook.line(n) }
        // Random front matter can hold a sanitizer; one past its time limit is an error, not a hang.
        _ = try? Snapshot(notebook: notebook, runs: runs, seed: 0, version: "fuzz", formatter: formatter).text
    }

    static let openers: [(String, String)] = [("[", "]"), ("(", ")"), ("{", "}"), ("[x: ", "]"), ("([", "])"), ("if true { ", "}"),
                                              ("\"\\(", ")\""), ("<", ">"), ("/*", "*/"), ("- ", ""), ("!", "")]
    static let proseOpeners: [(String, String)] = [(">", ""), ("- ", ""), ("*", "*"), ("_", "_"), ("[", "](x)"), ("`", "`"),
                                                   ("<div>", "</div>"), ("$\\sqrt{", "}$"), ("${", "}$"), ("$\\frac{", "}{2}$"),
                                                   ("$\\left(", "\\right)$"), ("**", "**"), ("![", "](a.png)")]

    @Test func randomDeepNestingNeverCrashesTheParent() {
        var random = SplitMix(state: 2026)
        for n in 0..<40 {
            let depth = [10, 100, 1_000, 3_000][random.next(4)]
            let (open, close) = Self.openers[random.next(Self.openers.count)]
            let (pOpen, pClose) = Self.proseOpeners[random.next(Self.proseOpeners.count)]
            let code = String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
            let prose = String(repeating: pOpen, count: depth) + "x" + String(repeating: pClose, count: depth)
            let skip = random.next(2) == 0 ? " skip" : ""
            let text = "# Deep \(n)\n\n\(prose)\n\n```swift id=deep\(skip)\nlet x = \(code)\n```\n\n```swift\n\(code)\n```\n"
            let t0 = Date()
            onParentThread { Self.processAsTheParentDoes(Array(text.utf8), path: "fuzz/deep\(n).md") }
            if ProcessInfo.processInfo.environment["FUZZ_TIMES"] != nil { print("deep", depth, open, pOpen, Date().timeIntervalSince(t0)) }
        }
    }

    @Test func randomBytesNeverCrashTheParent() {
        var random = SplitMix(state: 18)
        let pieces: [[UInt8]] = ["```swift\n", "```\n", "---\n", "$", "$$", "\\", "[", "]", "{", "}", "&a", "*a", "<b>", "\n",
                                 "\u{1B}[2J", "\u{07}", "\u{0}", "é", "\r\n", "title: &a [*a, *a]\n"].map { Array($0.utf8) }
        for n in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<random.next(80) {
                if random.next(3) == 0 {
                    bytes += pieces[random.next(pieces.count)]
                } else {
                    bytes += (0..<random.next(8)).map { _ in UInt8(random.next(random.next(8) == 0 ? 256 : 128)) }
                }
            }
            onParentThread { Self.processAsTheParentDoes(bytes, path: "fuzz/bytes\(n).md") }
        }
    }
}
