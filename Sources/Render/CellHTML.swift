import Notebook
import Reports

/// A cell on the page: a header (identity, notebook line, outcome badge), the highlighted
/// source, and the outputs in the order they happened.
///
///     <section class="cell outcome-passed" id="encoder">
///       <div class="cell-head">…<span class="badge badge-passed">ran</span></div>
///       <pre class="source"><code>…</code></pre>
///       <div class="outputs">…</div>
///     </section>
struct CellHTML {
    var notebook: Notebook
    var formatter: DiagnosticFormatter

    /// `widestLine` becomes at least the longest line (in characters) of the cell's source and
    /// text outputs as shown, which sets how wide the page's cells are.
    func render(_ cell: Cell, run: CellRun?, figureCounter: inout Int, widestLine: inout Int) -> String {
        let outcome = run?.outcome ?? .notRun
        let timedOut = run?.result?.status == .timedOut
        let badge = Self.badge(for: outcome, timedOut: timedOut)
        var s = "<section class=\"cell outcome-\(outcome.rawValue)\" id=\"\(HTML.escapeAttribute(cell.identity))\">"
        s += "<div class=\"cell-head\">"
        s += "<a class=\"cell-id\" href=\"#\(HTML.escapeAttribute(cell.identity))\">\(HTML.escape(cell.label))</a>"
        s += "<span class=\"cell-line\">\(HTML.escape(fileName)):\(cell.fenceLine)</span>"
        if let duration = run?.result?.duration, run?.result != nil, duration >= 0.0005 {
            s += "<span class=\"cell-time\">\(Self.seconds(duration))</span>"
        }
        s += "<span class=\"badge badge-\(badge.cls)\">\(badge.text)</span>"
        s += "</div>"
        if !cell.options.hideSource {
            s += "<pre class=\"source\"><code class=\"language-swift\">\(SwiftHighlighter.html(cell.code))</code></pre>"
            widestLine = max(widestLine, Self.longestLine(cell.code))
        }
        if let result = run?.result {
            // hide-output hides what the cell produced, but never the error of a cell that
            // failed the run: the page must show why.
            let showAll = !cell.options.hideOutput
            let expected = outcome == .expectedError
            var body = ""
            for output in result.outputs {
                switch output {
                case .text(let t) where showAll:
                    body += "<pre class=\"output output-text\">\(HTML.escape(t))</pre>"
                    widestLine = max(widestLine, Self.longestLine(t))
                case .display(let v) where showAll:
                    body += richValue(v, figureCounter: &figureCounter, widestLine: &widestLine)
                case .error(let d) where showAll || outcome.isFailure:
                    body += error(d, expected: expected, widestLine: &widestLine)
                default:
                    break
                }
            }
            if showAll, let value = result.result {
                body += "<div class=\"output output-result\"><span class=\"out-label\">Out</span>\(richValue(value, figureCounter: &figureCounter, widestLine: &widestLine))</div>"
            }
            if timedOut, result.errors.isEmpty {
                body += "<pre class=\"output output-error\">the cell ran past its time limit</pre>"
            }
            if !body.isEmpty { s += "<div class=\"outputs\">\(body)</div>" }
        }
        s += "</section>"
        return s
    }

    private var fileName: String {
        notebook.path.split(separator: "/").last.map(String.init) ?? notebook.path
    }

    /// The badge's text for a cell's outcome ("ran", "failed", "expected error", ...).
    static func badge(for outcome: CellOutcome, timedOut: Bool) -> (text: String, cls: String) {
        switch outcome {
        case .passed: return ("ran", "passed")
        case .failed: return timedOut ? ("timed out", "failed") : ("failed", "failed")
        case .expectedError: return ("expected error", "expected")
        case .unexpectedSuccess: return ("succeeded, expected an error", "failed")
        case .timedOut: return ("timed out", "failed")
        case .skipped: return ("skipped", "muted")
        case .notRun: return ("not run", "muted")
        }
    }

    private static func seconds(_ d: Double) -> String {
        d < 1 ? "\(Int((d * 1000).rounded())) ms" : "\((d * 100).rounded() / 100) s"
    }

    private func error(_ d: Diagnostic, expected: Bool, widestLine: inout Int) -> String {
        let cls = expected ? "output-error expected" : "output-error"
        let label = expected ? "<span class=\"out-label\">expected error</span>" : ""
        let text = formatter.format(d)
        widestLine = max(widestLine, Self.longestLine(text))
        return "<div class=\"output \(cls)\" role=\"\(expected ? "note" : "alert")\">\(label)<pre>\(HTML.escape(text))</pre></div>"
    }

    /// The length of the longest line of `text`, in characters (Unicode scalars).
    static func longestLine(_ text: String) -> Int {
        var longest = 0, current = 0
        for c in text.unicodeScalars {
            if c == "\n" { current = 0 } else { current += 1; longest = max(longest, current) }
        }
        return longest
    }

    /// A value as rich as it can be: tables as HTML tables, figures as SVG, the rest as text.
    func richValue(_ value: RichValue, figureCounter: inout Int, widestLine: inout Int) -> String {
        switch value {
        case .text(let t):
            widestLine = max(widestLine, Self.longestLine(t))
            return "<pre class=\"output output-value\">\(HTML.escape(t))</pre>"
        case .tensor(let shape, let text):
            widestLine = max(widestLine, Self.longestLine(text))
            let dims = shape.map { $0.map(String.init) ?? "?" }.joined(separator: ", ")
            let shapeText = "(" + dims + (shape.count == 1 ? ",)" : ")")
            return "<div class=\"output output-tensor\"><span class=\"tensor-shape\">shape \(HTML.escape(shapeText))</span><pre>\(HTML.escape(text))</pre></div>"
        case .table(let t):
            return table(t)
        case .figure(let f):
            figureCounter += 1
            return "<figure class=\"output output-figure\">\(FigureSVG.svg(f, idPrefix: "fig\(figureCounter)"))</figure>"
        }
    }

    private func table(_ t: Table) -> String {
        var s = "<div class=\"output output-table\"><table>"
        if let title = t.title { s += "<caption>\(HTML.escape(title))</caption>" }
        if !t.columns.isEmpty {
            s += "<thead><tr>" + t.columns.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead>"
        }
        s += "<tbody>"
        for row in t.rows {
            s += "<tr>" + row.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>"
        }
        s += "</tbody></table>"
        if !t.footer.isEmpty {
            s += "<p class=\"table-footer\">" + t.footer.map(HTML.escape).joined(separator: "<br/>") + "</p>"
        }
        return s + "</div>"
    }
}
