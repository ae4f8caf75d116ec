import Testing
import Reports
@testable import Notebook

/// Rules 1, 6 and 7: encoding, math, prose safety.
struct ProseAndMathTests {
    @Test func mathIsProtectedFromEmphasis() throws {
        let nb = notebook("The score is $H^T*W*H$ and *this* is emphasis.\n")
        let prose = try #require(nb.blocks.first?.prose)
        #expect(prose.math == [MathSpan(tex: "H^T*W*H", display: false, location: .init(file: "nb.md", line: 1, column: 14))])
        #expect(prose.html == "<p>The score is \(MathSpan.placeholder(0)) and <em>this</em> is emphasis.</p>\n")
    }

    @Test func displayMathAloneIsAParagraphAndKeepsLineNumbers() throws {
        let nb = notebook("""
            Before.

            $$
            e^t = [s_t^T h_1, \\dots, s_t^T h_N]
            $$

            ```swift
            let a = 1
            ```
            """)
        let prose = try #require(nb.blocks.first?.prose)
        #expect(prose.math.map(\.tex) == ["\ne^t = [s_t^T h_1, \\dots, s_t^T h_N]\n"])
        #expect(prose.math[0].display)
        #expect(prose.html == "<p>Before.</p>\n<p>\(MathSpan.placeholder(0))</p>\n")
        #expect(nb.cells.first?.codeLocation.line == 8)
    }

    @Test func placeholdersAreNumberedPerProseBlock() throws {
        let nb = notebook("$a$ and $b$\n\n```swift\n```\n\n$c$\n")
        let proses = nb.blocks.compactMap(\.prose)
        #expect(proses.map { $0.math.map(\.tex) } == [["a", "b"], ["c"]])
        #expect(proses[1].html == "<p>\(MathSpan.placeholder(0))</p>\n")
    }

    @Test func dollarsInCodeAreNotMath() throws {
        let nb = notebook("Use `let s = \"$x$\"` here, and ``a $b$ c``.\n\n```swift\nprint(\"$x$\")\n```\n")
        let prose = try #require(nb.blocks.first?.prose)
        #expect(prose.math.isEmpty)
        #expect(prose.html.contains("<code>let s = &quot;$x$&quot;</code>"))
        #expect(nb.cells.first?.code == "print(\"$x$\")")
    }

    @Test func pricesEscapedDollarsAndSpacesAreNotMath() throws {
        let nb = notebook("It costs $5 or $10. A literal \\$x\\$ and $ spaced $ text.\n")
        let prose = try #require(nb.blocks.first?.prose)
        #expect(prose.math.isEmpty)
        #expect(prose.html == "<p>It costs $5 or $10. A literal $x$ and $ spaced $ text.</p>\n")
    }

    @Test func unclosedDisplayMathIsTextWithAWarning() throws {
        let out = parse("Start $$x + y\n\nNext paragraph.\n")
        let nb = try #require(out.notebook)
        #expect(nb.blocks.first?.prose?.html == "<p>Start $$x + y</p>\n<p>Next paragraph.</p>\n")
        #expect(messages(out) == ["1:7: warning: unclosed display math: no closing '$$' before the end of the paragraph; it is shown as text"])
    }

    @Test func headingsCarryTheirMathAsTeX() {
        let nb = notebook("# Score $e^t$\n\n## Second\n")
        #expect(nb.headings == [Heading(level: 1, text: "Score $e^t$", line: 1), Heading(level: 2, text: "Second", line: 3)])
    }

    @Test func rawHTMLIsOmittedUnlessUnsafe() throws {
        let text = "<div onclick=\"x()\">hi</div>\n\nA <span>b</span>.\n"
        let safe = try #require(notebook(text).blocks.first?.prose?.html)
        #expect(!safe.contains("<div") && !safe.contains("<span>"))
        #expect(safe.contains("<!-- raw HTML omitted -->"))
        let unsafe = try #require(parse(text, unsafeHTML: true).notebook?.blocks.first?.prose?.html)
        #expect(unsafe.contains("<div onclick=\"x()\">hi</div>") && unsafe.contains("<span>b</span>"))
    }

    @Test func linkReferencesResolveAcrossCells() throws {
        let nb = notebook("See [the paper][p].\n\n```swift\n```\n\n[p]: https://example.org/paper\n")
        #expect(nb.blocks.first?.prose?.html == "<p>See <a href=\"https://example.org/paper\">the paper</a>.</p>\n")
    }

    @Test func crlfAndByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# T\r\n\r\n```swift\r\nlet a = 1\r\n```\r\n".utf8)
        let nb = try #require(NotebookParser.parse(bytes: bytes, path: "nb.md").notebook)
        #expect(nb.cells.first?.code == "let a = 1")
        #expect(nb.cells.first?.codeLocation.line == 4)
        #expect(nb.title == "T")
        #expect(!nb.text.contains("\r\n") && !nb.text.hasPrefix("\u{FEFF}"))
    }

    @Test func invalidUTF8NamesTheByteOffset() {
        let bytes = Array("# ok\nline two \u{e9}\n".utf8) + [0xFF] + Array(" rest".utf8)
        let out = NotebookParser.parse(bytes: bytes, path: "bad.md")
        #expect(out.notebook == nil)
        #expect(out.diagnostics.count == 1)
        #expect(out.diagnostics[0].message == "invalid UTF-8 at byte offset 17 (line 3): save the notebook as UTF-8")
        #expect(out.diagnostics[0].location == SourceLocation(file: "bad.md", line: 3, column: 1))
    }

    @Test func emptyFileAndNoCells() throws {
        let empty = try #require(parse("").notebook)
        #expect(empty.blocks.isEmpty && empty.cells.isEmpty && empty.title == "nb")
        let prose = try #require(parse("# Just prose\n\nNo code here.\n").notebook)
        #expect(prose.cells.isEmpty && prose.blocks.count == 1)
    }

    @Test func sourceLinesForMessages() {
        let nb = notebook("a\nb\nc")
        #expect(nb.line(2) == "b" && nb.line(0) == nil && nb.line(4) == nil)
    }
}

/// Math protection is linear: multi-megabyte prose goes through (it took 42 s for 4 MB when it
/// was quadratic). No time is asserted; `./dev test` would stall on a quadratic pass.
struct LongProseTests {
    @Test func fourMegabytesOfProseWithMath() throws {
        let sentence = "The score $e_i^t$ of word $i$ costs $5 or $6, and `code $x$` stays. "
        let count = 4_000_000 / sentence.utf8.count
        // One paragraph of one line, then many paragraphs of short lines.
        let text = "# Long\n\n" + String(repeating: sentence, count: count / 2) + "\n\n"
            + String(repeating: sentence + "\n" + sentence + "\n\n", count: count / 4)
        let out = parse(text)
        let nb = try #require(out.notebook)
        let math = nb.blocks.compactMap(\.prose).flatMap(\.math)
        #expect(math.count == 2 * (count / 2 + 2 * (count / 4)))
        #expect(Set(math.map(\.tex)) == ["e_i^t", "i"])
        #expect(math.last?.location.line == 3 + 3 * (count / 4))
        let html = nb.blocks.compactMap(\.prose).map(\.html).joined()
        #expect(html.components(separatedBy: "costs $5 or $6").count - 1 == count / 2 + 2 * (count / 4))
        #expect(html.components(separatedBy: "<code>code $x$</code>").count - 1 == count / 2 + 2 * (count / 4))
    }

    /// Openings that never close (a price, a lone backtick, `$$` cut off by a code span) cost one
    /// look each, not a scan to the end of the paragraph; the warnings stop after 20 and one more
    /// counts the rest.
    @Test func twoMegabytesOfUnclosedMath() throws {
        let piece = "$5 ` $$ "
        let count = 2_000_000 / piece.utf8.count
        let out = parse("Start " + String(repeating: piece, count: count) + "\n")
        let nb = try #require(out.notebook)
        #expect(nb.blocks.first?.prose?.math.isEmpty == true)
        #expect(out.diagnostics.count == 21)
        #expect(out.diagnostics.last?.message.hasPrefix("\((count + 1) / 2 - 20) more unclosed display math") == true)
    }
}
