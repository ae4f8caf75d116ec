import Reports

/// The notebook front end: a `.md` file's bytes in, a `Notebook` and every problem found out.
///
/// The rules are those of the notebook format (shared design, notebook-format.md), numbered there:
/// 1 encoding (TextDecoding), 2 front matter (FrontMatterParser), 3 cells are top-level
/// ` ```swift ` fences, 4 cell options (CellOptionsParser), 5 identities, 6 math (MathProtection),
/// 7 prose safety (cmark's safe mode unless `unsafeHTML`), 8 source positions.
public enum NotebookParser {
    public struct Output: Sendable {
        /// The notebook, unless an error made it unusable (see `diagnostics`).
        public var notebook: Notebook?
        /// Every problem found, errors and warnings, in file order.
        public var diagnostics: [Diagnostic]

        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    }

    /// Parses a notebook. `path` is how messages name the file.
    public static func parse(bytes: [UInt8], path: String, unsafeHTML: Bool = false) -> Output {
        let text: String
        switch TextDecoding.decode(bytes, path: path) {
        case .success(let t): text = t
        case .failure(let d): return Output(notebook: nil, diagnostics: [d])
        }
        return parse(text: text, path: path, unsafeHTML: unsafeHTML)
    }

    /// Parses a notebook from text that is already decoded (LF line endings).
    public static func parse(text: String, path: String, unsafeHTML: Bool = false) -> Output {
        var diagnostics: [Diagnostic] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let frontMatter = FrontMatterParser.parse(lines: lines, path: path, diagnostics: &diagnostics)

        // The body keeps the file's line numbers: front matter lines become empty lines.
        let body = (Array(repeating: Substring(""), count: frontMatter.lineCount) + lines.dropFirst(frontMatter.lineCount))
            .joined(separator: "\n")

        // Pass 1 finds the code and HTML blocks, where math is never looked for; pass 2 parses the
        // text with its math protected.
        let firstPass = CommonMark.blocks(of: body, unsafeHTML: unsafeHTML)
        let skipLines = Set(firstPass.flatMap { block -> ClosedRange<Int> in
            switch block.kind {
            case .code, .html: return block.startLine...max(block.startLine, block.endLine)
            default: return 0...0
            }
        })
        let math = MathProtection.protect(body, path: path, skipLines: skipLines, blockStarts: Set(firstPass.map(\.startLine)))
        diagnostics += math.warnings
        let markdownBlocks = CommonMark.blocks(of: math.text, unsafeHTML: unsafeHTML)

        var assembler = BlockAssembler(path: path, lines: lines, math: math.spans)
        for block in markdownBlocks { assembler.add(block) }
        let blocks = assembler.finish()
        diagnostics += assembler.diagnostics

        let notebook = Notebook(path: path, text: text, frontMatter: frontMatter, blocks: blocks)
        diagnostics += checkIdentities(notebook.cells, path: path)
        diagnostics.sort { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        let failed = diagnostics.contains { $0.severity == .error }
        return Output(notebook: failed ? nil : notebook, diagnostics: diagnostics)
    }

    /// Rule 5: identities are unique; an explicit `id` may not take the `cell-N` form of another cell.
    static func checkIdentities(_ cells: [Cell], path: String) -> [Diagnostic] {
        var firstLine: [String: Int] = [:]
        var problems: [Diagnostic] = []
        for cell in cells {
            if let line = firstLine[cell.identity] {
                problems.append(Diagnostic(
                    "duplicate cell id '\(cell.identity)': ids must be unique in a notebook",
                    at: SourceLocation(file: path, line: cell.fenceLine, column: 1), length: 3, kind: "cell-option",
                    notes: [.init(message: "first used here", range: SourceRange(at: SourceLocation(file: path, line: line, column: 1)))]))
            } else {
                firstLine[cell.identity] = cell.fenceLine
            }
        }
        return problems
    }
}

/// Groups cmark's top-level blocks into prose, cells and code blocks (rules 3, 5 and 8).
struct BlockAssembler {
    let path: String
    let lines: [Substring]
    let math: [MathSpan]
    var blocks: [Block] = []
    var diagnostics: [Diagnostic] = []
    private var prose: [MarkdownBlock] = []
    private var cellCount = 0
    /// The first math span not yet given to a prose block (spans are in file order).
    private var nextSpan = 0

    init(path: String, lines: [Substring], math: [MathSpan]) {
        self.path = path
        self.lines = lines
        self.math = math
    }

    mutating func add(_ block: MarkdownBlock) {
        for line in block.nestedFenceLines {
            diagnostics.append(Diagnostic(
                "this swift fence is inside a list or quote, so it is shown but not run; move it to the top level to make it a cell",
                at: SourceLocation(file: path, line: line, column: 1), kind: "nested-cell", severity: .warning))
        }
        guard case .code(let info) = block.kind else { prose.append(block); return }
        flushProse()
        let fenceText = String(line(block.startLine))
        let code = block.literal.hasSuffix("\n") ? String(block.literal.dropLast()) : block.literal
        guard let fence = Fence(fenceText) else {
            blocks.append(.code(CodeBlock(language: nil, code: code, line: block.startLine, cmarkHTML: block.html)))
            return
        }
        if !fence.isClosed(by: line(block.endLine), at: block.endLine, openedAt: block.startLine) {
            diagnostics.append(Diagnostic(
                "code fence opened here is never closed, so it runs to the end of the file; add a closing \(fence.marker)",
                at: SourceLocation(file: path, line: block.startLine, column: block.startColumn), length: fence.marker.count,
                kind: "unclosed-fence", severity: .warning))
        }
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.first == "swift" else {
            blocks.append(.code(CodeBlock(language: words.first.map(String.init), code: code, line: block.startLine, cmarkHTML: block.html)))
            return
        }
        cellCount += 1
        let (options, id) = CellOptionsParser.parse(info: info, fenceText: fenceText, fenceLine: block.startLine,
                                                    path: path, diagnostics: &diagnostics)
        blocks.append(.cell(Cell(
            index: cellCount, identity: id ?? "cell-\(cellCount)", explicitID: id, options: options, code: code,
            fenceLine: block.startLine,
            codeLocation: SourceLocation(file: path, line: block.startLine + 1, column: block.startColumn),
            cmarkHTML: block.html)))
    }

    mutating func finish() -> [Block] {
        flushProse()
        return blocks
    }

    private func line(_ n: Int) -> Substring { n >= 1 && n <= lines.count ? lines[n - 1] : "" }

    private mutating func flushProse() {
        guard let first = prose.first, let last = prose.last else { return }
        defer { prose = [] }
        let startLine = first.startLine, endLine = max(last.endLine, first.startLine)
        while nextSpan < math.count, math[nextSpan].location.line < startLine { nextSpan += 1 }
        let firstSpan = nextSpan
        while nextSpan < math.count, math[nextSpan].location.line <= endLine { nextSpan += 1 }
        let spans = firstSpan..<nextSpan
        let html = prose.map(\.html).joined()
        let headings = prose.compactMap { block -> Heading? in
            guard case .heading(let level) = block.kind else { return nil }
            return Heading(level: level, text: withMathAsTeX(block.plainText), line: block.startLine)
        }
        blocks.append(.prose(Prose(
            markdown: (startLine...endLine).map { line($0) }.joined(separator: "\n"),
            html: MathProtection.normalizePlaceholders(in: html, firstSpan: firstSpan),
            math: spans.map { math[$0] }, headings: headings, line: startLine)))
    }

    /// A heading's plain text with its math shown as `$tex$`.
    private func withMathAsTeX(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: MathProtection.open), let end = rest[start...].firstIndex(of: MathProtection.close) {
            out += rest[..<start]
            let digits = rest[rest.index(after: start)..<end].prefix { $0.isASCII && $0.isNumber }
            if let i = Int(digits), i < math.count { out += "$\(math[i].tex)$" }
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }
}

/// An opening code fence line: its marker (``` or ~~~, 3 or more) and indentation.
struct Fence {
    var marker: String
    var indent: Int

    init?(_ line: String) {
        let indent = line.prefix { $0 == " " }.count
        guard indent < 4 else { return nil }
        let rest = line.dropFirst(indent)
        guard let c = rest.first, c == "`" || c == "~" else { return nil }
        let run = rest.prefix { $0 == c }
        guard run.count >= 3 else { return nil }
        marker = String(run)
        self.indent = indent
    }

    /// Whether `line` (the block's last line) closes this fence.
    func isClosed(by line: Substring, at lineNumber: Int, openedAt: Int) -> Bool {
        guard lineNumber > openedAt else { return false }
        let trimmed = line.drop { $0 == " " }.trimmingTrailingSpaces
        guard line.prefix(while: { $0 == " " }).count < 4, let c = marker.first else { return false }
        return trimmed.count >= marker.count && trimmed.allSatisfy { $0 == c }
    }
}
