import Foundation
import Notebook
import Reports

/// JUnit XML (the common schema CI systems read): one test suite per notebook, one test case per cell.
enum JUnitReport {
    struct Suite {
        var notebook: Notebook
        var runs: [CellRun]
        /// Failure text per cell index (errors, snapshot diffs).
        var failures: [Int: String]
        var seconds: Double
    }

    static func xml(_ suites: [Suite]) -> String {
        var totalTests = 0, totalFailures = 0, totalSkipped = 0
        var body = ""
        for suite in suites {
            let cells = suite.notebook.cells
            let failures = suite.failures.count
            let skipped = suite.runs.filter { $0.outcome == .skipped || $0.outcome == .notRun }.count
            totalTests += cells.count; totalFailures += failures; totalSkipped += skipped
            body += "  <testsuite name=\"\(x(suite.notebook.path))\" tests=\"\(cells.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(seconds(suite.seconds))\">\n"
            for (i, cell) in cells.enumerated() {
                let run = i < suite.runs.count ? suite.runs[i] : CellRun(outcome: .notRun)
                let name = "\(suite.notebook.path):\(cell.fenceLine) (\(cell.label))"
                body += "    <testcase classname=\"\(x(suite.notebook.path))\" name=\"\(x(name))\" time=\"\(seconds(run.result?.duration ?? 0))\""
                if let failure = suite.failures[i] {
                    let message = failure.split(separator: "\n").first.map(String.init) ?? run.outcome.rawValue
                    body += ">\n      <failure message=\"\(x(message))\" type=\"\(run.outcome.rawValue)\">\(x(failure))</failure>\n    </testcase>\n"
                } else if run.outcome == .skipped || run.outcome == .notRun {
                    body += ">\n      <skipped message=\"\(run.outcome.rawValue)\"/>\n    </testcase>\n"
                } else {
                    body += "/>\n"
                }
            }
            body += "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"nbrun\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" skipped=\"\(totalSkipped)\">\n"
            + body + "</testsuites>\n"
    }

    private static func seconds(_ s: Double) -> String { String(format: "%.3f", s) }

    /// XML-escapes text, dropping characters XML 1.0 cannot hold (ANSI escapes, NUL).
    private static func x(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
