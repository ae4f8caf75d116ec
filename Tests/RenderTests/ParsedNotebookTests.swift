import Foundation
import Notebook
import Reports
import Testing
@testable import Render

/// Pages of notebooks read by the real parser (`NotebookParser`), so the renderer and the
/// parser agree on placeholders, headings and positions.
struct ParsedNotebookTests {
    static let source = """
        ---
        title: Dot-product attention
        seed: 1
        ---

        # Attention

        The decoder state $s_t$ scores every encoder state: $e^t = [s_t^T h_1, \\dots, s_t^T h_N]$.
        Costs $5 and *emphasis* stay prose. Raw <b>html</b> is not passed through.

        ## Weights $\\alpha^t$

        $$\\alpha^t = softmax(e^t)$$

        > A quote with `code <x>`.

        - one $x_1$
        - two

        ```swift id=scores
        let e = matmul(s, h)
        print(e.shape)
        ```

        ```text
        (1, 10)
        ```

        ## Weights $\\alpha^t$

        Same heading twice.
        """

    static func parsed() throws -> Notebook {
        let out = NotebookParser.parse(text: source, path: "notebooks/attention.md")
        #expect(out.errors.isEmpty, "\(out.diagnostics)")
        return try #require(out.notebook)
    }

    @Test func parsedNotebookRendersAsWellFormedPage() throws {
        let notebook = try Self.parsed()
        let run = CellRun(outcome: .passed, result: CellResult(status: .succeeded, outputs: [.text("(1, 10)\n")]))
        let r = HTMLPage.render(notebook: notebook, runs: [run])
        let page = try Page(r.html)
        #expect(r.warnings.isEmpty, "\(r.warnings)")
        #expect(page.text("/html/head/title") == "Dot-product attention")
        // Inline math in prose and in a heading, display math as a block.
        #expect(page.nodes("//p//math").count == 2)
        #expect(page.nodes("//h2/math").count == 2)
        #expect(page.nodes("//div[@class='math-display']/math[@display='block']").count == 1)
        #expect(!r.html.contains("\u{E000}"))
        // `$5` is not math; raw HTML is not passed through.
        #expect(page.text("(//main/p)[1]")?.contains("Costs $5 and emphasis") == true)
        #expect(page.nodes("//main//b").isEmpty)
        #expect(page.nodes("//blockquote/p/code").count == 1)
        #expect(page.nodes("//main/ul/li/math").count == 1)
        // Headings: ids unique, the table of contents in order.
        let ids = page.nodes("//main/*[self::h1 or self::h2]/@id").compactMap(\.stringValue)
        #expect(ids == ["attention", "weights-alphat", "weights-alphat-2"])
        #expect(page.nodes("//nav[@class='toc']//li").count == 3)
        // The cell, its line in the .md file and its output; the text block shown, not run.
        #expect(page.text("//section[@id='scores']//span[@class='cell-line']") == "attention.md:20")
        #expect(page.text("//section[@id='scores']//pre[contains(@class, 'output-text')]") == "(1, 10)\n")
        #expect(page.text("//pre[@class='code-block']/code[@class='language-text']") == "(1, 10)")
    }
}
