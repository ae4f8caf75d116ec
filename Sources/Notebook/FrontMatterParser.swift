import Foundation
import Reports
import Yams

/// Rule 2 of the format: an optional YAML block between a first line `---` and the next line
/// `---` (or `...`). Every known key is type-checked; unknown keys are errors with a suggestion.
enum FrontMatterParser {
    static let knownKeys = ["title", "seed", "tolerance", "sanitize", "timeout", "allow-errors"]

    /// Reads the front matter at the top of `lines`, if any, and appends problems to `diagnostics`.
    static func parse(lines: [Substring], path: String, diagnostics: inout [Diagnostic]) -> FrontMatter {
        var frontMatter = FrontMatter()
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else { return frontMatter }
        guard let close = lines.indices.dropFirst().first(where: {
            let l = lines[$0].trimmingTrailingSpaces
            return l == "---" || l == "..."
        }) else {
            diagnostics.append(Diagnostic(
                "front matter starting at line 1 is not closed: add a line '---' after the last option",
                at: SourceLocation(file: path, line: 1, column: 1), length: 3, kind: "front-matter"))
            return frontMatter
        }
        frontMatter.lineCount = close + 1
        let yaml = lines[1..<close].joined(separator: "\n")
        let reader = Reader(path: path, lineOffset: 1)
        // Limits before YAML sees it: Yams hashes mapping keys with aliases expanded, so nine
        // levels of nine aliases (a "billion laughs") took minutes. nbrun's keys need no aliases.
        if yaml.utf8.count > maximumSize {
            diagnostics.append(Diagnostic("front matter is \(yaml.utf8.count / 1024) KiB, over its limit of \(maximumSize / 1024) KiB",
                                          at: SourceLocation(file: path, line: 1, column: 1), length: 3, kind: "front-matter"))
            return frontMatter
        }
        if let (line, column) = firstAlias(in: yaml) {
            diagnostics.append(Diagnostic("front matter may not use YAML aliases (*name); write the value out",
                                          at: SourceLocation(file: path, line: line + 1, column: column), kind: "front-matter"))
            return frontMatter
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            diagnostics.append(reader.yamlError(error))
            return frontMatter
        }
        guard let root else { return frontMatter }
        guard let mapping = root.mapping else {
            diagnostics.append(reader.error("front matter must be a list of 'key: value' options", at: root))
            return frontMatter
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "title":
                if let s = value.scalar?.string { frontMatter.title = s }
                else { diagnostics.append(reader.error("'title' must be text", at: value)) }
            case "seed":
                if let n = reader.integer(value) { frontMatter.seed = n }
                else { diagnostics.append(reader.error("'seed' must be a whole number, such as 42", at: value)) }
            case "timeout":
                if let t = reader.number(value), t > 0, t <= FrontMatter.longestTimeout { frontMatter.timeout = t }
                else { diagnostics.append(reader.error("'timeout' must be a number of seconds greater than 0 and at most \(Int(FrontMatter.longestTimeout)) (a day)", at: value)) }
            case "allow-errors":
                if let b = reader.boolean(value) { frontMatter.allowErrors = b }
                else { diagnostics.append(reader.error("'allow-errors' must be true or false", at: value)) }
            case "tolerance":
                frontMatter.tolerance = reader.tolerance(value, diagnostics: &diagnostics)
            case "sanitize":
                frontMatter.sanitize = reader.sanitizers(value, diagnostics: &diagnostics)
            default:
                let hint = Suggestion.closest(to: key, among: knownKeys).map { "; did you mean '\($0)'?" }
                    ?? " (known keys: \(knownKeys.joined(separator: ", ")))"
                diagnostics.append(reader.error("unknown front matter key '\(key)'\(hint)", at: keyNode, length: key.utf8.count))
            }
        }
        return frontMatter
    }

    static let maximumSize = 64 << 10

    /// The first YAML alias (`*name` where a value or key may start), outside quotes and comments.
    static func firstAlias(in yaml: String) -> (line: Int, column: Int)? {
        for (i, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var quote: Character?
            var previous: Character = " "
            for (j, c) in line.enumerated() {
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    if " \t[{,:-".contains(previous) { quote = c }
                } else if c == "#" && (previous == " " || previous == "\t" || j == 0) {
                    break
                } else if c == "*" && " \t[{,:-?".contains(previous) {
                    return (i + 1, j + 1)
                }
                previous = c
            }
        }
        return nil
    }

    /// Turns Yams nodes into typed values and positions in the notebook file.
    struct Reader {
        var path: String
        /// File line of YAML line 1, minus one.
        var lineOffset: Int

        func location(_ node: Node) -> SourceLocation {
            let mark = node.mark
            return SourceLocation(file: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        }

        func error(_ message: String, at node: Node, length: Int? = nil) -> Diagnostic {
            Diagnostic(message, at: location(node), length: length ?? max(1, node.scalar?.string.utf8.count ?? 1),
                       kind: "front-matter")
        }

        func yamlError(_ error: Error) -> Diagnostic {
            var problem = "malformed front matter"
            var line = 1, column = 1
            if let yaml = error as? YamlError {
                switch yaml {
                case .scanner(_, let p, let mark, _), .parser(_, let p, let mark, _), .composer(_, let p, let mark, _):
                    problem = "malformed front matter: \(p)"
                    line = mark.line
                    column = mark.column
                default:
                    problem = "malformed front matter: \(yaml)"
                }
            }
            return Diagnostic(problem + " (front matter is YAML: 'key: value' per line)",
                              at: SourceLocation(file: path, line: line + lineOffset, column: column), kind: "front-matter")
        }

        func integer(_ node: Node) -> Int? {
            guard let scalar = node.scalar, scalar.style == .plain else { return nil }
            return Int(scalar.string)
        }

        func number(_ node: Node) -> Double? {
            guard let scalar = node.scalar, scalar.style == .plain else { return nil }
            return Double(scalar.string)
        }

        func boolean(_ node: Node) -> Bool? {
            guard let scalar = node.scalar, scalar.style == .plain else { return nil }
            switch scalar.string { case "true": return true; case "false": return false; default: return nil }
        }

        func tolerance(_ node: Node, diagnostics: inout [Diagnostic]) -> FrontMatter.Tolerance {
            var tolerance = FrontMatter.Tolerance()
            guard let mapping = node.mapping else {
                diagnostics.append(error("'tolerance' must be a mapping such as {rtol: 1e-5, atol: 1e-6}", at: node))
                return tolerance
            }
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                guard key == "rtol" || key == "atol" else {
                    let hint = Suggestion.closest(to: key, among: ["rtol", "atol"]).map { "; did you mean '\($0)'?" } ?? " (known: rtol, atol)"
                    diagnostics.append(error("unknown tolerance key '\(key)'\(hint)", at: keyNode))
                    continue
                }
                guard let x = number(value), x >= 0, x.isFinite else {
                    diagnostics.append(error("'\(key)' must be a number of at least 0, such as 1e-5", at: value))
                    continue
                }
                if key == "rtol" { tolerance.rtol = x } else { tolerance.atol = x }
            }
            return tolerance
        }

        func sanitizers(_ node: Node, diagnostics: inout [Diagnostic]) -> [FrontMatter.Sanitizer] {
            guard let sequence = node.sequence else {
                diagnostics.append(error("'sanitize' must be a list of {regex: ..., replace: ...}", at: node))
                return []
            }
            var result: [FrontMatter.Sanitizer] = []
            for item in sequence {
                guard let mapping = item.mapping, let regexNode = mapping["regex"], let regex = regexNode.scalar?.string else {
                    diagnostics.append(error("each 'sanitize' entry needs 'regex' (and optionally 'replace')", at: item))
                    continue
                }
                for (keyNode, _) in mapping where keyNode.string != "regex" && keyNode.string != "replace" {
                    diagnostics.append(error("unknown sanitize key '\(keyNode.string ?? "")' (known: regex, replace)", at: keyNode))
                }
                do {
                    _ = try NSRegularExpression(pattern: regex)
                } catch {
                    diagnostics.append(self.error("invalid regular expression '\(regex)'", at: regexNode))
                    continue
                }
                let place = location(regexNode)
                result.append(.init(regex: regex, replace: mapping["replace"]?.scalar?.string ?? "", line: place.line, column: place.column))
            }
            return result
        }
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
