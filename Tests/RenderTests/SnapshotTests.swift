import Testing
import Notebook
import Reports
@testable import Render

/// The snapshot format, its comparison with tolerance, and the diffs it prints.
struct SnapshotTests {
    static let notebook = NotebookParser.parse(text: """
        ---
        sanitize:
          - {regex: '\\d+ ms', replace: 'N ms'}
        ---
        ```swift id=a
        ```

        ```swift no-snapshot
        ```
        """, path: "nb/x.md").notebook!

    static let runs = [
        CellRun(outcome: .passed, result: CellResult(status: .succeeded, outputs: [.text("took 12 ms\n| tricky\n\n=== not a header\n")],
                                                     result: .tensor(shape: [1, 3], text: "[[1. 2. 3.]]"))),
        CellRun(outcome: .passed, result: CellResult(status: .succeeded, outputs: [.text("varies\n")])),
    ]

    static func snapshot(_ runs: [CellRun] = runs) throws -> Snapshot {
        try Snapshot(notebook: notebook, runs: runs, seed: 3, version: "9.9", formatter: DiagnosticFormatter { _, _ in nil },
                 stablePath: "x.md")
    }

    @Test func textIsReadableAndParsesBackExactly() throws {
        let s = try Self.snapshot()
        #expect(s.text == """
            nbrun snapshot 1
            notebook: nb/x.md
            seed: 3
            nbrun: 9.9

            === a (cell 1, id a, line 5): passed
            --- output
            | took N ms
            | | tricky
            |
            | === not a header
            --- result tensor (1, 3)
            | [[1. 2. 3.]]

            === cell-2 (cell 2, line 8): passed (not compared)
            --- output
            | varies

            """)
        #expect(try Snapshot.parse(s.text) == s)
    }

    @Test func malformedSnapshotIsAnErrorWithALine() {
        #expect(throws: Snapshot.FormatError(line: 1, message: "not an nbrun snapshot (it should start with 'nbrun snapshot 1')")) {
            try Snapshot.parse("hello\n")
        }
        #expect(throws: Snapshot.FormatError.self) { try Snapshot.parse("nbrun snapshot 1\nnotebook: a\nseed: 0\nnbrun: 1\n\ngarbage\n") }
    }

    @Test func numbersCompareWithinToleranceAndSpacingBetweenThemIsIgnored() {
        let tol = SnapshotComparison.Tolerance(rtol: 1e-5, atol: 1e-6)
        #expect(SnapshotComparison.lineMatches("| [[0.1        0.2 ]]", "| [[0.1000001  0.2]]", tol))
        #expect(!SnapshotComparison.lineMatches("| [[0.1 0.2]]", "| [[0.11 0.2]]", tol))
        #expect(!SnapshotComparison.lineMatches("| loss 1.0", "| gain 1.0", tol))
        #expect(SnapshotComparison.lineMatches("| x: nan, -inf", "| x: nan, -inf", tol))
        #expect(!SnapshotComparison.lineMatches("| 1e-05", "| 2e-05", tol))
        #expect(!SnapshotComparison.lineMatches("| version2", "| version3", tol))
    }

    @Test func differencesAreFoundPerCellAndUncomparedCellsAreSkipped() throws {
        let old = try Self.snapshot()
        var changedRuns = Self.runs
        changedRuns[0].result?.result = .tensor(shape: [1, 3], text: "[[1. 2. 4.]]")
        changedRuns[1].result?.outputs = [.text("something else\n")]
        let new = try Self.snapshot(changedRuns)
        let diffs = SnapshotComparison.differences(old: old, new: new) { _ in .init(rtol: 1e-5, atol: 1e-6) }
        #expect(diffs.map(\.identity) == ["a"])
        #expect(diffs.first?.diff.contains("-| [[1. 2. 3.]]\n+| [[1. 2. 4.]]") == true)
        #expect(SnapshotComparison.differences(old: old, new: old) { _ in .init(rtol: 0, atol: 0) }.isEmpty)
    }

    @Test func unifiedDiffHasHunksWithContext() {
        let old = (1...20).map { "line \($0)" }
        var new = old
        new[1] = "changed 2"
        new[17] = "changed 18"
        #expect(TextDiff.unified(old: old, new: new) == """
            @@ -1,5 +1,5 @@
             line 1
            -line 2
            +changed 2
             line 3
             line 4
             line 5
            @@ -15,6 +15,6 @@
             line 15
             line 16
             line 17
            -line 18
            +changed 18
             line 19
             line 20

            """)
        #expect(TextDiff.unified(old: ["a"], new: ["a"]).isEmpty)
    }
}
