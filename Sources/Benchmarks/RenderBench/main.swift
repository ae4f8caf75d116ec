import Foundation
import Notebook
import Render
import Reports

// RenderBench: how long one course page takes to render.
//   RenderBench                 a generated 2,000-line notebook with 200 cells (fake runs with
//                               text, tables, heatmaps and errors): parse time, render time
//                               (median of 20), and the ratio to the 100 ms budget.
//   RenderBench --sample DIR    writes the hand-made sample course (attention.html, index.html)
//                               to DIR, for screenshots.

let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "--sample" {
    let folder = URL(fileURLWithPath: arguments.dropFirst().first ?? "output/sample")
    let notebook = SampleCourse.notebook()
    let page = HTMLPage.render(notebook: notebook, runs: SampleCourse.runs(for: notebook),
                               navigation: PageNavigation(index: .init(title: "Course index", href: "index.html")))
    for w in page.warnings { print("warning: \(w.location.map { "\($0)" } ?? ""): \(w.message)") }
    try AtomicFile.write(page.html, to: folder.appendingPathComponent("attention.html"))
    try AtomicFile.write(CourseIndex.render(title: "Sequence to sequence", entries: [
        CourseIndex.Entry(notebook: notebook, href: "attention.html", note: "6 cells: 4 ran, 1 expected error, 1 not run"),
    ]), to: folder.appendingPathComponent("index.html"))
    print("wrote \(folder.path)/attention.html (\(page.html.utf8.count / 1024) KB) and index.html")
    exit(0)
}

/// 200 sections of 10 lines: heading, prose with inline math, display math, a 4-line cell.
func generatedNotebook() -> (text: String, runs: [CellRun]) {
    var lines: [String] = []
    var runs: [CellRun] = []
    for k in 1...200 {
        let code = [
            "```swift id=step-\(k)",
            "let scores\(k) = matmul(keys, query)   // (1, 10, 1)",
            "let weights\(k) = softmax(scores\(k), axis: 1)",
            "print(\"step \(k):\", weights\(k).shape)",
            "```",
        ]
        let heading = "## Step \(k): attention scores"
        let prose = "The decoder state $s_{\(k)}$ meets each encoder state $h_i$ with weight $\\alpha_i^{\(k)}$ and *score* `e`."
        let display = "$$\\alpha^{\(k)} = softmax(e^{\(k)}), \\quad a_{\(k)} = \\sum_{i=1}^{N} \\alpha_i^{\(k)} h_i$$"
        lines.append(heading)
        lines.append(prose)
        lines.append(display)
        lines.append(contentsOf: code)
        lines.append(contentsOf: ["", ""])
        var outputs: [CellOutput] = [.text("step \(k): (1, 10, 1)\n<tensor> & more\n")]
        if k % 10 == 0 {
            outputs.append(.display(.table(Table(columns: ["Layer (type)", "Output Shape", "Param #"],
                                                 rows: (0..<8).map { (n: Int) -> [String] in ["dense_\(n) (Dense)", "(None, \(n * 16))", "\(n * 1000)"] },
                                                 footer: ["Total params: 28,000"], plainText: ""))))
        }
        if k % 20 == 0 {
            var values: [[Double]] = []
            for i in 0..<10 {
                var row: [Double] = []
                for j in 0..<10 { row.append(Double((i * 7 + j * 3) % 11) / 10) }
                values.append(row)
            }
            let labels = (0..<10).map { (n: Int) -> String in "t\(n)" }
            outputs.append(.display(.figure(.heatmap(Heatmap(title: "weights \(k)", values: values,
                                                             rowLabels: labels, columnLabels: labels)))))
        }
        var outcome = CellOutcome.passed
        if k % 50 == 0 {
            outcome = .expectedError
            outputs.append(.error(Diagnostic("matmul: inner dimensions differ: (1, 10, 512) x (1, 100, 1)",
                                             at: SourceLocation(file: "bench.md", line: 10 * (k - 1) + 5, column: 15), length: 18, kind: "runtime")))
        }
        let result = CellResult(status: outcome == .passed ? .succeeded : .failed, outputs: outputs,
                                result: .tensor(shape: [1, 10, 1], text: "[[[0.1]\n  [0.2]]]"))
        runs.append(CellRun(outcome: outcome, result: result))
    }
    return (lines.joined(separator: "\n") + "\n", runs)
}

/// CPU time of this thread in milliseconds: the machine is shared, and wall time would count
/// the time other processes ran.
func milliseconds(_ body: () -> Void) -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
    }
    let start = now()
    body()
    return now() - start
}

let (text, runs) = generatedNotebook()
var parsed: Notebook?
let parseTime = milliseconds { parsed = NotebookParser.parse(text: text, path: "bench.md").notebook }
guard let notebook = parsed else { fatalError("generated notebook does not parse") }
precondition(notebook.cells.count == 200)

var size = 0
var times: [Double] = []
for _ in 0..<20 {
    times.append(milliseconds { size = HTMLPage.render(notebook: notebook, runs: runs).html.utf8.count })
}
times.sort()
let median = times[times.count / 2]
print("notebook: \(text.split(separator: "\n", omittingEmptySubsequences: false).count - 1) lines, \(notebook.cells.count) cells; page \(size / 1024) KB")
print(String(format: "parse (NotebookParser, for reference): %7.1f ms", parseTime))
print(String(format: "render, CPU time (median of 20):      %7.1f ms   (min %.1f, max %.1f)", median, times.first!, times.last!))
print(String(format: "render / budget 100 ms:               %7.2f   %@", median / 100, median < 100 ? "OK" : "OVER BUDGET"))

// Where the time goes: highlighting parses every cell with swift-syntax, which the debug build
// compiles unoptimised (only our own targets get -O, see Package.swift).
var highlightTimes: [Double] = []
for _ in 0..<5 {
    highlightTimes.append(milliseconds { for cell in notebook.cells { _ = SwiftHighlighter.html(cell.code) } })
}
highlightTimes.sort()
let highlight = highlightTimes[highlightTimes.count / 2]
print(String(format: "  of which Swift highlighting (swift-syntax parse + classify, median of 5): %6.1f ms", highlight))
print(String(format: "  the rest (prose, math, outputs, figures, page):                         %6.1f ms", median - highlight))
