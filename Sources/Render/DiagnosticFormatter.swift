import Reports

/// The one formatter of diagnostics, for the terminal, the page and the snapshot:
///
///     notebooks/attention.md:88:19: error: matmul: inner dimensions differ: (1, 10, 512) x (1, 100, 1)
///      87 |     let h = expanded.expandingShape(at: 1)
///      88 |     let score = matmul(keys, h)
///         |                 ^~~~~~~~~~~~~~~
///     called from Luong.callAsFunction(_:_:) at notebooks/attention.md:95:9
public struct DiagnosticFormatter {
    /// Returns line `n` (1-based) of `file`, or nil when it is not known.
    public typealias SourceLines = (_ file: String, _ line: Int) -> String?

    public var sourceLines: SourceLines
    /// ANSI colours (terminal only).
    public var color: Bool
    /// Lines of context shown above the error's line.
    public var contextLines: Int
    /// Names to print instead of files' paths (a snapshot names its notebook `attention.md`
    /// whatever folder nbrun ran from). Source lines are still looked up by the real path.
    public var displayNames: [String: String] = [:]

    public init(color: Bool = false, contextLines: Int = 1, sourceLines: @escaping SourceLines) {
        self.color = color
        self.contextLines = contextLines
        self.sourceLines = sourceLines
    }

    public func format(_ d: Diagnostic) -> String {
        var out: [String] = []
        let head = d.location.map { "\(shown($0)): " } ?? ""
        out.append(paint(head, .bold) + paint("\(d.severity.rawValue):", severityStyle(d.severity)) + " " + paint(ControlCharacters.escape(d.message), .bold))
        if let range = d.range {
            out.append(contentsOf: excerpt(range))
        }
        for fix in d.fixIts {
            out.append(paint("fix-it:", .green) + " " + ControlCharacters.escape(fix.message))
        }
        for note in d.notes {
            let at = note.range.map { "\(shown($0.start)): " } ?? ""
            out.append("\(at)note: \(ControlCharacters.escape(note.message))")
            if let r = note.range, r != d.range { out.append(contentsOf: excerpt(r, context: 0)) }
        }
        for frame in d.callChain {
            out.append("called from \(ControlCharacters.escape(frame.function)) at \(shown(frame.location))")
            if frame.repeats > 0 {
                out.append("[previous line repeated \(frame.repeats) more time\(frame.repeats == 1 ? "" : "s")]")
            }
        }
        return out.joined(separator: "\n")
    }

    /// The source lines around `range` with a caret line under its first line.
    func excerpt(_ range: SourceRange, context: Int? = nil) -> [String] {
        let file = range.start.file
        let line = range.start.line
        guard let text = sourceLines(file, line) else { return [] }
        let first = max(1, line - (context ?? contextLines))
        let width = String(line).count
        var out: [String] = []
        // Context stays inside the cell: it stops at the cell's opening fence.
        var context: [String] = []
        for n in stride(from: line - 1, through: first, by: -1) {
            guard let s = sourceLines(file, n), !Self.isFence(s) else { break }
            context.insert(gutter(String(n), width) + ControlCharacters.escape(s), at: 0)
        }
        out += context
        out.append(gutter(String(line), width) + ControlCharacters.escape(text))
        // Columns count UTF-8 bytes; place the caret under the matching character.
        let bytes = Array(text.utf8)
        let startByte = min(max(range.start.column - 1, 0), bytes.count)
        let endByte = range.end.line == line ? min(max(range.end.column - 1, startByte + 1), max(bytes.count, startByte + 1)) : max(bytes.count, startByte + 1)
        let pad = displayWidth(bytes[0..<startByte], tabsFrom: text)
        let span = max(1, displayWidth(bytes[startByte..<min(endByte, bytes.count)], tabsFrom: nil))
        let caret = "^" + String(repeating: "~", count: span - 1)
        out.append(gutter("", width) + String(repeating: " ", count: pad) + paint(caret, .green))
        return out
    }

    private func shown(_ location: SourceLocation) -> String {
        guard let name = displayNames[location.file] else { return ControlCharacters.escape(location.description) }
        return "\(ControlCharacters.escape(name)):\(location.line):\(location.column)"
    }

    static func isFence(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        return trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
    }

    private func gutter(_ number: String, _ width: Int) -> String {
        String(repeating: " ", count: width - number.count + 1) + number + " | "
    }

    /// Characters as shown: control characters take the width of their escapes.
    private func displayWidth(_ bytes: ArraySlice<UInt8>, tabsFrom: String?) -> Int {
        ControlCharacters.escape(String(decoding: bytes, as: UTF8.self)).count
    }

    private enum Style: String { case bold = "1", red = "1;31", yellow = "1;33", cyan = "1;36", green = "32" }

    private func severityStyle(_ s: Diagnostic.Severity) -> Style {
        switch s { case .error: .red; case .warning: .yellow; case .note: .cyan }
    }

    private func paint(_ s: String, _ style: Style) -> String {
        color && !s.isEmpty ? "\u{1B}[\(style.rawValue)m\(s)\u{1B}[0m" : s
    }
}
