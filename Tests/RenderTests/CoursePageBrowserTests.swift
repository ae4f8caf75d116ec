import Foundation
import Notebook
import Testing
@testable import Render

/// The course page (notebooks/attention.md, run for real by the `nbrun` binary built beside the
/// tests) in headless Chromium, at a desktop width and a phone's: nothing requested from the
/// network, nothing wider than the screen, prose at a readable measure, every line of the
/// course's code visible without sideways scrolling on the wide screen, figures and tables shown.
/// The numbers measured are printed.
@Suite(.serialized) struct CoursePageBrowserTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// What the probe script measures in the page (CSS pixels).
    struct Layout: Decodable, CustomStringConvertible {
        var width: Double
        /// How far the document is wider than the window (≤ 0: no horizontal scroll bar).
        var pageOverflow: Double
        var proseWidth: Double
        /// The most any top-level paragraph's content is wider than its box.
        var proseOverflow: Double
        /// The prose's width in characters of its text (mean width of a character of its paragraphs).
        var charsPerLine: Double
        /// The most any cell's source is wider than its box (> 0: it scrolls sideways).
        var sourceOverflow: Double
        var sourcesScrolling: Int
        var outputOverflow: Double
        var outputsScrolling: Int
        /// The source with the longest line: that line's length, its content width and box width.
        var longestLine: Int
        var longestLineCell: String
        var longestWidth: Double
        var longestBox: Double
        /// Cells, figures and tables (or the box they scroll in) not entirely inside the window.
        var cells: Int
        var cellsOffScreen: Int
        var figures: Int
        var figuresVisible: Int
        var tables: Int
        var tablesVisible: Int

        var description: String {
            "at \(Int(width)) px: page overflow \(Int(pageOverflow)) px; prose \(Int(proseWidth)) px wide, \(Int(charsPerLine.rounded())) characters a line, overflow \(Int(proseOverflow)) px; "
                + "longest code line \(longestLine) characters (\(longestLineCell)): \(Int(longestWidth)) px in a \(Int(longestBox)) px box; "
                + "sources scrolling sideways \(sourcesScrolling) (most \(Int(sourceOverflow)) px), outputs \(outputsScrolling) (most \(Int(outputOverflow)) px); "
                + "cells off screen \(cellsOffScreen) of \(cells); figures visible \(figuresVisible) of \(figures); tables visible \(tablesVisible) of \(tables)"
        }
    }

    /// A page that shows `page` in a frame `width` CSS pixels wide (Chromium's window is at least
    /// 500 pixels; a frame can be a phone's width) and measures its layout once it has loaded.
    static func probePage(for page: String, width: Int) -> String {
        """
        <!DOCTYPE html><html><body style="margin:0">
        <iframe id="frame" src="\(page)" style="border:0;width:\(width)px;height:900px"></iframe>
        <script>
        document.getElementById("frame").addEventListener("load", () => {
          const frame = document.getElementById("frame"), doc = frame.contentDocument, win = frame.contentWindow;
          const W = doc.documentElement.clientWidth;
          const all = s => Array.from(doc.querySelectorAll(s));
          const box = e => e.getBoundingClientRect();
          const over = e => e.scrollWidth - e.clientWidth;
          const most = xs => xs.length ? Math.max(...xs) : 0;
          const inside = e => { const b = box(e); return b.left >= -0.5 && b.right <= W + 0.5; };
          const shown = e => { const b = box(e), st = win.getComputedStyle(e);
            return b.width > 0 && b.height > 0 && st.visibility !== "hidden" && st.display !== "none"; };
          const prose = all("main > p");
          // The measure in characters: the prose's width over the mean width of a character of
          // the page's own text (its paragraphs without math, set on one line in the same font).
          const sample = doc.createElement("span");
          sample.style.whiteSpace = "nowrap";
          sample.textContent = prose.filter(p => !p.querySelector("math, code")).map(p => p.textContent).join(" ").replace(/\\s+/g, " ");
          prose[0].appendChild(sample);
          const charWidth = box(sample).width / sample.textContent.length;
          sample.remove();
          const sources = all("pre.source"), outputs = all("pre.output, .output pre");
          let longest = { n: 0, cell: "", width: 0, box: 0 };
          for (const p of sources) {
            const n = Math.max(...p.textContent.split("\\n").map(l => l.length));
            if (n > longest.n) longest = { n, cell: p.closest("section").id, width: p.scrollWidth, box: p.clientWidth };
          }
          const figures = all("svg.figure"), tables = all("main table");
          const r = {
            width: W, pageOverflow: doc.documentElement.scrollWidth - W,
            proseWidth: prose.length ? box(prose[0]).width : 0, proseOverflow: most(prose.map(over)),
            charsPerLine: prose.length ? box(prose[0]).width / charWidth : 0,
            sourceOverflow: most(sources.map(over)), sourcesScrolling: sources.filter(p => over(p) > 0).length,
            outputOverflow: most(outputs.map(over)), outputsScrolling: outputs.filter(p => over(p) > 0).length,
            longestLine: longest.n, longestLineCell: longest.cell, longestWidth: longest.width, longestBox: longest.box,
            cells: all("section.cell").length, cellsOffScreen: all("section.cell").filter(c => !inside(c)).length,
            figures: figures.length, figuresVisible: figures.filter(f => shown(f) && inside(f.closest("figure") || f)).length,
            tables: tables.length, tablesVisible: tables.filter(t => shown(t) && inside(t.closest(".output-table") || t)).length,
          };
          document.body.setAttribute("data-layout", btoa(JSON.stringify(r)));
        });
        </script>
        </body></html>
        """
    }

    /// The layout of `page` (a file in `folder`) at `width` CSS pixels.
    static func layout(of page: String, width: Int, folder: URL) throws -> Layout {
        let probe = folder.appendingPathComponent("probe-\(width).html")
        try AtomicFile.write(probePage(for: page, width: width), to: probe)
        let dom = try ChromiumTests.open(probe, folder: folder, width: max(width, 500), extraArguments: ["--allow-file-access-from-files"]).dom
        guard let range = dom.range(of: "data-layout=\"[A-Za-z0-9+/=]*\"", options: .regularExpression),
              let data = Data(base64Encoded: String(dom[range].dropFirst("data-layout=\"".count).dropLast())) else {
            throw ProbeFailed(dom: String(dom.prefix(300)))
        }
        return try JSONDecoder().decode(Layout.self, from: data)
    }

    struct ProbeFailed: Error, CustomStringConvertible {
        var dom: String
        var description: String { "the layout probe wrote nothing; the DOM began: \(dom)" }
    }

    /// Runs the course notebook with the real `nbrun`, writing its page into `folder`.
    static func runCourse(into folder: URL) throws {
        var nbrun = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        repeat { nbrun.deleteLastPathComponent() } while nbrun.path != "/" && !FileManager.default.isExecutableFile(atPath: nbrun.appendingPathComponent("nbrun").path)
        let process = Process()
        process.executableURL = nbrun.appendingPathComponent("nbrun")
        process.arguments = ["notebooks/attention.md", "-o", folder.path, "-q", "--color", "never"]
        process.currentDirectoryURL = repository
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "nbrun notebooks/attention.md: \(errors)")
    }

    @Test(.enabled(if: ChromiumTests.runs, "chromium is not on PATH (and CI is not set)"))
    func coursePageFitsWideAndNarrowScreensOffline() throws {
        _ = try ChromiumTests.requireChromium()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("course-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.runCourse(into: folder)
        let notebook = try #require(NotebookParser.parse(text: String(contentsOf: Self.repository.appendingPathComponent("notebooks/attention.md"), encoding: .utf8),
                                                         path: "notebooks/attention.md").notebook)
        let longestLine = notebook.cells.flatMap { $0.code.split(separator: "\n").map { $0.unicodeScalars.count } }.max() ?? 0

        // The page as it is, untouched: nothing asked of the network.
        let page = folder.appendingPathComponent("attention.html")
        let requests = try ChromiumTests.open(page, folder: folder, width: 1400).pageRequests
        #expect(requests.isEmpty, "\(requests)")

        let wide = try Self.layout(of: "attention.html", width: 1400, folder: folder)
        print("chromium: course page \(wide)")
        #expect(wide.pageOverflow <= 0)
        #expect(wide.proseOverflow <= 0)
        #expect((60...80).contains(wide.charsPerLine), "prose measure")
        #expect(wide.longestLine == longestLine)
        #expect(wide.sourcesScrolling == 0 && wide.sourceOverflow <= 0, "every line of the course's code fits at 1400 px")
        #expect(wide.outputsScrolling == 0)
        #expect(wide.cells == notebook.cells.count && wide.cellsOffScreen == 0)
        #expect(wide.figures >= 1 && wide.figuresVisible == wide.figures)
        #expect(wide.tables >= 1 && wide.tablesVisible == wide.tables)

        let phone = try Self.layout(of: "attention.html", width: 375, folder: folder)
        print("chromium: course page \(phone)")
        #expect(phone.pageOverflow <= 0, "nothing wider than a phone's screen")
        #expect(phone.proseOverflow <= 0)
        #expect(phone.cellsOffScreen == 0, "long code scrolls inside its box, not the page")
        #expect(phone.figures == wide.figures && phone.figuresVisible == phone.figures)
        #expect(phone.tables == wide.tables && phone.tablesVisible == phone.tables)
    }
}
