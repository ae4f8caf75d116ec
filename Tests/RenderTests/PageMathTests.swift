import Foundation
import FoundationXML
import Notebook
import Testing
@testable import Render

/// Rule 6 (math in prose, Pandoc's rules), each rule checked on the rendered page: the first
/// paragraph of `main`, read back with math as ⟨tex⟩ (inline) or ⟪tex⟫ (display) and code
/// spans as `code`.
struct PageMathTests {
    /// The page's first paragraph as a reader sees it.
    static func firstParagraph(_ markdown: String) -> String {
        guard let notebook = NotebookParser.parse(text: markdown, path: "math.md").notebook else { return "(does not parse)" }
        guard let page = try? Page(HTMLPage.render(notebook: notebook, runs: []).html) else { return "(not well-formed)" }
        return page.nodes("//main/p").first.map(read) ?? "(no paragraph)"
    }

    static func read(_ node: XMLNode) -> String {
        guard let element = node as? XMLElement else { return node.stringValue ?? "" }
        switch element.name {
        case "math":
            let tex = (try? element.nodes(forXPath: ".//annotation").first?.stringValue) ?? "?"
            return element.attribute(forName: "display")?.stringValue == "block" ? "⟪\(tex)⟫" : "⟨\(tex)⟩"
        case "code":
            return "`\(element.stringValue ?? "")`"
        default:
            return (element.children ?? []).map(read).joined()
        }
    }

    @Test func inlineMath() {
        #expect(Self.firstParagraph("The score $e_i^t$ is a number.\n") == "The score ⟨e_i^t⟩ is a number.")
    }

    @Test func pricesAreText() {
        #expect(Self.firstParagraph("It costs $5 or $6 here.\n") == "It costs $5 or $6 here.")
        #expect(Self.firstParagraph("From $10 to $20, and $x$.\n") == "From $10 to $20, and ⟨x⟩.")
    }

    @Test func anOpeningDollarMustBeFollowedByANonSpace() {
        #expect(Self.firstParagraph("A $ x$ is text.\n") == "A $ x$ is text.")
    }

    /// The first `$` after the opening one closes it or nothing does: after a space it does not,
    /// so in `$a $b$` only `b` is math.
    @Test func aClosingDollarMustFollowANonSpace() {
        #expect(Self.firstParagraph("Then $a $b$ here.\n") == "Then $a ⟨b⟩ here.")
        #expect(Self.firstParagraph("Then $a $ here.\n") == "Then $a $ here.")
    }

    @Test func aClosingDollarMustNotBeFollowedByADigit() {
        #expect(Self.firstParagraph("Odd $x$5 and $y$.\n") == "Odd $x$5 and ⟨y⟩.")
    }

    @Test func codeSpansKeepTheirDollars() {
        #expect(Self.firstParagraph("See `code $x$ stays` and `` a $b$ `c` `` too.\n")
            == "See `code $x$ stays` and `a $b$ `c`` too.")
    }

    /// Math never reaches into or across a code span: its closing `$` would be inside one.
    @Test func mathNeverCrossesACodeSpan() {
        #expect(Self.firstParagraph("Text $a `b$` c$ end.\n") == "Text $a `b$` c$ end.")
        #expect(Self.firstParagraph("Text $a `code` b$ end.\n") == "Text $a `code` b$ end.")
        // A lone backtick is not a code span, so it does not stop math.
        #expect(Self.firstParagraph("Text $a`b$ end.\n") == "Text ⟨a`b⟩ end.")
    }

    @Test func displayMathMayOpenAndCloseOnOneLineInAParagraph() {
        #expect(Self.firstParagraph("Energy $$E = mc^2$$ is conserved.\n") == "Energy ⟪E = mc^2⟫ is conserved.")
        #expect(Self.firstParagraph("A $$x$$ and $$y$$ and $z$.\n") == "A ⟪x⟫ and ⟪y⟫ and ⟨z⟩.")
    }

    @Test func escapedDollarsAreText() {
        #expect(Self.firstParagraph("A literal \\$x\\$ and $\\$5$.\n") == "A literal $x$ and ⟨\\$5⟩.")
    }

    @Test func mathMaySpanLinesButNotParagraphsOrBlocks() throws {
        #expect(Self.firstParagraph("One $a +\nb$ two.\n") == "One ⟨a +\nb⟩ two.")
        #expect(Self.firstParagraph("One $a\n\nb$ two.\n") == "One $a")
        // A heading is its own block: the `$` in it does not pair with the paragraph's.
        let notebook = try #require(NotebookParser.parse(text: "# Cost $a\nb$ two.\n", path: "math.md").notebook)
        let page = try Page(HTMLPage.render(notebook: notebook, runs: []).html)
        #expect(page.nodes("//math").isEmpty)
        #expect(page.text("//main/p") == "b$ two.")
    }

    /// Punctuation right after inline math is not wrapped onto a line of its own.
    @Test func punctuationStaysWithItsMath() throws {
        let notebook = try #require(NotebookParser.parse(text: "Joined to the state, $[a_t; s_t]$: then $x$ and $y$.\n", path: "math.md").notebook)
        let page = try Page(HTMLPage.render(notebook: notebook, runs: []).html)
        let kept = page.nodes("//main/p/span[@class='math-inline']").map { (($0 as? XMLElement)?.children ?? []).map(Self.read).joined() }
        #expect(kept == ["⟨[a_t; s_t]⟩:", "⟨y⟩."])
    }

    /// A display span alone in its paragraph is a block of its own.
    @Test func displayMathAloneIsABlock() throws {
        let notebook = try #require(NotebookParser.parse(text: "Before.\n\n$$\n\\sum_i x_i\n$$\n", path: "math.md").notebook)
        let page = try Page(HTMLPage.render(notebook: notebook, runs: []).html)
        #expect(page.nodes("//main/div[@class='math-display']/math[@display='block']").count == 1)
    }
}
