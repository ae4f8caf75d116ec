import Foundation
import Notebook
import Reports

/// A prose block on the page: cmark's HTML as given, with its math placeholders typeset as
/// MathML, ids and anchor links on its headings, and local images embedded.
struct ProseHTML {
    var notebook: Notebook
    var imageEmbedder: ImageEmbedder?

    /// The finished HTML, plus the warnings (math that could not be converted, missing images).
    /// `slugs` keeps heading ids unique across the page; `toc` receives the headings.
    func render(_ prose: Prose, slugs: inout SlugSet, toc: inout [TOCEntry]) -> (html: String, warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        var html = substituteMath(prose, warnings: &warnings)
        html = addHeadingIDs(html, prose: prose, slugs: &slugs, toc: &toc)
        if let imageEmbedder {
            html = imageEmbedder.embedImages(in: html, prose: prose, warnings: &warnings)
        }
        return (html, warnings)
    }

    // MARK: Math

    /// Replaces each placeholder: a display span alone in a paragraph becomes a block, other
    /// spans stay inline; inside a tag (an image's alt text) the TeX itself is used.
    func substituteMath(_ prose: Prose, warnings: inout [Diagnostic]) -> String {
        let html = prose.html
        guard html.unicodeScalars.contains("\u{E000}") else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count * 2)
        var scalars = html.unicodeScalars[...]
        var insideTag = false
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            if c == "<" { insideTag = true } else if c == ">" { insideTag = false }
            guard c == "\u{E000}" else {
                out.unicodeScalars.append(c)
                continue
            }
            let digits = scalars.prefix(18).prefix { $0.value >= 48 && $0.value <= 57 }
            guard let index = Int(String(String.UnicodeScalarView(digits))), index >= 0, index < prose.math.count,
                  scalars.dropFirst(digits.count).first == "\u{E001}" else {
                out.unicodeScalars.append(c)
                continue
            }
            scalars = scalars.dropFirst(digits.count + 1)
            let span = prose.math[index]
            if insideTag {
                out += HTML.escapeAttribute(span.tex)
                continue
            }
            let alone = span.display && out.hasSuffix("<p>") && scalars.starts(with: "</p>".unicodeScalars)
            let typeset = MathConverter.html(for: span.tex, display: span.display)
            if let error = typeset.error {
                warnings.append(Diagnostic("math not converted, shown as TeX: \(error.message)",
                                           at: span.location, kind: "math", severity: .warning))
            }
            if alone {
                out.removeLast(3)
                scalars = scalars.dropFirst(4)
                out += typeset.html
            } else if span.display {
                // A block inside a paragraph: a span, so the paragraph stays valid HTML.
                out += "<span class=\"math-display\">" + typeset.html.dropFirst("<div class=\"math-display\">".count).dropLast("</div>".count) + "</span>"
            } else {
                // Punctuation right after inline math stays on its line ("... $[a_t; s_t]$:").
                let punctuation = scalars.prefix { Self.closingPunctuation.contains($0) }
                if punctuation.isEmpty {
                    out += typeset.html
                } else {
                    out += "<span class=\"math-inline\">" + typeset.html
                    for c in punctuation { out.unicodeScalars.append(c) }
                    out += "</span>"
                    scalars = scalars.dropFirst(punctuation.count)
                }
            }
        }
        return out
    }

    static let closingPunctuation: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?", ")", "]", "\u{2019}", "\u{201D}", "\u{2014}", "\u{2013}"]

    // MARK: Headings

    /// `<h2>` → `<h2 id="slug">… <a class="anchor" href="#slug">#</a></h2>`, in order with
    /// `prose.headings` (whose plain text makes the slug).
    func addHeadingIDs(_ html: String, prose: Prose, slugs: inout SlugSet, toc: inout [TOCEntry]) -> String {
        var out = ""
        var rest = html[...]
        var k = 0
        while let open = rest.firstRange(of: "<h") {
            let afterH = rest[open.upperBound...]
            guard let level = afterH.first?.wholeNumberValue, (1...6).contains(level),
                  afterH.dropFirst().first == ">",
                  let close = afterH.firstRange(of: "</h\(level)>") else {
                out += rest[..<open.upperBound]
                rest = afterH
                continue
            }
            let inner = afterH[afterH.index(afterH.startIndex, offsetBy: 2)..<close.lowerBound]
            let plain = k < prose.headings.count ? prose.headings[k].text : Self.stripTags(String(inner))
            let id = slugs.make(Self.texForPlaceholders(plain, prose: prose))
            out += rest[..<open.lowerBound]
            out += "<h\(level) id=\"\(id)\">\(inner)<a class=\"anchor\" href=\"#\(id)\" aria-label=\"link to this section\">#</a></h\(level)>"
            toc.append(TOCEntry(level: level, id: id, html: String(inner)))
            rest = afterH[close.upperBound...]
            k += 1
        }
        out += rest
        return out
    }

    /// Placeholders replaced by their TeX (for slugs and the page's `<title>`).
    static func texForPlaceholders(_ s: String, prose: Prose?) -> String {
        guard s.unicodeScalars.contains("\u{E000}") else { return s }
        let out = MathSpan.replacingPlaceholders(in: s, spans: prose?.math ?? []) { $0.tex }
        return String(String.UnicodeScalarView(out.unicodeScalars.filter { !(0xE000...0xE001).contains($0.value) }))
    }

    static func stripTags(_ html: String) -> String {
        var out = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// A heading in the table of contents (its HTML is the heading's content, math included).
struct TOCEntry {
    var level: Int
    var id: String
    var html: String
}

/// Unique, readable ids for headings: lowercased words joined by `-` (letters of any script
/// kept), with `-2`, `-3` for repeats and for names already taken by cells.
struct SlugSet {
    private var used: Set<String> = []

    init(reserved: [String] = []) {
        used = Set(reserved)
    }

    mutating func make(_ text: String) -> String {
        var slug = ""
        var dash = false
        for c in text.lowercased() {
            if c.isLetter || c.isNumber || c == "_" {
                if dash, !slug.isEmpty { slug.append("-") }
                slug.append(c)
                dash = false
            } else if c.isWhitespace || c == "-" {
                dash = true
            }
        }
        if slug.isEmpty { slug = "section" }
        var candidate = slug
        var n = 2
        while used.contains(candidate) {
            candidate = "\(slug)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return HTML.escapeAttribute(candidate)
    }
}
