import Reports
import Testing
@testable import Interpreter

/// Cells parsed ahead (`Session.parseAhead`) run exactly as cells parsed where they run.
@Suite struct ParseAheadTests {
    static let cells = [
        CellSource(code: "struct Pair { var a: Int; var b: Int }\nlet p = Pair(a: 1, b: 2)", file: "nb.md", line: 3),
        CellSource(code: "let x = (p.a + ", file: "nb.md", line: 8, column: 5),   // a syntax error
        CellSource(code: "print(p.a * 10 + p.b)\np.b", file: "nb.md", line: 12),
        CellSource(code: "let y = 2 ** 3", file: "nb.md", line: 16),             // an unknown operator
    ]

    @Test func aheadOrNotTheResultsAreTheSame() {
        let plain = Session(options: SessionOptions())
        let ahead = Session(options: SessionOptions())
        ahead.parseAhead(Self.cells)
        for cell in Self.cells {
            var (a, b) = (plain.run(cell), ahead.run(cell))
            (a.duration, b.duration) = (0, 0)
            #expect(a == b, "line \(cell.line)")
        }
        #expect(ahead.run(Self.cells[2]).printedText == "12\n", "a cell run twice is parsed again the second time")
    }

    @Test func cellsNotGivenAheadAreParsedWhereTheyRun() {
        let session = Session(options: SessionOptions())
        session.parseAhead([Self.cells[0]])
        #expect(session.run(Self.cells[0]).status == .succeeded)
        #expect(session.run(CellSource(code: "p.a + p.b", file: "nb.md", line: 20)).result == .text("3"))
    }
}
