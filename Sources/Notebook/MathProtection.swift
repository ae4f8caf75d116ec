import Reports

/// Rule 6 of the format: `$...$` and `$$...$$` are TeX, kept away from Markdown.
///
/// Before cmark sees the text, every math span is replaced by a placeholder made of private-use
/// characters (so `H^T*W*H` never becomes emphasis). The rules are Pandoc's (`tex_math_dollars`):
///
/// - Inline math opens at a `$` followed by a non-space; it closes at the *first* `$` after it,
///   which must be preceded by a non-space and not followed by a digit, else the opening `$` is
///   text. So "costs $5 or $6 here" is text, and in "$a $b$" only `b` is math.
/// - Display math is `$$...$$`, closed by the first `$$` after it, with at least one character
///   between; it may open and close on one line inside a paragraph. An unclosed `$$` is text, with
///   a warning.
/// - `\$` is a literal dollar, and `\` keeps the character after it from opening or closing math.
/// - Math is never looked for inside a code span, and never crosses one: code spans are found
///   first, as cmark finds them (a run of n backticks up to the next run of exactly n), and math
///   whose closing `$` would lie inside or beyond a code span is text.
/// - Math never crosses a blank line or the start of another block, and is not looked for in
///   fenced or indented code or HTML blocks.
///
/// A span that covers several lines keeps its line breaks in the placeholder, so cmark's line
/// numbers stay the file's. Everything here is one pass over the text (and one over each
/// paragraph for its code spans): linear in the size of the notebook.
struct MathProtection {
    struct Output {
        var text: String
        var spans: [MathSpan]
        var warnings: [Diagnostic]
    }

    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"
    static let continuation: Character = "\u{E002}"

    /// `skipLines`: 1-based lines that belong to code or HTML blocks. `blockStarts`: 1-based lines
    /// where a top-level block starts (math never reaches from one block into the next).
    static func protect(_ text: String, path: String, skipLines: Set<Int>, blockStarts: Set<Int> = []) -> Output {
        var protector = Protector(text: text, path: path)
        protector.run(skipLines: skipLines, blockStarts: blockStarts)
        protector.finishWarnings()
        return Output(text: protector.result.string, spans: protector.spans, warnings: protector.warnings)
    }

    /// Rewrites the placeholders cmark passed through into `MathSpan.placeholder(local)`, where
    /// `local` indexes the spans of one prose block (`firstSpan` is that block's first global index).
    static func normalizePlaceholders(in html: String, firstSpan: Int) -> String {
        guard html.unicodeScalars.contains(open.unicodeScalars.first!) else { return html }
        var out = ScalarBuffer()
        let s = Array(html.unicodeScalars)
        var i = 0
        while i < s.count {
            if s[i] == "\u{E000}" {
                var j = i + 1
                var value = 0
                while j < s.count, j - i <= 18, let d = asciiDigit(s[j]) { value = value * 10 + d; j += 1 }
                let digitsEnd = j
                // A span over several lines: its line breaks, each followed by a continuation mark.
                while j < s.count, s[j] == "\n" || s[j] == " " || s[j] == "\u{E002}" { j += 1 }
                if digitsEnd > i + 1, j < s.count, s[j] == "\u{E001}" {
                    out.append(contentsOf: MathSpan.placeholder(value - firstSpan).unicodeScalars)
                    i = j + 1
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return out.string
    }

    static func asciiDigit(_ c: Unicode.Scalar) -> Int? {
        c.value >= 48 && c.value <= 57 ? Int(c.value - 48) : nil
    }
}

/// The single pass of `MathProtection.protect` over the text, as scalars.
private struct Protector {
    let s: [Unicode.Scalar]
    let path: String
    var result = ScalarBuffer()
    var spans: [MathSpan] = []
    var warnings: [Diagnostic] = []
    /// Line and UTF-8 column of `counted`, advanced only forwards (positions asked for increase).
    private var counted = 0, countedLine = 1, countedColumn = 0

    init(text: String, path: String) {
        s = Array(text.unicodeScalars)
        self.path = path
    }

    mutating func run(skipLines: Set<Int>, blockStarts: Set<Int>) {
        // Lines as [start, end) positions in `s`; a paragraph is a run of lines that are neither
        // blank nor code/HTML, and does not cross the start of a block.
        var lineStart = 0
        var line = 1
        var paragraph: Range<Int>? = nil
        var copied = 0
        func isBlank(_ r: Range<Int>) -> Bool { s[r].allSatisfy { $0 == " " || $0 == "\t" } }
        while lineStart <= s.count {
            var end = lineStart
            while end < s.count, s[end] != "\n" { end += 1 }
            let inParagraph = !skipLines.contains(line) && !isBlank(lineStart..<end)
            if let p = paragraph, !inParagraph || blockStarts.contains(line) {
                result.append(contentsOf: s[copied..<p.lowerBound])
                protectParagraph(p)
                copied = p.upperBound
                paragraph = nil
            }
            if inParagraph { paragraph = (paragraph?.lowerBound ?? lineStart)..<end }
            lineStart = end + 1
            line += 1
        }
        if let p = paragraph {
            result.append(contentsOf: s[copied..<p.lowerBound])
            protectParagraph(p)
            copied = p.upperBound
        }
        result.append(contentsOf: s[copied...])
    }

    // MARK: One paragraph

    /// Code spans of `r`, as cmark finds them: from a run of n backticks (not escaped) to the
    /// next run of exactly n; a run without one is literal text.
    func codeSpans(in r: Range<Int>) -> [Range<Int>] {
        // Every maximal backtick run, by length, in order.
        var runs: [Int: [Int]] = [:]
        var i = r.lowerBound
        while i < r.upperBound {
            guard s[i] == "`" else { i += 1; continue }
            var j = i
            while j < r.upperBound, s[j] == "`" { j += 1 }
            runs[j - i, default: []].append(i)
            i = j
        }
        guard !runs.isEmpty else { return [] }
        // Closing runs are looked for at increasing positions, so each length's cursor only moves on.
        var cursor: [Int: Int] = [:]
        func closingRun(from p: Int, length n: Int) -> Int? {
            guard let starts = runs[n] else { return nil }
            var c = cursor[n] ?? 0
            while c < starts.count, starts[c] < p { c += 1 }
            cursor[n] = c
            return c < starts.count ? starts[c] : nil
        }
        var found: [Range<Int>] = []
        i = r.lowerBound
        while i < r.upperBound {
            if s[i] == "\\" { i += 2; continue }
            guard s[i] == "`" else { i += 1; continue }
            var j = i
            while j < r.upperBound, s[j] == "`" { j += 1 }
            if let c = closingRun(from: j, length: j - i) {
                found.append(i..<(c + j - i))
                i = c + j - i
            } else {
                i = j
            }
        }
        return found
    }

    mutating func protectParagraph(_ r: Range<Int>) {
        let code = codeSpans(in: r)
        var k = 0
        var i = r.lowerBound
        while i < r.upperBound {
            if k < code.count, code[k].lowerBound == i {
                result.append(contentsOf: s[code[k]])
                i = code[k].upperBound
                k += 1
                continue
            }
            let c = s[i]
            if c == "\\" {
                let end = min(i + 2, r.upperBound)
                result.append(contentsOf: s[i..<end])
                i = end
                continue
            }
            if c == "$" {
                // Math ends before the next code span and before the paragraph's end.
                let limit = k < code.count ? code[k].lowerBound : r.upperBound
                if i + 1 < r.upperBound, s[i + 1] == "$" {
                    if let close = displayClose(from: i + 2, limit: limit) {
                        replace(i, contentEnd: close, delimiter: 2, display: true)
                        i = close + 2
                    } else {
                        unclosed(at: i)
                        result.append(contentsOf: s[i..<(i + 2)])
                        i += 2
                    }
                    continue
                }
                if let close = inlineClose(from: i + 1, limit: limit, paragraphEnd: r.upperBound) {
                    replace(i, contentEnd: close, delimiter: 1, display: false)
                    i = close + 1
                    continue
                }
            }
            result.append(c)
            i += 1
        }
    }

    /// The closing `$` of inline math whose content starts at `from`: the first unescaped `$`,
    /// if the content starts with a non-space, the `$` follows a non-space and no digit follows it.
    func inlineClose(from start: Int, limit: Int, paragraphEnd: Int) -> Int? {
        guard start < limit, !s[start].properties.isWhitespace else { return nil }
        var j = start
        var escaped = false
        while j < limit {
            if s[j] == "\\" { j += 2; escaped = true; continue }
            if s[j] == "$" {
                let afterSpace = !escaped && s[j - 1].properties.isWhitespace
                let beforeDigit = j + 1 < paragraphEnd && MathProtection.asciiDigit(s[j + 1]) != nil
                return afterSpace || beforeDigit ? nil : j
            }
            escaped = false
            j += 1
        }
        return nil
    }

    /// The closing `$$` of display math whose content starts at `from` (at least one character).
    func displayClose(from start: Int, limit: Int) -> Int? {
        guard start < limit else { return nil }
        var j = start + (s[start] == "\\" ? 2 : 1)
        while j + 1 < limit {
            if s[j] == "\\" { j += 2; continue }
            if s[j] == "$", s[j + 1] == "$" { return j }
            j += 1
        }
        return nil
    }

    /// Unclosed display math: a warning for each of the first `warningLimit`, then one for the rest.
    static let warningLimit = 20
    private var unlisted = 0
    private var firstUnlisted: SourceLocation?

    mutating func unclosed(at i: Int) {
        let (line, column) = position(of: i)
        let location = SourceLocation(file: path, line: line, column: column)
        guard warnings.count < Self.warningLimit else {
            unlisted += 1
            if firstUnlisted == nil { firstUnlisted = location }
            return
        }
        warnings.append(Diagnostic(
            "unclosed display math: no closing '$$' before the end of the paragraph; it is shown as text",
            at: location, length: 2, kind: "math", severity: .warning))
    }

    /// The warning that stands for those not listed one by one.
    mutating func finishWarnings() {
        guard let firstUnlisted else { return }
        warnings.append(Diagnostic(
            "\(unlisted) more unclosed display math ('$$' with no closing '$$' in its paragraph), from here on; they are shown as text",
            at: firstUnlisted, length: 2, kind: "math", severity: .warning))
    }

    /// Replaces the span opening at `start` (its content ends at `contentEnd`) by a placeholder.
    mutating func replace(_ start: Int, contentEnd: Int, delimiter: Int, display: Bool) {
        let (line, column) = position(of: start)
        let content = s[(start + delimiter)..<contentEnd]
        spans.append(MathSpan(tex: String(String.UnicodeScalarView(content)), display: display,
                              location: SourceLocation(file: path, line: line, column: column)))
        result.append(contentsOf: "\(MathProtection.open)\(spans.count - 1)".unicodeScalars)
        for c in s[start..<(contentEnd + delimiter)] where c == "\n" {
            result.append(contentsOf: "\n\(MathProtection.continuation)".unicodeScalars)
        }
        result.append(contentsOf: MathProtection.close.unicodeScalars)
    }

    /// 1-based line and UTF-8 column of position `p` (positions asked for never decrease).
    mutating func position(of p: Int) -> (line: Int, column: Int) {
        while counted < p {
            if s[counted] == "\n" {
                countedLine += 1
                countedColumn = 0
            } else {
                countedColumn += UTF8.width(s[counted])
            }
            counted += 1
        }
        return (countedLine, countedColumn + 1)
    }
}

/// Text built scalar by scalar, as UTF-8 bytes: `String.UnicodeScalarView.append(contentsOf:)`
/// copies the whole string on each call, which made long prose quadratic.
struct ScalarBuffer {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ c: Unicode.Scalar) {
        if c.value < 0x80 {
            bytes.append(UInt8(c.value))
        } else {
            UTF8.encode(c) { bytes.append($0) }
        }
    }

    mutating func append<S: Sequence>(contentsOf scalars: S) where S.Element == Unicode.Scalar {
        for c in scalars { append(c) }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
