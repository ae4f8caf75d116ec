import Foundation
import Notebook
import Reports

/// The `index.html` of a course folder: its title and each notebook with its first paragraph,
/// linked by relative path. Entries stay in the order given (the runner's notebook order);
/// a sub-folder's entries are grouped under the folder's name.
///
///     let entries = notebooks.map { CourseIndex.Entry(notebook: $0, href: "week1/encoder.html") }
///     let html = CourseIndex.render(title: "Attention", entries: entries)
public enum CourseIndex {
    public struct Entry: Sendable, Hashable {
        public var title: String
        /// Relative to the index page (`week1/encoder.html`).
        public var href: String
        /// The first paragraph, as HTML (math typeset).
        public var summaryHTML: String
        /// A short status line ("23 cells, all ran"), optional.
        public var note: String?

        public init(title: String, href: String, summaryHTML: String, note: String? = nil) {
            self.title = title
            self.href = href
            self.summaryHTML = summaryHTML
            self.note = note
        }

        /// An entry for `notebook`: its title and its first prose paragraph.
        public init(notebook: Notebook, href: String, note: String? = nil) {
            self.init(title: ProseHTML.texForPlaceholders(notebook.title, prose: HTMLPage.firstProseWithTitle(notebook)), href: href,
                      summaryHTML: CourseIndex.firstParagraph(of: notebook), note: note)
        }
    }

    public static func render(title: String, entries: [Entry], generator: String = "nbrun") -> String {
        var s = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\"/>\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        s += "<meta name=\"color-scheme\" content=\"light dark\"/>\n"
        s += "<title>\(HTML.escape(title))</title>\n<style>\n\(PageStyle.css)\n</style>\n</head>\n<body>\n<div class=\"page\">\n<main>\n"
        s += "<h1>\(HTML.escape(title))</h1>\n"
        var folder: String? = nil
        var listOpen = false
        for entry in entries {
            let entryFolder = entry.href.split(separator: "/").dropLast().joined(separator: "/")
            if !listOpen || entryFolder != (folder ?? "") {
                if listOpen { s += "</ul>\n" }
                if !entryFolder.isEmpty { s += "<h2>\(HTML.escape(entryFolder))</h2>\n" }
                s += "<ul class=\"course-list\">\n"
                listOpen = true
                folder = entryFolder
            }
            s += "<li><a class=\"entry-title\" href=\"\(HTML.escapeAttribute(entry.href))\">\(HTML.escape(entry.title))</a>"
            if !entry.summaryHTML.isEmpty { s += "<p>\(entry.summaryHTML)</p>" }
            if let note = entry.note { s += "<p class=\"entry-note\">\(HTML.escape(note))</p>" }
            s += "</li>\n"
        }
        if listOpen { s += "</ul>\n" }
        if entries.isEmpty { s += "<p>No notebooks.</p>\n" }
        s += "</main>\n<footer class=\"page-footer\">Made by \(HTML.escape(generator)).</footer>\n</div>\n</body>\n</html>\n"
        return s
    }

    /// The inner HTML of the notebook's first `<p>` (math typeset; images and links dropped to
    /// their text, so the summary stays short), or "" when it has none.
    static func firstParagraph(of notebook: Notebook) -> String {
        for case .prose(let p) in notebook.blocks {
            guard let open = p.html.range(of: "<p>"), let close = p.html.range(of: "</p>", range: open.upperBound..<p.html.endIndex) else { continue }
            let inner = String(p.html[open.upperBound..<close.lowerBound])
            var single = p
            single.html = "<p>" + inner + "</p>"
            var noWarnings: [Diagnostic] = []
            let typeset = ProseHTML(notebook: notebook, imageEmbedder: nil).substituteMath(single, warnings: &noWarnings)
            return stripLinksAndImages(String(typeset.dropFirst(3).dropLast(4)))
        }
        return ""
    }

    private static func stripLinksAndImages(_ html: String) -> String {
        var out = ""
        var rest = html[...]
        while let open = [rest.firstRange(of: "<a "), rest.firstRange(of: "<img ")].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) {
            out += rest[..<open.lowerBound]
            guard let end = rest[open.upperBound...].firstIndex(of: ">") else { break }
            rest = rest[rest.index(after: end)...]
        }
        out += rest
        return out.replacingOccurrences(of: "</a>", with: "")
    }
}
