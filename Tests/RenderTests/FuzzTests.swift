import Foundation
import FoundationXML
import Notebook
import Reports
import Testing
@testable import Render

/// Random TeX and random notebooks: the renderer never traps, and what it makes is well-formed.
struct FuzzTests {
    /// A small deterministic generator (SplitMix64), so a failure reproduces.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    static let texPieces = ["x", "2", "{", "}", "^", "_", "'", "\\frac", "\\sqrt", "[", "]", "(", ")", "&", "\\\\",
                            "\\left(", "\\right)", "\\left", "\\right", "\\begin{pmatrix}", "\\end{pmatrix}", "\\begin{aligned}",
                            "\\end{aligned}", "\\text{", "\\alpha", "\\sum", "\\tilde", "\\mathbf", "\\operatorname{", "\\", " ",
                            "<", "&amp;", "\\big", "\\binom", "\\begin{array}{c", "\\end{array}", "\\foo", "é", "한", "$"]

    @Test func randomTeXNeverTrapsAndConvertsToWellFormedMathML() throws {
        var random = SplitMix(state: 42)
        var converted = 0
        for _ in 0..<3000 {
            let tex = (0..<random.next(12)).map { _ in Self.texPieces[random.next(Self.texPieces.count)] }.joined()
            for display in [false, true] {
                let r = MathConverter.html(for: tex, display: display)
                if r.error == nil { converted += 1 }
                #expect((try? XMLDocument(xmlString: "<root>\(r.html)</root>", options: [])) != nil, "\(tex)")
            }
        }
        #expect(converted > 500, "the generator makes some valid TeX too")
    }

    static let lines = ["# Title $x$", "## Part", "text with $a_b$ and $$c$$", "```swift", "```", "```swift id=a hide-source",
                        "let x = \"<b>\"", "", "- item $\\frac{1}{2}$", "> quote", "![img](missing.png)", "$$", "\\sum_i",
                        "<script>x</script>", "```python", "print(1)", "    indented", "*emph* `code <x>`", "$5 and $6",
                        "[link](http://example.org)", "---", "title: T"]

    @Test func randomNotebooksRenderAsWellFormedPages() throws {
        var random = SplitMix(state: 7)
        for n in 0..<300 {
            let text = (0..<random.next(30)).map { _ in Self.lines[random.next(Self.lines.count)] }.joined(separator: "\n")
            guard let notebook = NotebookParser.parse(text: text, path: "fuzz/\(n).md").notebook else { continue }
            let runs = notebook.cells.enumerated().map { i, _ in
                CellRun(outcome: [.passed, .failed, .expectedError, .notRun][i % 4],
                        result: CellResult(status: .succeeded, outputs: [.text("<out \(i)>"), .error(Diagnostic("bad <x>", at: SourceLocation(file: "fuzz/\(n).md", line: 1, column: 1), kind: "runtime"))]))
            }
            let page = HTMLPage.render(notebook: notebook, runs: runs)
            #expect((try? XMLDocument(xmlString: page.html, options: [])) != nil, "\(text)")
            #expect(!page.html.contains("<script>"))
        }
    }
}
