import Foundation
import Notebook
import Reports
import Testing
@testable import Render

/// Local images embedded, remote ones linked, missing ones noted; the course index; atomic writes.
struct ImageAndIndexTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("render-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func notebook(path: String, html: String, markdown: String = "") -> Notebook {
        Notebook(path: path, text: markdown, frontMatter: FrontMatter(),
                 blocks: [.prose(Prose(markdown: markdown, html: html, math: [], headings: [], line: 1))])
    }

    @Test func localImagesAreEmbeddedRemoteOnesStayLinks() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("fig"), withIntermediateDirectories: true)
        try png.write(to: folder.appendingPathComponent("fig/loss curve.png"))
        let html = "<p><img src=\"fig/loss%20curve.png\" alt=\"loss\" /> <img src=\"https://example.org/a.png\" alt=\"remote\" /></p>\n"
        let nb = Self.notebook(path: folder.appendingPathComponent("a.md").path, html: html)
        let r = HTMLPage.render(notebook: nb, runs: [])
        let page = try Page(r.html)
        #expect(r.warnings.isEmpty)
        #expect(page.attribute("//img[@alt='loss']/@src") == "data:image/png;base64,\(png.base64EncodedString())")
        #expect(page.attribute("//img[@alt='remote']/@src") == "https://example.org/a.png")
    }

    @Test func aMissingImageIsNotedOnThePageAndWarned() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let markdown = "Intro\n\n![plot](missing.png)"
        let nb = Self.notebook(path: folder.appendingPathComponent("a.md").path,
                               html: "<p>Intro</p>\n<p><img src=\"missing.png\" alt=\"plot\" /></p>\n", markdown: markdown)
        let r = HTMLPage.render(notebook: nb, runs: [])
        let page = try Page(r.html)
        #expect(page.text("//span[@class='missing-image']") == "image not embedded: missing.png (file not found)")
        #expect(r.warnings.count == 1)
        #expect(r.warnings.first?.kind == "image")
        #expect(r.warnings.first?.location?.line == 3)
    }

    @Test func indexListsNotebooksWithFirstParagraphAndFolders() throws {
        var intro = Self.notebook(path: "notebooks/intro.md",
                                  html: "<h1>Intro</h1>\n<p>Why <em>attention</em> with \(MathSpan.placeholder(0)) <a href=\"x\">link</a>.</p>\n<p>Second.</p>\n")
        if case .prose(var p) = intro.blocks[0] {
            p.headings = [Heading(level: 1, text: "Intro", line: 1)]
            p.math = [MathSpan(tex: "x^2", display: false, location: SourceLocation(file: "notebooks/intro.md", line: 3, column: 1))]
            intro.blocks[0] = .prose(p)
        }
        let week = Self.notebook(path: "notebooks/week1/enc.md", html: "<p>Encoders &amp; <code>LSTM</code>.</p>\n")
        let html = CourseIndex.render(title: "Seq2seq <course>", entries: [
            CourseIndex.Entry(notebook: intro, href: "intro.html"),
            CourseIndex.Entry(notebook: week, href: "week1/enc.html", note: "3 cells, all ran"),
        ])
        let page = try Page(html)
        #expect(page.text("/html/head/title") == "Seq2seq <course>")
        #expect(page.text("//h1") == "Seq2seq <course>")
        let links = page.nodes("//a[@class='entry-title']")
        #expect(links.compactMap(\.stringValue) == ["Intro", "enc"])
        #expect(page.attribute("(//a[@class='entry-title'])[2]/@href") == "week1/enc.html")
        #expect(page.text("//h2") == "week1")
        #expect(page.nodes("//ul[@class='course-list']/li[1]/p/em").count == 1)
        #expect(page.nodes("//ul[@class='course-list']/li[1]/p/math").count == 1)
        #expect(page.nodes("//ul[@class='course-list']/li[1]/p/a").isEmpty)
        let summary = try #require(page.text("//ul[@class='course-list']/li[1]/p"))
        #expect(summary.hasPrefix("Why attention with ") && summary.hasSuffix(" link."))
        #expect(page.text("(//p[@class='entry-note'])[1]") == "3 cells, all ran")
    }

    @Test func atomicWriteReplacesWholeFilesAndCreatesFolders() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("week1/page.html")
        try AtomicFile.write("first", to: target)
        try AtomicFile.write("second, longer", to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "second, longer")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("week1").path)
        #expect(leftovers == ["page.html"])
    }

    @Test func atomicWriteReportsAnUnwritableFolder() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("x", to: blocker.appendingPathComponent("page.html"))
        }
    }
}
