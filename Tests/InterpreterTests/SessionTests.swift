import Foundation
import Reports
import Testing
@testable import Interpreter

/// The session's contract with the runner: positions in the notebook, limits, result values,
/// output order and the data sandbox. (Language behaviour is covered by the literate cells.)
@Suite struct SessionTests {
    @Test func syntaxErrorsPointIntoTheNotebook() {
        let session = Session(options: SessionOptions())
        // The cell's code starts at line 10, indented by 4 columns in the notebook.
        let r = session.run(CellSource(code: "let a = 1\nlet b = (a + ", file: "nb.md", line: 10, column: 5))
        #expect(r.status == .failed)
        let e = r.errors.first
        #expect(e?.kind == "syntax")
        #expect(e?.location?.file == "nb.md")
        #expect(e?.location?.line == 11)
        #expect((e?.location?.column ?? 0) > 5, "columns are offset by the fence indentation")
        #expect(r.printedText.isEmpty)
    }

    @Test func unknownNamesAreReportedBeforeAnyStatementRuns() {
        let session = Session(options: SessionOptions())
        _ = session.run(CellSource(code: "let embedding = 3", file: "nb.md", line: 1))
        let r = session.run(CellSource(code: "print(\"ran\")\nlet y = embeding + 1\nlet z = qqq", file: "nb.md", line: 5, column: 1))
        #expect(r.printedText.isEmpty)
        #expect(r.errors.map(\.message) == ["cannot find 'embeding' in scope; did you mean 'embedding'?", "cannot find 'qqq' in scope"])
        #expect(r.errors.first?.location == SourceLocation(file: "nb.md", line: 6, column: 9))
        #expect(r.errors.first?.fixIts.first?.replacement == "embedding")
    }

    @Test func anEndlessLoopTimesOut() {
        let session = Session(options: SessionOptions())
        let r = session.run(CellSource(code: "var n = 0\nwhile true { n += 1 }", file: "nb.md", line: 1, timeout: 0.2))
        #expect(r.status == .timedOut)
        #expect(r.errors.first?.kind == "timeout")
        // The session goes on after a timeout.
        let next = session.run(CellSource(code: "n > 0", file: "nb.md", line: 4))
        #expect(next.result == .text("true"))
    }

    @Test func deepRecursionIsAnErrorNotACrash() {
        let session = Session(options: SessionOptions())
        let r = session.run(CellSource(code: "func down(_ n: Int) -> Int { down(n + 1) }\ndown(0)", file: "nb.md", line: 1))
        #expect(r.status == .failed)
        #expect(r.errors.first?.message == "stack overflow after 10000 calls")
        // The recursive call is listed twice, then counted: the error stays a few lines long.
        let chain = r.errors.first?.callChain ?? []
        #expect(chain.map(\.function) == ["down(_:)", "down(_:)", "down(_:)"])
        #expect(chain.map(\.location.line) == [1, 1, 2])
        #expect(chain.filter { $0.location.line == 1 }.reduce(0) { $0 + 1 + $1.repeats } == 10000)
    }

    @Test func errorsCarryTheChainOfCalls() {
        let session = Session(options: SessionOptions())
        let code = """
            struct Encoder {
                func callAsFunction(_ xs: [Int]) -> Int { head(xs) }
                func head(_ xs: [Int]) -> Int { xs[3] }
            }
            let e = Encoder()
            e([1])
            """
        let r = session.run(CellSource(code: code, file: "nb.md", line: 20))
        let e = r.errors.first
        #expect(e?.message == "Index out of range")
        #expect(e?.location == SourceLocation(file: "nb.md", line: 22, column: 37))
        #expect(e?.callChain.map(\.function) == ["Encoder.head(_:)", "Encoder.callAsFunction(_:)"])
        #expect(e?.callChain.map(\.location.line) == [21, 25])
    }

    @Test func aFailedCellKeepsWhatItDeclaredBeforeFailing() {
        let session = Session(options: SessionOptions())
        let r = session.run(CellSource(code: "let kept = 1\nlet boom = [1][5]\nlet lost = 2", file: "nb.md", line: 1))
        #expect(r.status == .failed)
        #expect(session.run(CellSource(code: "kept", file: "nb.md", line: 5)).result == .text("1"))
        let lost = session.run(CellSource(code: "lost", file: "nb.md", line: 7))
        #expect(lost.errors.first?.kind == "unknown-name")
    }

    @Test func displayedValuesStayBetweenPrintedLines() {
        let session = Session(options: SessionOptions())
        let r = session.run(CellSource(code: "print(\"a\")\ndisplay([1, 2])\nprint(\"b\")\n7", file: "nb.md", line: 1))
        #expect(r.outputs == [.text("a\n"), .display(.text("[1, 2]")), .text("b\n")])
        #expect(r.result == .text("7"))
    }

    @Test func aTensorResultIsATensorValue() {
        let session = Session(options: SessionOptions())
        let r = session.run(CellSource(code: "Tensor(zeros: [1, 3])", file: "nb.md", line: 1))
        #expect(r.result == .tensor(shape: [1, 3], text: "[[0. 0. 0.]]"))
    }

    @Test func tensorErrorsAreCellErrorsAtTheCall() {
        let session = Session(options: SessionOptions())
        let r = session.run(CellSource(code: "let a = Tensor(zeros: [2, 3])\nlet b = matmul(a, a)", file: "nb.md", line: 1))
        #expect(r.errors.first?.message == "matmul: inner dimensions differ: (2, 3) x (2, 3)")
        #expect(r.errors.first?.location == SourceLocation(file: "nb.md", line: 2, column: 9))
    }

    @Test func printedTextIsCapturedPerCell() {
        let session = Session(options: SessionOptions())
        let a = session.run(CellSource(code: "print(1, 2, separator: \"-\", terminator: \"!\")", file: "nb.md", line: 1))
        let b = session.run(CellSource(code: "print(\"second\")", file: "nb.md", line: 3))
        #expect(a.printedText == "1-2!")
        #expect(b.printedText == "second\n")
    }

    @Test func cellsReadDataOnlyBelowTheNotebookFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nbrun-sandbox-\(UUID().uuidString)")
        let notebook = root.appendingPathComponent("course")
        try FileManager.default.createDirectory(at: notebook.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "one\ntwo\n".write(to: notebook.appendingPathComponent("data/lines.txt"), atomically: true, encoding: .utf8)
        try "secret".write(to: root.appendingPathComponent("outside.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: notebook.appendingPathComponent("data/link.txt"),
                                                   withDestinationURL: root.appendingPathComponent("outside.txt"))
        let session = Session(options: SessionOptions(baseDirectory: notebook.path))
        func run(_ code: String) -> CellResult { session.run(CellSource(code: code, file: "nb.md", line: 1)) }
        #expect(run("readLines(\"data/lines.txt\")").result == .text("[\"one\", \"two\"]"))
        #expect(run("readText(\"/etc/hostname\")").errors.first?.message.contains("absolute path") == true)
        #expect(run("readText(\"../outside.txt\")").errors.first?.message.contains("outside the notebook's folder") == true)
        #expect(run("readText(\"data/link.txt\")").errors.first?.message.contains("outside the notebook's folder") == true)
    }

    @Test func importsOfOtherModulesAreErrors() {
        let session = Session(options: SessionOptions())
        #expect(session.run(CellSource(code: "import Foundation\nimport TensorFlow", file: "nb.md", line: 1)).status == .succeeded)
        let r = session.run(CellSource(code: "import UIKit", file: "nb.md", line: 1))
        #expect(r.errors.first?.message == "no such module 'UIKit'; notebook cells can import Foundation and TensorFlow")
    }
}
