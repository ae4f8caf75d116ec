import Foundation
import Notebook
import Reports

/// The course page of one notebook: one self-contained HTML5 file (CSS inline, math as MathML,
/// figures as inline SVG, local images embedded, no JavaScript, no request to any server).
///
///     let page = HTMLPage.render(notebook: notebook, runs: runs,
///                                navigation: PageNavigation(previous: ..., next: ..., index: ...))
///     try AtomicFile.write(page.html, to: outputURL)
///     page.warnings.forEach { print(formatter.format($0)) }   // math shown as TeX, missing images
///
/// `runs[i]` is the run of `notebook.cells[i]`; cells past the end of `runs` show as not run.
/// Every text from the notebook and from outputs is escaped; prose is cmark's HTML as the parser
/// made it (raw HTML in prose is the parser's decision: `--unsafe-html`). Pages are also
/// well-formed XML, which is how the tests read them.
public enum HTMLPage {
    /// The page and what the caller should tell the author.
    public struct Rendered: Sendable {
        public var html: String
        /// Warnings with their place in the notebook: math that could not be typeset (shown as
        /// TeX on the page), local images that could not be embedded (a note on the page).
        public var warnings: [Diagnostic]
    }

    public struct Options: Sendable {
        /// Folder that local image paths are relative to; nil: the notebook's own folder.
        public var baseDirectory: URL?
        /// Embed local images as `data:` URIs (off: leave image links as written).
        public var embedImages: Bool
        /// Source lines shown above an error's line.
        public var errorContextLines: Int
        /// Shown in the page footer ("nbrun 0.1").
        public var generator: String

        public init(baseDirectory: URL? = nil, embedImages: Bool = true, errorContextLines: Int = 1, generator: String = "nbrun") {
            self.baseDirectory = baseDirectory
            self.embedImages = embedImages
            self.errorContextLines = errorContextLines
            self.generator = generator
        }
    }

    /// The sources `render` highlights with swift-syntax (shown cells, Swift code blocks), for
    /// `SwiftHighlighter.prepare` to do ahead of the page.
    public static func sourcesToHighlight(_ notebook: Notebook) -> [String] {
        notebook.blocks.compactMap { block in
            switch block {
            case .cell(let c): return c.options.hideSource ? nil : c.code
            case .code(let code): return SwiftHighlighter.isSwiftLike(code.language) ? code.code : nil
            case .prose: return nil
            }
        }
    }

    /// The stack of the threads that parse, highlight and render notebooks (nbrun's parent
    /// process): swift-syntax and cmark recurse into nested input, and a thread's default stack
    /// may be as small as 512 KiB (or 2 MiB under `ulimit -s unlimited`).
    public static let threadStackSize = 64 << 20

    public static func render(notebook: Notebook, runs: [CellRun], navigation: PageNavigation = PageNavigation(),
                              options: Options = Options()) -> Rendered {
        let formatter = DiagnosticFormatter(color: false, contextLines: options.errorContextLines) { file, line in
            file == notebook.path ? notebook.line(line) : nil
        }
        let baseDirectory = options.baseDirectory
            ?? URL(fileURLWithPath: notebook.path).deletingLastPathComponent()
        let prose = ProseHTML(notebook: notebook,
                              imageEmbedder: options.embedImages ? ImageEmbedder(baseDirectory: baseDirectory, notebookPath: notebook.path) : nil)
        let cells = CellHTML(notebook: notebook, formatter: formatter)

        var slugs = SlugSet(reserved: notebook.cells.map(\.identity) + ["contents"])
        var toc: [TOCEntry] = []
        var warnings: [Diagnostic] = []
        var body = ""
        body.reserveCapacity(notebook.text.utf8.count * 4)
        var figureCounter = 0
        var cellPosition = 0
        var widestLine = 0
        for block in notebook.blocks {
            switch block {
            case .prose(let p):
                let r = prose.render(p, slugs: &slugs, toc: &toc)
                body += r.html
                warnings += r.warnings
            case .cell(let c):
                let run = cellPosition < runs.count ? runs[cellPosition] : nil
                cellPosition += 1
                body += cells.render(c, run: run, figureCounter: &figureCounter, widestLine: &widestLine)
            case .code(let code):
                let lang = code.language.map { " class=\"language-\(HTML.escapeAttribute($0))\"" } ?? ""
                body += "<pre class=\"code-block\"><code\(lang)>\(SwiftHighlighter.html(code.code, language: code.language))</code></pre>"
                widestLine = max(widestLine, CellHTML.longestLine(code.code))
            }
        }

        let title = ProseHTML.texForPlaceholders(notebook.title, prose: firstProseWithTitle(notebook))
        // Show the title as a heading unless the notebook's first heading already is it.
        let firstHeading = notebook.headings.first
        let needsTitleHeading = !(firstHeading?.level == 1 && firstHeading?.text == notebook.title)

        var s = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\"/>\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        s += "<meta name=\"color-scheme\" content=\"light dark\"/>\n"
        s += "<meta name=\"generator\" content=\"\(HTML.escapeAttribute(options.generator))\"/>\n"
        s += "<title>\(HTML.escape(title))</title>\n<style>\n\(PageStyle.css)\n</style>\n</head>\n<body>\n<div class=\"page\" style=\"--code-columns: \(min(widestLine, 400))\">\n"
        s += navigation.html(position: "top")
        s += tableOfContents(toc)
        s += "<main>\n"
        if needsTitleHeading { s += "<h1 class=\"page-title\">\(HTML.escape(title))</h1>\n" }
        s += failureSummary(notebook.cells, runs: runs)
        s += body
        s += "\n</main>\n"
        s += navigation.html(position: "bottom")
        s += "<footer class=\"page-footer\">Made from \(HTML.escape(notebook.path)) by \(HTML.escape(options.generator)).</footer>\n"
        s += "</div>\n</body>\n</html>\n"
        return Rendered(html: s, warnings: warnings)
    }

    /// The prose whose placeholders a heading-derived title may contain.
    static func firstProseWithTitle(_ notebook: Notebook) -> Prose? {
        for case .prose(let p) in notebook.blocks where p.headings.contains(where: { $0.text == notebook.title }) {
            return p
        }
        return nil
    }

    /// A note at the top of the page linking to the cells that failed the run, so a reader
    /// (or the author) finds them without scrolling through the page.
    static func failureSummary(_ cells: [Cell], runs: [CellRun]) -> String {
        let failed = zip(cells, runs).filter { $0.1.outcome.isFailure }.map(\.0)
        guard !failed.isEmpty else { return "" }
        let links = failed.map { "<a href=\"#\(HTML.escapeAttribute($0.identity))\">\(HTML.escape($0.label))</a>" }
        let count = failed.count == 1 ? "1 cell" : "\(failed.count) cells"
        return "<p class=\"run-summary\" role=\"alert\">\(count) did not run as expected: \(links.joined(separator: ", ")).</p>\n"
    }

    /// A collapsible list of the page's headings (shown when there are at least two).
    static func tableOfContents(_ toc: [TOCEntry]) -> String {
        guard toc.count >= 2 else { return "" }
        let top = toc.map(\.level).min() ?? 1
        var s = "<nav class=\"toc\" id=\"contents\" aria-label=\"Contents\"><details open=\"open\"><summary>Contents</summary><ol>"
        for e in toc {
            s += "<li class=\"toc-\(e.level - top + 1)\"><a href=\"#\(e.id)\">\(stripLinks(e.html))</a></li>"
        }
        return s + "</ol></details></nav>\n"
    }

    /// A heading's HTML without its own links (a link inside a link is not allowed).
    private static func stripLinks(_ html: String) -> String {
        guard html.contains("<a ") else { return html }
        var out = ""
        var rest = html[...]
        while let open = rest.firstRange(of: "<a ") {
            out += rest[..<open.lowerBound]
            guard let end = rest[open.upperBound...].firstIndex(of: ">") else { break }
            rest = rest[rest.index(after: end)...]
        }
        out += rest
        return out.replacingOccurrences(of: "</a>", with: "")
    }
}

/// Links between the pages of a course.
public struct PageNavigation: Sendable, Hashable {
    public struct Link: Sendable, Hashable {
        public var title: String
        /// Relative to the page (`../week1/encoder.html`).
        public var href: String
        public init(title: String, href: String) {
            self.title = title
            self.href = href
        }
    }

    public var previous: Link?
    public var next: Link?
    /// The course's index page.
    public var index: Link?

    public init(previous: Link? = nil, next: Link? = nil, index: Link? = nil) {
        self.previous = previous
        self.next = next
        self.index = index
    }

    var isEmpty: Bool { previous == nil && next == nil && index == nil }

    /// The href from one page of the output folder to another, both given relative to the
    /// output folder: `relativeHref(from: "week1/a.html", to: "week2/b.html")` is `../week2/b.html`.
    public static func relativeHref(from page: String, to target: String) -> String {
        let from = page.split(separator: "/").dropLast()
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[from.startIndex + common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let path = (ups + to.dropFirst(common).map(String.init)).joined(separator: "/")
        // Each segment percent-encoded as a URL path (spaces, '#', '?' in file names).
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? String($0) }
            .joined(separator: "/")
    }

    func html(position: String) -> String {
        guard !isEmpty else { return "" }
        func link(_ l: Link?, rel: String, arrow: String) -> String {
            guard let l else { return "<span></span>" }
            let text = rel == "prev" ? "\(arrow) \(HTML.escape(l.title))" : rel == "next" ? "\(HTML.escape(l.title)) \(arrow)" : HTML.escape(l.title)
            return "<a rel=\"\(rel)\" href=\"\(HTML.escapeAttribute(l.href))\">\(text)</a>"
        }
        return "<nav class=\"page-nav page-nav-\(position)\" aria-label=\"Course navigation\">"
            + link(previous, rel: "prev", arrow: "←") + link(index, rel: "index", arrow: "") + link(next, rel: "next", arrow: "→")
            + "</nav>\n"
    }
}
