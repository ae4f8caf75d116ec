import Foundation
import Testing
@testable import Notebook

/// Rule 1, checked differentially: the prose path (blocks, math protection, per-block rendering)
/// must give byte for byte what cmark's own renderer gives for the same Markdown.
struct ConformanceTests {
    struct Example: Decodable { let markdown: String; let html: String; let example: Int; let section: String }

    /// `shared/data/` beside the repository, or beside a folder above it (a git worktree).
    static let specFile: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        while folder.path != "/" {
            folder.deleteLastPathComponent()
            let candidate = folder.appendingPathComponent("shared/data/commonmark-spec-0.30.json")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return URL(fileURLWithPath: "/shared/data/commonmark-spec-0.30.json")
    }()

    static func examples() throws -> [Example]? {
        guard let data = try? Data(contentsOf: specFile) else { return nil }
        return try JSONDecoder().decode([Example].self, from: data)
    }

    /// Examples whose first line is `---` or that contain `$` mean something else in a notebook:
    /// front matter and math. They are checked separately below.
    static func isNotebookSyntax(_ md: String) -> Bool {
        md.contains("$") || md.hasPrefix("---\n") || md.hasPrefix("--- \n")
    }

    @Test func specExamplesMatchCmarkByteForByte() throws {
        guard let examples = try Self.examples() else {
            print("skipped: \(Self.specFile.path) is not here")
            return
        }
        #expect(examples.count == 652)
        var compared = 0
        for ex in examples where !Self.isNotebookSyntax(ex.markdown) {
            let out = NotebookParser.parse(text: ex.markdown, path: "spec.md", unsafeHTML: true)
            let nb = try #require(out.notebook, "example \(ex.example): \(out.diagnostics.map(\.message))")
            #expect(nb.plainHTML == CommonMark.html(of: ex.markdown, unsafeHTML: true), "example \(ex.example) (\(ex.section))")
            #expect(nb.plainHTML == ex.html, "example \(ex.example) (\(ex.section)) differs from the spec")
            compared += 1
        }
        #expect(compared == 645)
    }

    /// The five spec examples with `$` render as cmark renders them: in 12 the dollar is escaped,
    /// in 143 it is in a fence's info string, in 169 and 627 in raw HTML, and in 650 the only
    /// `$` has no closing partner, so none of them is math.
    @Test func specExamplesWithDollarsRenderAsCmarkDoes() throws {
        guard let examples = try Self.examples() else { return }
        let dollars = examples.filter { $0.markdown.contains("$") }
        #expect(dollars.map(\.example) == [12, 143, 169, 627, 650])
        for ex in dollars {
            let nb = try #require(NotebookParser.parse(text: ex.markdown, path: "spec.md", unsafeHTML: true).notebook)
            #expect(nb.plainHTML == ex.html, "example \(ex.example)")
        }
    }

    /// Spec examples 96 and 98 start with a line `---`: in a notebook that opens front matter, so
    /// they are read as front matter (98: empty; 96: "Foo" is not a mapping, an error).
    @Test func specExamplesStartingWithThematicBreakAreFrontMatter() throws {
        guard let examples = try Self.examples() else { return }
        let dashed = examples.filter { $0.markdown.hasPrefix("---\n") }
        #expect(dashed.map(\.example) == [96, 98])
        let out96 = NotebookParser.parse(text: dashed[0].markdown, path: "spec.md")
        #expect(out96.errors.map(\.message) == ["front matter must be a list of 'key: value' options"])
        let nb98 = try #require(NotebookParser.parse(text: dashed[1].markdown, path: "spec.md").notebook)
        #expect(nb98.frontMatter.lineCount == 2 && nb98.blocks.isEmpty)
    }

    /// Generated inputs: random mixes of Markdown constructs, without math.
    @Test func generatedMarkdownMatchesCmark() {
        var rng = SplitMix(seed: 7)
        let pieces = ["# Head", "## Sub *em*", "para with **strong** and `code`", "- item\n- item two", "1. one\n2. two",
                      "> quote\n> more", "    indented", "```\nfence\n```", "```swift\nlet a = 1\n```", "***",
                      "[link](http://x.org) and ![img](a.png)", "text  \nhard break", "<div>html</div>",
                      "| a | b |\n|---|---|\n| 1 | 2 |", "[ref]\n\n[ref]: /url", "Setext\n===", "* a\n\n  ```python\n  x\n  ```"]
        for _ in 0..<300 {
            let md = (0..<rng.next(upTo: 8)).map { _ in pieces[rng.next(upTo: pieces.count)] }.joined(separator: rng.next(upTo: 2) == 0 ? "\n\n" : "\n")
            let nb = NotebookParser.parse(text: md, path: "gen.md", unsafeHTML: true).notebook
            #expect(nb?.plainHTML == CommonMark.html(of: md, unsafeHTML: true), "input: \(md.debugDescription)")
        }
    }
}

/// A tiny deterministic generator for generated test inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(upTo n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}
