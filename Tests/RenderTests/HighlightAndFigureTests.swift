import Notebook
import Reports
import Testing
@testable import Render

struct HighlightAndFigureTests {
    @Test func classifiesSwiftTokens() {
        let html = SwiftHighlighter.html("let n: Int = 42 // answer\nprint(\"a<b\", n)")
        #expect(html == "<span class=\"tok-kw\">let</span> n: <span class=\"tok-type\">Int</span> = <span class=\"tok-num\">42</span> <span class=\"tok-com\">// answer</span>\nprint(<span class=\"tok-str\">\"a&lt;b\"</span>, n)")
    }

    @Test func brokenCodeIsStillShownInFull() {
        let code = "let x = (1 +\nfunc }"
        let html = SwiftHighlighter.html(code)
        #expect(Render.ProseHTML.stripTags(html) == code)
    }

    @Test func highlightingPreparedAheadIsTheSameAndHandedOutOnce() {
        let code = "struct Prepared { var weights: [Float] = [0.5] } // ahead"
        SwiftHighlighter.prepare([code])
        #expect(SwiftHighlighter.isPrepared(code))
        let ahead = SwiftHighlighter.html(code)  // the prepared copy
        #expect(!SwiftHighlighter.isPrepared(code), "handed out once")
        let fresh = SwiftHighlighter.html(code)  // computed again
        #expect(ahead == fresh && ahead.contains("<span class=\"tok-kw\">struct</span>"))
    }

    @Test func aSourceIsHighlightedOnceWhicheverComesFirst() {
        // Prepared first: the page takes the prepared copy.
        let early = "let prepared = 1 // prepared before its page"
        SwiftHighlighter.prepare([early])
        #expect(SwiftHighlighter.isPrepared(early))
        _ = SwiftHighlighter.html(early)
        #expect(!SwiftHighlighter.isPrepared(early))
        // The page first (it highlighted the code itself): the later prepare skips it, so
        // nothing is done twice and nothing waits for a page that has already been written.
        let late = "let late = 2 // its page came first"
        _ = SwiftHighlighter.html(late)
        SwiftHighlighter.prepare([late])
        #expect(!SwiftHighlighter.isPrepared(late))
    }

    @Test func thePageHighlightsShownCellsAndSwiftBlocksOnly() throws {
        let text = "# T\n\n```swift\nlet a = 1\n```\n\n```swift hide-source\nlet b = 2\n```\n\n```text\nplain\n```\n"
        let notebook = try #require(NotebookParser.parse(text: text, path: "t.md").notebook)
        #expect(HTMLPage.sourcesToHighlight(notebook) == ["let a = 1"])
    }

    @Test func otherLanguagesArePlainEscapedText() {
        #expect(SwiftHighlighter.html("let <x>", language: "python") == "let &lt;x&gt;")
        #expect(SwiftHighlighter.html("let x", language: nil) == "let x")
        #expect(SwiftHighlighter.html("let x", language: "Swift").hasPrefix("<span class=\"tok-kw\">"))
    }

    @Test func niceTicksCoverTheDataWithRoundSteps() {
        #expect(FigureSVG.niceTicks(0, 1) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(FigureSVG.niceTicks(3, 97) == [0, 20, 40, 60, 80, 100])
        #expect(FigureSVG.niceTicks(5, 5).count >= 2)
        // Whole x values (history.plot()'s epochs) get whole ticks.
        #expect(FigureSVG.niceTicks(1, 3, whole: true) == [1, 2, 3])
        #expect(FigureSVG.niceTicks(1, 12, whole: true) == [0, 5, 10, 15])
        #expect(FigureSVG.niceTicks(0, 1000, whole: true) == [0, 200, 400, 600, 800, 1000])
    }

    @Test func linePlotHasAxesLegendAndPointTooltips() throws {
        let plot = LinePlot(title: "loss", xLabel: "epoch", yLabel: "loss", series: [
            .init(label: "train", x: [1, 2, 3], y: [0.9, 0.5, 0.3]),
            .init(label: "val", x: [1, 2, 3], y: [1.0, .nan, 0.6]),
        ])
        let svg = FigureSVG.linePlot(plot)
        let page = try Page(svg)
        let texts = page.nodes("//*[local-name()='text']").compactMap(\.stringValue)
        for t in ["loss", "epoch", "train", "val", "1", "3"] { #expect(texts.contains(t), "\(t)") }
        #expect(!texts.contains("1.5") && !texts.contains("2.5"), "epochs are whole: no tick between them")
        #expect(page.nodes("//*[local-name()='polyline']").count == 3, "the NaN breaks the val line")
        let tips = page.nodes("//*[local-name()='circle']/*[local-name()='title']").compactMap(\.stringValue)
        #expect(tips.first == "train (1, 0.9)")
        #expect(tips.count == 5)
    }

    @Test func extremeValuesStillDrawWellFormedFigures() throws {
        let huge = LinePlot(series: [.init(label: "s", x: [-1e308, 0, 1e308], y: [-.greatestFiniteMagnitude, .infinity, 1e-320])])
        _ = try Page(FigureSVG.linePlot(huge))
        let flat = LinePlot(series: [.init(label: "s", x: [1, 1], y: [3, 3])])
        _ = try Page(FigureSVG.linePlot(flat))
        let heat = Heatmap(values: [[.nan, 1e308], [-1e308], []])
        let svg = FigureSVG.heatmap(heat, idPrefix: "h")
        #expect(try Page(svg).nodes("//*[local-name()='rect'][*[local-name()='title']]").count == 3)
        #expect(FigureSVG.heatmap(Heatmap(values: []), idPrefix: "e").contains("empty heatmap"))
    }

    @Test func colourScaleRunsFromDarkToLight() {
        #expect(FigureSVG.colour(0) == "#440154")
        #expect(FigureSVG.colour(1) == "#fde725")
    }
}
