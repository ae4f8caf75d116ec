import Foundation
import Notebook
import Reports

/// The front matter's `sanitize` rules, applied to the text a snapshot stores, under one time limit
/// for all of a notebook's text (cli.md, Robustness). A pattern that backtracks catastrophically
/// (`(a+)+b` on forty `a`s) would otherwise run for years: ICU calls back every few thousand steps
/// of a match (`.reportProgress`), and the match stops at the deadline.
struct Sanitizers {
    /// Seconds all of a notebook's sanitizing may take together.
    static let defaultTimeLimit: Double = 10

    private let rules: [(regex: NSRegularExpression, rule: FrontMatter.Sanitizer)]
    private let path: String
    private let limit: Double
    private let deadline: Date

    init(_ frontMatter: FrontMatter, path: String, timeLimit: Double = Sanitizers.defaultTimeLimit) {
        // The parser already refused invalid patterns, with their line.
        rules = frontMatter.sanitize.compactMap { s in (try? NSRegularExpression(pattern: s.regex)).map { ($0, s) } }
        self.path = path
        limit = timeLimit
        deadline = Date(timeIntervalSinceNow: timeLimit)
    }

    /// `text` with every rule applied in order; `cell` names the text's cell in the error.
    func apply(_ text: String, cell: String) throws(SanitizerTimeout) -> String {
        var text = text
        for (regex, rule) in rules {
            var matches: [NSTextCheckingResult] = []
            var late = false
            regex.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(text.startIndex..., in: text)) { match, _, stop in
                if let match { matches.append(match) }
                if Date() > deadline { late = true; stop.pointee = true }
            }
            if late { throw SanitizerTimeout(diagnostic: timeout(rule, cell: cell)) }
            guard !matches.isEmpty else { continue }
            let whole = NSString(string: text)
            var out = ""
            var done = 0
            for match in matches {
                out += whole.substring(with: NSRange(location: done, length: match.range.location - done))
                out += regex.replacementString(for: match, in: text, offset: 0, template: rule.replace)
                done = NSMaxRange(match.range)
            }
            out += whole.substring(from: done)
            text = out
        }
        return text
    }

    private func timeout(_ rule: FrontMatter.Sanitizer, cell: String) -> Diagnostic {
        let seconds = limit >= 1 ? String(format: "%g s", limit) : String(format: "%g ms", limit * 1000)
        return Diagnostic(
            "the sanitize pattern '\(rule.regex)' ran past the sanitizers' time limit (\(seconds) for the whole notebook) "
                + "on the output of \(cell), so no snapshot was made; it probably backtracks catastrophically "
                + "(a repetition inside a repetition, such as (a+)+ or (\\w*)*): rewrite it so that each character can match "
                + "in only one way, or remove it",
            at: SourceLocation(file: path, line: max(rule.line, 1), column: max(rule.column, 1)),
            length: max(1, rule.regex.utf8.count), kind: "sanitize-timeout")
    }
}

/// A sanitizer ran past its time limit: the snapshot cannot be made (the notebook fails, naming the pattern).
public struct SanitizerTimeout: Error {
    public let diagnostic: Diagnostic
}
