import Foundation
import Notebook
import Reports
import Testing
@testable import Render

/// The page's structure, read with an XML parser (pages are well-formed XHTML-compatible HTML5).
struct HTMLPageTests {
    let rendered = HTMLPage.render(notebook: Fixture.notebook, runs: Fixture.runs,
                                   navigation: PageNavigation(previous: .init(title: "Intro", href: "intro.html"),
                                                              next: .init(title: "Translate", href: "week2/translate.html"),
                                                              index: .init(title: "Course", href: "index.html")))

    @Test func isWellFormedAndSelfContained() throws {
        let page = try Page(rendered.html)
        #expect(rendered.html.hasPrefix("<!DOCTYPE html>"))
        #expect(page.text("/html/head/title") == "Attention <basics>")
        #expect(page.nodes("//style").count == 1)
        #expect(page.nodes("//script").isEmpty, "no JavaScript")
        #expect(page.nodes("//link").isEmpty, "no stylesheet requested")
        #expect(page.nodes("//*[@src and not(starts-with(@src, 'data:'))]").isEmpty, "nothing loaded from elsewhere")
        #expect(rendered.warnings.isEmpty)
    }

    @Test func notebookTextIsEscaped() throws {
        let page = try Page(rendered.html)
        // The cell prints <script>…</script>: it is text on the page, not an element.
        #expect(page.text("//section[@id='encoder']//pre[contains(@class, 'output-text')]") == "<script>alert(1)</script>\n")
        #expect(page.text("//section[@id='encoder']//pre[contains(@class, 'source')]") == "let x = \"<script>alert(1)</script>\"\nprint(x)")
        #expect(page.nodes("//b").isEmpty)
        #expect(page.text("//pre[contains(@class, 'code-block')]") == "print('<i>')")
        #expect(page.nodes("//pre[contains(@class, 'code-block')]//i").isEmpty)
        #expect(page.text("//h1[@class='page-title']") == "Attention <basics>")
    }

    @Test func cellsShowIdentityLineAndOutcome() throws {
        let page = try Page(rendered.html)
        let sections = page.nodes("//main/section[contains(@class, 'cell')]")
        #expect(sections.count == 5)
        #expect(page.text("//section[@id='encoder']//a[@class='cell-id']") == "cell 1, id encoder")
        #expect(page.text("//section[@id='encoder']//span[@class='cell-line']") == "attention.md:8")
        let badges = page.nodes("//section//span[starts-with(@class, 'badge')]").compactMap(\.stringValue)
        #expect(badges == ["ran", "expected error", "ran", "ran", "not run"])
        #expect(page.nodes("//section[@id='cell-5']//div[@class='outputs']").isEmpty)
    }

    @Test func sourceIsHighlightedAsSwift() throws {
        let page = try Page(rendered.html)
        let keywords = page.nodes("//section[@id='encoder']//span[@class='tok-kw']").compactMap(\.stringValue)
        #expect(keywords == ["let"])
        #expect(page.text("//section[@id='encoder']//span[@class='tok-str']")?.contains("<script>") == true)
    }

    @Test func hideSourceShowsOnlyTheOutput() throws {
        let page = try Page(rendered.html)
        #expect(page.nodes("//section[@id='cell-3']//pre[contains(@class, 'source')]").isEmpty)
        #expect(page.nodes("//section[@id='cell-3']//table").count == 1)
    }

    @Test func hideOutputHidesOutputsButNotAFailure() throws {
        var notebook = Fixture.notebook
        for (i, block) in notebook.blocks.enumerated() {
            if case .cell(var c) = block { c.options.hideOutput = true; notebook.blocks[i] = .cell(c) }
        }
        var runs = Fixture.runs
        runs[1].outcome = .failed
        let page = try Page(HTMLPage.render(notebook: notebook, runs: runs).html)
        #expect(page.nodes("//section[@id='encoder']//div[@class='outputs']").isEmpty)
        #expect(page.nodes("//section[@id='cell-3']//table").isEmpty)
        #expect(page.text("//section[@id='cell-2']//div[contains(@class, 'output-error')]//pre")?.contains("inner dimensions differ") == true)
    }

    @Test func failedCellsAreListedAtTheTop() throws {
        #expect(try Page(rendered.html).nodes("//p[@class='run-summary']").isEmpty, "an expected error is no failure")
        var runs = Fixture.runs
        runs[1].outcome = .failed
        runs[3].outcome = .timedOut
        let page = try Page(HTMLPage.render(notebook: Fixture.notebook, runs: runs).html)
        #expect(page.text("//p[@class='run-summary']") == "2 cells did not run as expected: cell 2, cell 4.")
        #expect(page.nodes("//p[@class='run-summary']/a/@href").compactMap(\.stringValue) == ["#cell-2", "#cell-4"])
    }

    @Test func errorsAreFormattedWithTheirSourceLine() throws {
        let page = try Page(rendered.html)
        let error = try #require(page.text("//section[@id='cell-2']//div[contains(@class, 'output-error')]/pre"))
        #expect(error == """
            notebooks/attention.md:17:9: error: matmul: inner dimensions differ: (2, 3) x (4, 5)
             17 | let y = matmul(a, b)
                |         ^~~~~~~~~~~~
            """)
        #expect(page.text("//section[@id='cell-2']//span[@class='out-label']") == "expected error")
    }

    @Test func summaryTableIsAnHTMLTable() throws {
        let page = try Page(rendered.html)
        let table = "//section[@id='cell-3']//table"
        #expect(page.text("\(table)/caption") == "Model: \"sequential\"")
        #expect(page.nodes("\(table)/thead/tr/th").compactMap(\.stringValue) == ["Layer (type)", "Output Shape", "Param #"])
        #expect(page.nodes("\(table)/tbody/tr").count == 2)
        #expect(page.nodes("\(table)/tbody/tr[2]/td").compactMap(\.stringValue) == ["dense (Dense)", "(None, 1)", "129"])
        #expect(page.text("//section[@id='cell-3']//p[@class='table-footer']") == "Total params: 1,280,129 (4.88 MB)")
    }

    @Test func heatmapIsInlineSVGWithLabelsScaleAndTooltips() throws {
        let page = try Page(rendered.html)
        let svg = "//section[@id='cell-4']//*[local-name()='svg']"
        #expect(page.nodes(svg).count == 1)
        let cells = page.nodes("\(svg)/*[local-name()='rect'][*[local-name()='title']]").compactMap { $0.stringValue }
        #expect(cells == ["I, je: 0.9", "I, suis: 0.1", "am, je: 0.25", "am, suis: 0.75"])
        let labels = page.nodes("\(svg)//*[local-name()='text']").compactMap(\.stringValue)
        for label in ["attention", "I", "am", "je", "suis", "0.9", "0.1"] { #expect(labels.contains(label), "\(label)") }
        #expect(page.nodes("\(svg)//*[local-name()='linearGradient']").count == 1)
    }

    @Test func mathIsMathML() throws {
        let page = try Page(rendered.html)
        #expect(page.nodes("//p/math").count == 1)
        #expect(page.nodes("//div[@class='math-display']/math[@display='block']").count == 1)
        #expect(page.nodes("//div[@class='math-display']/math//munderover").count == 1)
        #expect(!rendered.html.contains("\u{E000}"), "no placeholder left")
    }

    @Test func headingsGetIDsAndMakeTheTableOfContents() throws {
        let page = try Page(rendered.html)
        #expect(page.nodes("//h1[@id='attention']").count == 1)
        #expect(page.nodes("//h2[@id='weights-sums']/a[@class='anchor'][@href='#weights-sums']").count == 1)
        let toc = page.nodes("//nav[@class='toc']//a/@href").compactMap(\.stringValue)
        #expect(toc == ["#attention", "#weights-sums"])
        #expect(page.text("//nav[@class='toc']//li[2]/a") == "Weights & sums")
    }

    @Test func navigationLinksPreviousIndexAndNext() throws {
        let page = try Page(rendered.html)
        #expect(page.nodes("//nav[contains(@class, 'page-nav')]").count == 2)
        #expect(page.attribute("(//a[@rel='prev'])[1]/@href") == "intro.html")
        #expect(page.attribute("(//a[@rel='next'])[1]/@href") == "week2/translate.html")
        #expect(page.attribute("(//a[@rel='index'])[1]/@href") == "index.html")
        let bare = try Page(HTMLPage.render(notebook: Fixture.notebook, runs: Fixture.runs).html)
        #expect(bare.nodes("//nav[contains(@class, 'page-nav')]").isEmpty)
    }

    @Test func relativeHrefsKeepSubFolders() {
        #expect(PageNavigation.relativeHref(from: "a.html", to: "b.html") == "b.html")
        #expect(PageNavigation.relativeHref(from: "a.html", to: "week1/b.html") == "week1/b.html")
        #expect(PageNavigation.relativeHref(from: "week1/a.html", to: "week2/b.html") == "../week2/b.html")
        #expect(PageNavigation.relativeHref(from: "week1/x/a.html", to: "index.html") == "../../index.html")
        #expect(PageNavigation.relativeHref(from: "week1/a.html", to: "week1/c d#1.html") == "c%20d%231.html")
    }

    @Test func unconvertibleMathIsShownAsTeXWithAWarning() throws {
        var notebook = Fixture.notebook
        let bad = MathSpan(tex: "\\unknowncommand{x}", display: false, location: SourceLocation(file: Fixture.path, line: 6, column: 14))
        notebook.blocks[0] = .prose(Prose(markdown: "x", html: "<p>see \(MathSpan.placeholder(0))</p>\n", math: [bad], headings: [], line: 6))
        let r = HTMLPage.render(notebook: notebook, runs: [])
        let page = try Page(r.html)
        #expect(page.text("//code[@class='tex-unconverted']") == "$\\unknowncommand{x}$")
        #expect(r.warnings.count == 1)
        #expect(r.warnings.first?.severity == .warning)
        #expect(r.warnings.first?.location == bad.location)
        #expect(r.warnings.first?.message.contains("\\unknowncommand") == true)
    }

    @Test func outcomesHaveTheirBadges() {
        let expected: [(CellOutcome, String)] = [
            (.passed, "ran"), (.failed, "failed"), (.expectedError, "expected error"),
            (.unexpectedSuccess, "succeeded, expected an error"), (.timedOut, "timed out"),
            (.skipped, "skipped"), (.notRun, "not run"),
        ]
        for (outcome, text) in expected { #expect(CellHTML.badge(for: outcome, timedOut: false).text == text) }
        #expect(CellHTML.badge(for: .failed, timedOut: true).text == "timed out")
    }
}
