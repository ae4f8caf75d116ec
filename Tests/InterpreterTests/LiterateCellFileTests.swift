import Reports
import Testing

/// The literate runner itself: parsing of `// expect` comments and judging of a cell's result.
@Suite struct LiterateCellFileTests {
    let sample = """
        // swiftc: scopes trap
        // timeout: 0.5
        let x = 1
        print(x)  // expect: 1
        print()   // expect:
        // expect: standalone
        // cell
        x + 1 // expect result: 2
        // cell

        let y = embeding   // expect error: f.swift:11:9: cannot find 'embeding' in scope
        // expect status: timed-out

        """

    @Test func cellsSplitAtCellLinesWithTheirFileLines() throws {
        let file = try LiterateCellFile(text: sample, name: "f.swift")
        #expect(file.cells.count == 3)
        #expect(file.cells.map(\.line) == [1, 8, 10])
        #expect(file.cells[1].code == "x + 1 // expect result: 2")
        #expect(file.cells[2].code == "\nlet y = embeding   // expect error: f.swift:11:9: cannot find 'embeding' in scope\n// expect status: timed-out")
    }

    @Test func headersAreRead() throws {
        let file = try LiterateCellFile(text: sample, name: "f.swift")
        #expect(file.timeout == 0.5)
        #expect(file.swiftcModes == ["scopes", "trap"])
    }

    @Test func expectationsGoToTheirCellInOrder() throws {
        let file = try LiterateCellFile(text: sample, name: "f.swift")
        #expect(file.cells[0].printed == ["1", "", "standalone"])
        #expect(file.cells[0].result == nil)
        #expect(file.cells[0].expectedStatus == .succeeded)
        #expect(file.cells[1].result == "2")
        #expect(file.cells[1].printed.isEmpty)
        #expect(file.cells[2].errors == ["f.swift:11:9: cannot find 'embeding' in scope"])
        #expect(file.cells[2].expectedStatus == .timedOut)
    }

    @Test func aCellWithErrorsMustFail() throws {
        let file = try LiterateCellFile(text: "let a = b // expect error: g.swift:1:9: cannot find 'b' in scope", name: "g.swift")
        #expect(file.cells[0].expectedStatus == .failed)
    }

    @Test func misspelledExpectationsAreRejected() {
        #expect(throws: LiterateCellFile.ParseError.self) {
            try LiterateCellFile(text: "print(1) // expect reslt: 1", name: "h.swift")
        }
        #expect(throws: LiterateCellFile.ParseError.self) {
            try LiterateCellFile(text: "1 // expect result: 1\n2 // expect result: 2", name: "h.swift")
        }
        #expect(throws: LiterateCellFile.ParseError.self) {
            try LiterateCellFile(text: "// expect status: finished", name: "h.swift")
        }
    }

    @Test func judgeAcceptsTheExpectedRun() throws {
        let cell = try LiterateCellFile(text: "print(1); print(2) // expect: 1\n// expect: 2\n3 // expect result: 3", name: "j.swift").cells[0]
        let run = CellResult(status: .succeeded, outputs: [.text("1\n"), .text("2\n")], result: .text("3"))
        #expect(LiterateJudge.mismatches(of: run, against: cell).isEmpty)
    }

    @Test func judgeReportsEachDifference() throws {
        let cell = try LiterateCellFile(text: "print(1) // expect: 1", name: "j.swift").cells[0]
        let wrongText = CellResult(status: .succeeded, outputs: [.text("1")])
        #expect(LiterateJudge.mismatches(of: wrongText, against: cell).count == 1)
        let extraResult = CellResult(status: .succeeded, outputs: [.text("1\n")], result: .text("()"))
        #expect(LiterateJudge.mismatches(of: extraResult, against: cell).count == 1)
        let failed = CellResult(status: .failed, outputs: [.text("1\n"), .error(Diagnostic(
            "boom", at: SourceLocation(file: "j.swift", line: 1, column: 1), kind: "runtime"))])
        #expect(LiterateJudge.mismatches(of: failed, against: cell).count == 2)
    }

    @Test func judgeComparesErrorsAsFileLineColumnMessage() throws {
        let cell = try LiterateCellFile(text: "let a = b // expect error: k.swift:1:9: cannot find 'b' in scope", name: "k.swift").cells[0]
        let at = SourceLocation(file: "k.swift", line: 1, column: 9)
        let right = CellResult(status: .failed, outputs: [.error(Diagnostic("cannot find 'b' in scope", at: at, kind: "unknown-name"))])
        #expect(LiterateJudge.mismatches(of: right, against: cell).isEmpty)
        let wrongColumn = CellResult(status: .failed, outputs: [.error(Diagnostic(
            "cannot find 'b' in scope", at: SourceLocation(file: "k.swift", line: 1, column: 5), kind: "unknown-name"))])
        #expect(LiterateJudge.mismatches(of: wrongColumn, against: cell) != [])
    }

    @Test func judgeComparesTheCallChainWhenTheCellListsIt() throws {
        let text = """
            let w = load("") // expect error: m.swift:1:9: Fatal error: empty
            // expect frame: load(_:) at m.swift:1:9
            """
        let cell = try LiterateCellFile(text: text, name: "m.swift").cells[0]
        #expect(cell.frames == ["load(_:) at m.swift:1:9"])
        let at = SourceLocation(file: "m.swift", line: 1, column: 9)
        var error = Diagnostic("Fatal error: empty", at: at, kind: "runtime")
        #expect(LiterateJudge.mismatches(of: CellResult(status: .failed, outputs: [.error(error)]), against: cell).count == 1)
        error.callChain = [.init(function: "load(_:)", location: at)]
        #expect(LiterateJudge.mismatches(of: CellResult(status: .failed, outputs: [.error(error)]), against: cell).isEmpty)
    }

    /// The corpus itself: every file parses, names its own file in its errors, and together they
    /// hold several hundred expectations.
    @Test func corpusFilesAreWellFormed() throws {
        var total = 0
        for path in LiterateCorpus.files {
            let file = try LiterateCorpus.load(path)
            for cell in file.cells {
                total += cell.expectationCount
                for error in cell.errors {
                    #expect(error.hasPrefix(file.name + ":"), "\(path): error names another file: \(error)")
                }
            }
        }
        let names = LiterateCorpus.files.map { $0.split(separator: "/").last! }
        #expect(Set(names).count == names.count, "cell file names must be unique: errors name files by base name")
        #expect(total >= 300, "the corpus holds \(total) expectations")
    }
}
