import Reports

/// Rule 6 of the format: `$...$` and `$$...$$` are TeX, kept away from Markdown.
///
/// Before cmark sees the text, every math span is replaced by a placeholder made of private-use
/// characters (so `H^T*W*H` never becomes emphasis). Math is not looked for in code spans, in
/// fenced or indented code, or in HTML blocks; `\$` is a literal dollar. Following Pandoc, an
/// opening `$` must be followed by a non-space and a closing `$` preceded by a non-space and not
/// followed by a digit, so "costs $5 or $10" is text. Math never crosses a blank line. A span that
/// covers several lines keeps its line breaks in the placeholder, so cmark's line numbers stay the
/// file's.
struct MathProtection {
    struct Output {
        var text: String
        var spans: [MathSpan]
        var warnings: [Diagnostic]
    }

    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"
    static let continuation: Character = "\u{E002}"

    /// `skipLines`: 1-based lines that belong to code or HTML blocks.
    static func protect(_ text: String, path: String, skipLines: Set<Int>) -> Output {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        var out = Output(text: "", spans: [], warnings: [])
        var line = 0
        var col = 0
        var result = String.UnicodeScalarView()

        func at(_ l: Int, _ c: Int) -> Unicode.Scalar? { l < lines.count && c < lines[l].count ? lines[l][c] : nil }
        func isBlank(_ l: Int) -> Bool { lines[l].allSatisfy { $0 == " " || $0 == "\t" } }
        func column(_ l: Int, _ c: Int) -> Int { String(String.UnicodeScalarView(lines[l][..<c])).utf8.count + 1 }

        /// Finds `delimiter` from (l, c) on, in the same paragraph; returns its position.
        func find(_ delimiter: String, from l0: Int, _ c0: Int, accept: (Int, Int) -> Bool) -> (Int, Int)? {
            let d = Array(delimiter.unicodeScalars)
            var l = l0, c = c0
            while l < lines.count {
                if l != l0 && (isBlank(l) || skipLines.contains(l + 1)) { return nil }
                while c + d.count <= lines[l].count {
                    if lines[l][c] == "\\" { c += 2; continue }
                    if Array(lines[l][c..<(c + d.count)]) == d && accept(l, c) { return (l, c) }
                    c += 1
                }
                l += 1
                c = 0
            }
            return nil
        }

        func append(_ l: Int, from c0: Int, to c1: Int) { result.append(contentsOf: lines[l][c0..<c1]) }

        /// Copies the text from (line, col) up to (l, c) — the span's content — as a placeholder.
        func replace(upTo end: (Int, Int), delimiterLength: Int, display: Bool) {
            var tex = String.UnicodeScalarView()
            var l = line, c = col + delimiterLength
            while (l, c) < end {
                if l < end.0 {
                    tex.append(contentsOf: lines[l][c...]); tex.append("\n"); l += 1; c = 0
                } else {
                    tex.append(contentsOf: lines[l][c..<end.1]); c = end.1
                }
            }
            let index = out.spans.count
            out.spans.append(MathSpan(tex: String(tex), display: display,
                                      location: SourceLocation(file: path, line: line + 1, column: column(line, col))))
            result.append(contentsOf: "\(open)\(index)".unicodeScalars)
            for _ in line..<end.0 { result.append(contentsOf: "\n\(continuation)".unicodeScalars) }
            result.append(close.unicodeScalars.first!)
            line = end.0
            col = end.1 + delimiterLength
        }

        while line < lines.count {
            if line > 0 { result.append("\n") }
            if skipLines.contains(line + 1) {
                append(line, from: 0, to: lines[line].count)
                line += 1; col = 0
                continue
            }
            while col < lines[line].count {
                let ch = lines[line][col]
                if ch == "\\" {
                    append(line, from: col, to: min(col + 2, lines[line].count)); col += 2
                } else if ch == "`" {
                    var n = 0
                    while at(line, col + n) == "`" { n += 1 }
                    let ticks = String(repeating: "`", count: n)
                    // A code span ends at the next run of exactly n backticks.
                    if let end = find(ticks, from: line, col + n, accept: { l, c in
                        (c == 0 || lines[l][c - 1] != "`") && at(l, c + n) != "`"
                    }) {
                        while line < end.0 { append(line, from: col, to: lines[line].count); result.append("\n"); line += 1; col = 0 }
                        append(line, from: col, to: end.1 + n); col = end.1 + n
                    } else {
                        append(line, from: col, to: col + n); col += n
                    }
                } else if ch == "$" && at(line, col + 1) == "$" {
                    if let end = find("$$", from: line, col + 2, accept: { _, _ in true }) {
                        replace(upTo: end, delimiterLength: 2, display: true)
                    } else {
                        out.warnings.append(Diagnostic(
                            "unclosed display math: no closing '$$' before the end of the paragraph; it is shown as text",
                            at: SourceLocation(file: path, line: line + 1, column: column(line, col)), length: 2,
                            kind: "math", severity: .warning))
                        append(line, from: col, to: col + 2); col += 2
                    }
                } else if ch == "$", let next = at(line, col + 1), !next.properties.isWhitespace,
                          let end = find("$", from: line, col + 1, accept: { l, c in
                              c > 0 && !lines[l][c - 1].properties.isWhitespace
                                  && !(at(l, c + 1).map { ("0"..."9").contains($0) } ?? false)
                          }) {
                    replace(upTo: end, delimiterLength: 1, display: false)
                } else {
                    result.append(ch); col += 1
                }
            }
            line += 1
            col = 0
        }
        out.text = String(result)
        return out
    }

    /// Rewrites the placeholders cmark passed through into `MathSpan.placeholder(local)`, where
    /// `local` indexes the spans of one prose block (`firstSpan` is that block's first global index).
    static func normalizePlaceholders(in html: String, firstSpan: Int) -> String {
        guard html.contains(open) else { return html }
        var out = ""
        var rest = Substring(html)
        while let start = rest.firstIndex(of: open), let end = rest[start...].firstIndex(of: close) {
            out += rest[..<start]
            let digits = rest[rest.index(after: start)..<end].prefix { $0.isASCII && $0.isNumber }
            out += MathSpan.placeholder((Int(digits) ?? 0) - firstSpan)
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }
}
