import Testing
import Reports
@testable import Notebook

/// Rules 3, 4, 5 and 8: cells, their options, identities and positions.
struct CellTests {
    @Test func swiftFencesAreCellsInOrderWithPositions() {
        let nb = notebook("""
            # Title

            Some prose.

            ```swift id=encoder
            let x = 1
            print(x)
            ```

              ```swift
              let y = 2
              ```
            """)
        #expect(nb.cells.count == 2)
        let first = nb.cells[0], second = nb.cells[1]
        #expect(first.identity == "encoder" && first.explicitID == "encoder" && first.index == 1)
        #expect(first.code == "let x = 1\nprint(x)")
        #expect(first.fenceLine == 5)
        #expect(first.codeLocation == SourceLocation(file: "nb.md", line: 6, column: 1))
        #expect(first.label == "cell 1, id encoder")
        #expect(second.identity == "cell-2" && second.explicitID == nil && second.label == "cell 2")
        // An indented fence: CommonMark strips the fence's indentation from its lines.
        #expect(second.code == "let y = 2")
        #expect(second.codeLocation == SourceLocation(file: "nb.md", line: 11, column: 3))
    }

    @Test func otherFencesAndIndentedCodeAreShownNotRun() {
        let nb = notebook("""
            ```python
            print("hi")
            ```

                indented code

            ```
            plain
            ```

            ~~~swift
            let tilde = true
            ~~~
            """)
        let codes = nb.blocks.compactMap(\.code)
        #expect(codes.map(\.language) == ["python", nil, nil])
        #expect(codes.map(\.code) == ["print(\"hi\")", "indented code", "plain"])
        #expect(nb.cells.map(\.code) == ["let tilde = true"])
    }

    @Test func swiftMustBeTheWholeFirstWord() {
        let nb = notebook("```swiftui\nText()\n```\n")
        #expect(nb.cells.isEmpty)
        #expect(nb.blocks.first?.code?.language == "swiftui")
    }

    @Test func everyOptionIsRead() throws {
        let nb = notebook("""
            ```swift id=a-1 hide-source hide-output expect-error skip no-snapshot timeout=2.5 rtol=1e-3 atol=0
            ```
            """)
        let o = try #require(nb.cells.first).options
        #expect(o.hideSource && o.hideOutput && o.expectError && o.skip && o.noSnapshot)
        #expect(o.timeout == 2.5 && o.rtol == 1e-3 && o.atol == 0)
    }

    @Test func unknownOptionIsAnErrorAtItsColumnWithASuggestion() {
        let out = parse("text\n\n```swift id=x hide-sorce\nlet a = 1\n```\n")
        #expect(out.notebook == nil)
        #expect(messages(out) == ["3:15: error: unknown cell option 'hide-sorce'; did you mean 'hide-source'?"])
        #expect(out.diagnostics[0].fixIts.map(\.message) == ["replace 'hide-sorce' with 'hide-source'"])
        #expect(out.diagnostics[0].kind == "cell-option")
    }

    @Test func malformedOptionValues() {
        let out = parse("""
            ```swift timeout=soon rtol=-1 id=has_underscore skip=yes id
            ```
            """)
        #expect(messages(out) == [
            "1:10: error: 'timeout' must be a number of seconds greater than 0 and at most 86400 (a day), such as timeout=5",
            "1:23: error: 'rtol' must be a number of at least 0, such as rtol=1e-4",
            "1:31: error: cell id 'has_underscore' must use only letters, digits and '-'",
            "1:49: error: cell option 'skip' takes no value: write just 'skip'",
            "1:58: error: cell option 'id' is given twice",
        ])
    }

    @Test func valuedOptionWithoutValue() {
        #expect(messages(parse("```swift timeout\n```\n")) == ["1:10: error: cell option 'timeout' needs a value: timeout=5"])
    }

    @Test func duplicateIDsAreAnErrorAtTheSecondFence() {
        let out = parse("""
            ```swift id=same
            ```

            ```swift id=same
            ```
            """)
        #expect(messages(out) == ["4:1: error: duplicate cell id 'same': ids must be unique in a notebook"])
        #expect(out.diagnostics[0].notes.first?.range?.start.line == 1)
    }

    @Test func explicitIDCollidingWithGeneratedOne() {
        let out = parse("```swift id=cell-2\n```\n\n```swift\n```\n")
        #expect(messages(out) == ["4:1: error: duplicate cell id 'cell-2': ids must be unique in a notebook"])
    }

    @Test func allProblemsAreCollectedNotJustTheFirst() {
        let out = parse("""
            ---
            seeed: 1
            ---
            ```swift hide
            ```
            ```swift skipp
            ```
            """)
        #expect(out.errors.count == 3)
        #expect(out.errors.map { $0.location!.line } == [2, 4, 6])
    }

    @Test func unclosedFenceRunsToTheEndWithAWarning() throws {
        let out = parse("intro\n\n```swift\nlet a = 1\n")
        let nb = try #require(out.notebook)
        #expect(nb.cells.first?.code == "let a = 1")
        #expect(messages(out) == ["3:1: warning: code fence opened here is never closed, so it runs to the end of the file; add a closing ```"])
    }

    @Test func nestedSwiftFenceIsShownWithAWarning() throws {
        let out = parse("- item\n\n  ```swift\n  let a = 1\n  ```\n")
        let nb = try #require(out.notebook)
        #expect(nb.cells.isEmpty)
        #expect(out.diagnostics.map(\.kind) == ["nested-cell"])
        #expect(out.diagnostics[0].severity == .warning && out.diagnostics[0].location?.line == 3)
    }

    @Test func emptyCell() throws {
        let nb = notebook("```swift\n```\n")
        #expect(nb.cells.map(\.code) == [""])
    }
}
