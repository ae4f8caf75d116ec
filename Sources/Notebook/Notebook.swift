import Foundation
import Reports

/// A parsed notebook: front matter, then prose, cells and other code blocks in document order.
/// Made by `NotebookParser.parse`; consumed by the runner and the renderers.
public struct Notebook: Sendable {
    /// The path as given on the command line, used in every message (`notebooks/attention.md`).
    public var path: String
    /// The text after decoding: byte-order mark removed, CRLF and CR turned into LF.
    public var text: String
    public var frontMatter: FrontMatter
    public var blocks: [Block]

    public init(path: String, text: String, frontMatter: FrontMatter, blocks: [Block]) {
        self.path = path
        self.text = text
        self.frontMatter = frontMatter
        self.blocks = blocks
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private let lines: [String]

    /// The cells, in document order.
    public var cells: [Cell] {
        blocks.compactMap { if case .cell(let c) = $0 { return c } else { return nil } }
    }

    /// All headings of the prose, in order (for a table of contents).
    public var headings: [Heading] {
        blocks.flatMap { block -> [Heading] in
            if case .prose(let p) = block { return p.headings } else { return [] }
        }
    }

    /// The page title: front matter `title`, else the first level-1 heading, else the file name.
    public var title: String {
        if let t = frontMatter.title { return t }
        if let h = headings.first(where: { $0.level == 1 }) { return h.text }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// Line `n` (1-based) of the notebook's text, for showing source under a message.
    public func line(_ n: Int) -> String? {
        n >= 1 && n <= lines.count ? lines[n - 1] : nil
    }
}

/// One piece of the notebook's body.
public enum Block: Sendable {
    /// Markdown prose between code blocks.
    case prose(Prose)
    /// A ` ```swift ` fence: runs.
    case cell(Cell)
    /// Another fenced or indented code block: shown, never run.
    case code(CodeBlock)
}

/// A run of Markdown prose, rendered by cmark with its math kept out of cmark's way.
public struct Prose: Sendable {
    /// The Markdown as the author wrote it.
    public var markdown: String
    /// cmark's HTML for it. Each math span is replaced by `MathSpan.placeholder(i)`, i indexing
    /// `math`; a renderer substitutes typeset math for the placeholders.
    public var html: String
    /// The math spans, in order of appearance.
    public var math: [MathSpan]
    public var headings: [Heading]
    /// Line (1-based) in the notebook where this prose starts.
    public var line: Int

    public init(markdown: String, html: String, math: [MathSpan], headings: [Heading], line: Int) {
        self.markdown = markdown
        self.html = html
        self.math = math
        self.headings = headings
        self.line = line
    }
}

/// `$...$` (inline) or `$$...$$` (display) TeX.
public struct MathSpan: Sendable, Hashable {
    public var tex: String
    public var display: Bool
    public var location: SourceLocation

    public init(tex: String, display: Bool, location: SourceLocation) {
        self.tex = tex
        self.display = display
        self.location = location
    }

    /// The text that stands for math span `index` in `Prose.html`: private-use characters that
    /// cmark passes through untouched and no author types. A display span alone in a paragraph
    /// appears as `<p>placeholder</p>`.
    public static func placeholder(_ index: Int) -> String { "\u{E000}\(index)\u{E001}" }

    /// `text` with each `placeholder(i)` (i indexing `spans`) replaced by `replacement(spans[i])`,
    /// in one pass; anything else, stray private-use characters included, is kept.
    public static func replacingPlaceholders(in text: String, spans: [MathSpan], with replacement: (MathSpan) -> String) -> String {
        guard text.unicodeScalars.contains("\u{E000}") else { return text }
        let s = Array(text.unicodeScalars)
        var out = ScalarBuffer()
        var i = 0
        while i < s.count {
            if s[i] == "\u{E000}" {
                var j = i + 1
                var index = 0
                while j < s.count, j - i <= 18, s[j].value >= 48, s[j].value <= 57 { index = index * 10 + Int(s[j].value - 48); j += 1 }
                if j > i + 1, j < s.count, s[j] == "\u{E001}", index < spans.count {
                    out.append(contentsOf: replacement(spans[index]).unicodeScalars)
                    i = j + 1
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return out.string
    }
}

public struct Heading: Sendable, Hashable {
    public var level: Int
    /// The heading's plain text (inline markup removed).
    public var text: String
    public var line: Int

    public init(level: Int, text: String, line: Int) {
        self.level = level
        self.text = text
        self.line = line
    }
}

/// A code block that is shown but not run (` ```python `, ` ```text `, indented code).
public struct CodeBlock: Sendable {
    /// The first word of the info string, if any.
    public var language: String?
    public var code: String
    public var line: Int
    /// cmark's own HTML for the block, for plain renderings.
    public var cmarkHTML: String

    public init(language: String?, code: String, line: Int, cmarkHTML: String = "") {
        self.cmarkHTML = cmarkHTML
        self.language = language
        self.code = code
        self.line = line
    }
}

extension Notebook {
    /// The notebook as cmark alone renders it: prose as on the page, code blocks and cells as
    /// cmark's `<pre><code>`, math shown as its TeX between dollars. Used to check that splitting a
    /// notebook into blocks changes nothing in cmark's output.
    public var plainHTML: String {
        blocks.map { block -> String in
            switch block {
            case .prose(let p):
                return MathSpan.replacingPlaceholders(in: p.html, spans: p.math) { span in
                    let d = span.display ? "$$" : "$"
                    return d + escapeHTML(span.tex) + d
                }
            case .cell(let c): return c.cmarkHTML
            case .code(let c): return c.cmarkHTML
            }
        }.joined()
    }
}

/// Escapes text for HTML the way cmark does (`&`, `<`, `>`, `"`).
func escapeHTML(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(c)
        }
    }
    return out
}
