import Foundation
import FoundationXML
import Notebook
import Reports
import Testing
@testable import Render

/// Helpers shared by the Render tests: a notebook built by hand (the lines of `text` match the
/// blocks' line numbers, so error excerpts show real source) and an XML view of a page.
enum Fixture {
    static let path = "notebooks/attention.md"

    /// The notebook's text; blocks below point at these lines.
    static let lines = [
        "---",                                           // 1
        "title: Attention <basics>",                     // 2
        "---",                                           // 3
        "# Attention",                                   // 4
        "",                                              // 5
        "The score is $e^t = s_t^T h$ and <b>bold</b>.", // 6
        "",                                              // 7
        "```swift id=encoder",                           // 8
        "let x = \"<script>alert(1)</script>\"",          // 9
        "print(x)",                                      // 10
        "```",                                           // 11
        "## Weights & sums",                             // 12
        "",                                              // 13
        "$$a_t = \\sum_{i=1}^{N} \\alpha_i h_i$$",       // 14
        "",                                              // 15
        "```swift expect-error",                         // 16
        "let y = matmul(a, b)",                          // 17
        "```",                                           // 18
        "```python",                                     // 19
        "print('<i>')",                                  // 20
        "```",                                           // 21
        "```swift hide-source",                          // 22
        "model.summary()",                               // 23
        "```",                                           // 24
        "```swift",                                      // 25
        "heatmap(w)",                                    // 26
        "```",                                           // 27
        "```swift",                                      // 28
        "let z = 1",                                     // 29
        "```",                                           // 30
    ]

    static func cell(_ index: Int, id: String?, code: String, fence: Int, options: CellOptions = CellOptions()) -> Cell {
        Cell(index: index, identity: id ?? "cell-\(index)", explicitID: id, options: options, code: code,
             fenceLine: fence, codeLocation: SourceLocation(file: path, line: fence + 1, column: 1))
    }

    static var notebook: Notebook {
        var front = FrontMatter()
        front.title = "Attention <basics>"
        front.lineCount = 3
        var expectError = CellOptions()
        expectError.expectError = true
        var hideSource = CellOptions()
        hideSource.hideSource = true
        let mathLine = SourceLocation(file: path, line: 6, column: 14)
        let blocks: [Block] = [
            .prose(Prose(markdown: lines[3...6].joined(separator: "\n"),
                         html: "<h1>Attention</h1>\n<p>The score is \(MathSpan.placeholder(0)) and &lt;b&gt;bold&lt;/b&gt;.</p>\n",
                         math: [MathSpan(tex: "e^t = s_t^T h", display: false, location: mathLine)],
                         headings: [Heading(level: 1, text: "Attention", line: 4)], line: 4)),
            .cell(cell(1, id: "encoder", code: "let x = \"<script>alert(1)</script>\"\nprint(x)", fence: 8)),
            .prose(Prose(markdown: lines[11...14].joined(separator: "\n"),
                         html: "<h2>Weights &amp; sums</h2>\n<p>\(MathSpan.placeholder(0))</p>\n",
                         math: [MathSpan(tex: "a_t = \\sum_{i=1}^{N} \\alpha_i h_i", display: true,
                                         location: SourceLocation(file: path, line: 14, column: 3))],
                         headings: [Heading(level: 2, text: "Weights & sums", line: 12)], line: 12)),
            .cell(cell(2, id: nil, code: "let y = matmul(a, b)", fence: 16, options: expectError)),
            .code(CodeBlock(language: "python", code: "print('<i>')", line: 19)),
            .cell(cell(3, id: nil, code: "model.summary()", fence: 22, options: hideSource)),
            .cell(cell(4, id: nil, code: "heatmap(w)", fence: 25)),
            .cell(cell(5, id: nil, code: "let z = 1", fence: 28)),
        ]
        return Notebook(path: path, text: lines.joined(separator: "\n") + "\n", frontMatter: front, blocks: blocks)
    }

    static let summary = Table(title: "Model: \"sequential\"", columns: ["Layer (type)", "Output Shape", "Param #"],
                               rows: [["embedding (Embedding)", "(None, 100, 128)", "1,280,000"], ["dense (Dense)", "(None, 1)", "129"]],
                               footer: ["Total params: 1,280,129 (4.88 MB)"], plainText: "…")

    static let heatmap = Heatmap(title: "attention", values: [[0.9, 0.1], [0.25, 0.75]],
                                 rowLabels: ["I", "am"], columnLabels: ["je", "suis"])

    static var runs: [CellRun] {
        let error = Diagnostic("matmul: inner dimensions differ: (2, 3) x (4, 5)",
                               at: SourceLocation(file: path, line: 17, column: 9), length: 12, kind: "runtime")
        return [
            CellRun(outcome: .passed, result: CellResult(status: .succeeded, outputs: [.text("<script>alert(1)</script>\n")])),
            CellRun(outcome: .expectedError, result: CellResult(status: .failed, outputs: [.error(error)])),
            CellRun(outcome: .passed, result: CellResult(status: .succeeded, outputs: [.display(.table(summary))])),
            CellRun(outcome: .passed, result: CellResult(status: .succeeded, outputs: [.display(.figure(.heatmap(heatmap)))])),
            // cell 5: no run (an earlier failure stopped the notebook) → not run
        ]
    }
}

/// A page read as XML: fails the test when the page is not well-formed.
struct Page {
    let document: XMLDocument

    init(_ html: String) throws {
        document = try XMLDocument(xmlString: html, options: [])
    }

    func nodes(_ xpath: String) -> [XMLNode] {
        (try? document.nodes(forXPath: xpath)) ?? []
    }

    func text(_ xpath: String) -> String? {
        nodes(xpath).first?.stringValue
    }

    func attribute(_ xpath: String) -> String? {
        nodes(xpath).first?.stringValue
    }
}
