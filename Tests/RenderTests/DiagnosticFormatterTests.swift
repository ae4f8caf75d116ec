import Testing
import Reports
@testable import Render

struct DiagnosticFormatterTests {
    let lines = ["let a = 1", "    let score = matmul(keys, h)", "print(a)"]

    func formatter() -> DiagnosticFormatter {
        DiagnosticFormatter { file, n in file == "nb.md" && n >= 1 && n <= lines.count ? lines[n - 1] : nil }
    }

    @Test func errorWithContextLineAndCaretRange() {
        let start = SourceLocation(file: "nb.md", line: 2, column: 17)
        let end = SourceLocation(file: "nb.md", line: 2, column: 32)
        var d = Diagnostic("matmul: inner dimensions differ: (1, 10, 512) x (1, 100, 1)",
                           at: SourceRange(start: start, end: end), kind: "runtime")
        d.callChain = [.init(function: "Luong.callAsFunction(_:_:)", location: .init(file: "nb.md", line: 3, column: 9))]
        #expect(formatter().format(d) == """
            nb.md:2:17: error: matmul: inner dimensions differ: (1, 10, 512) x (1, 100, 1)
             1 | let a = 1
             2 |     let score = matmul(keys, h)
               |                 ^~~~~~~~~~~~~~~
            called from Luong.callAsFunction(_:_:) at nb.md:3:9
            """)
    }

    @Test func repeatedCallsAreCountedNotListed() {
        let at = SourceLocation(file: "nb.md", line: 3, column: 1)
        var d = Diagnostic("stack overflow after 10000 calls", at: at, kind: "runtime")
        let call = SourceLocation(file: "nb.md", line: 1, column: 5)
        d.callChain = [.init(function: "down(_:)", location: call), .init(function: "down(_:)", location: call, repeats: 9997),
                       .init(function: "main()", location: at, repeats: 1)]
        #expect(formatter().format(d).split(separator: "\n").suffix(5) == [
            "called from down(_:) at nb.md:1:5",
            "called from down(_:) at nb.md:1:5",
            "[previous line repeated 9997 more times]",
            "called from main() at nb.md:3:1",
            "[previous line repeated 1 more time]",
        ])
    }

    @Test func contextStopsAtTheCellsFence() {
        let f = DiagnosticFormatter { _, n in ["```swift id=x", "let score = matmul(keys, h)"][n - 1] }
        let d = Diagnostic("boom", at: SourceLocation(file: "nb.md", line: 2, column: 13), length: 6, kind: "runtime")
        #expect(f.format(d) == "nb.md:2:13: error: boom\n 2 | let score = matmul(keys, h)\n   |             ^~~~~~")
    }

    @Test func displayNamesReplaceThePathButNotTheSource() {
        var f = formatter()
        f.displayNames["nb.md"] = "x.md"
        var d = Diagnostic("boom", at: SourceLocation(file: "nb.md", line: 3, column: 1), kind: "runtime")
        d.callChain = [.init(function: "f()", location: .init(file: "nb.md", line: 1, column: 5))]
        #expect(f.format(d) == "x.md:3:1: error: boom\n 2 |     let score = matmul(keys, h)\n 3 | print(a)\n   | ^\ncalled from f() at x.md:1:5")
    }

    @Test func diagnosticWithoutPlaceIsOneLine() {
        let d = Diagnostic("cannot read notebook", at: nil as SourceRange?, kind: "io")
        #expect(formatter().format(d) == "error: cannot read notebook")
    }

    @Test func fixItsAndNotesFollowTheExcerpt() {
        let d = Diagnostic("unknown cell option 'hide-sorce'", at: SourceLocation(file: "nb.md", line: 1, column: 5),
                           length: 3, kind: "cell-option", fixIts: [.init(message: "did you mean 'hide-source'?")])
        let text = formatter().format(d)
        #expect(text.hasSuffix("   | " + "    ^~~\nfix-it: did you mean 'hide-source'?"))
    }

    @Test func colourOnlyWhenAsked() {
        let d = Diagnostic("boom", at: SourceLocation(file: "nb.md", line: 3, column: 1), kind: "runtime")
        #expect(!formatter().format(d).contains("\u{1B}["))
        var f = formatter()
        f.color = true
        #expect(f.format(d).contains("\u{1B}[1;31merror:"))
    }
}
