import SwiftDiagnostics
import SwiftOperators
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax
import Reports

/// Parses a cell with swift-syntax and reports its syntax errors as swift-syntax words them,
/// at notebook positions.
enum CellParser {
    /// Swift's operators plus the element-wise comparisons of the tensor API.
    static let operators: OperatorTable = {
        var table = OperatorTable.standardOperators
        let prelude = Parser.parse(source: """
            infix operator .== : ComparisonPrecedence
            infix operator .!= : ComparisonPrecedence
            infix operator .< : ComparisonPrecedence
            infix operator .> : ComparisonPrecedence
            infix operator .<= : ComparisonPrecedence
            infix operator .>= : ComparisonPrecedence
            """)
        try? table.addSourceFile(prelude)
        return table
    }()

    struct Parsed {
        let tree: SourceFileSyntax
        let map: SourceMap
        let errors: [Diagnostic]
    }

    static func parse(_ cell: CellSource) -> Parsed {
        if let excess = BracketNesting.check(cell.code) {
            // Refused before swift-syntax sees it: its parse time doubles with each `[` (Reports/BracketNesting).
            let empty = Parser.parse(source: "")
            let map = SourceMap(converter: SourceLocationConverter(fileName: cell.file, tree: empty), file: cell.file,
                                firstLine: cell.line, column: cell.column)
            let at = SourceLocation(file: cell.file, line: cell.line + excess.line - 1,
                                    column: excess.line == 1 ? cell.column + excess.column - 1 : excess.column)
            return Parsed(tree: empty, map: map, errors: [Diagnostic(excess.message, at: at, kind: "limit")])
        }
        let raw = Parser.parse(source: cell.code)
        let converter = SourceLocationConverter(fileName: cell.file, tree: raw)
        let map = SourceMap(converter: converter, file: cell.file, firstLine: cell.line, column: cell.column)
        var errors: [Diagnostic] = []
        for d in ParseDiagnosticsGenerator.diagnostics(for: raw) where d.diagMessage.severity == .error {
            let start = map.location(d.position)
            var range = SourceRange(at: start)
            if let h = d.highlights.first {
                let r = map.range(h)
                if r.start == start { range = r }
            }
            let fixIts = d.fixIts.map { fix -> Diagnostic.FixIt in
                var replacement: String? = nil
                for change in fix.changes {
                    if case .replace(_, let newNode) = change { replacement = newNode.description; break }
                }
                return Diagnostic.FixIt(message: fix.message.message, range: range, replacement: replacement)
            }
            let notes = d.notes.map { Diagnostic.Note(message: $0.message, range: map.range($0.node)) }
            errors.append(Diagnostic(d.message, at: range, kind: "syntax", notes: notes, fixIts: fixIts))
        }
        if !errors.isEmpty { return Parsed(tree: raw, map: map, errors: errors) }
        var foldErrors: [Diagnostic] = []
        let folded = operators.foldAll(raw) { error in
            foldErrors.append(Diagnostic("\(error)", at: nil, kind: "syntax"))
        }
        let tree = folded.as(SourceFileSyntax.self) ?? raw
        return Parsed(tree: tree, map: map, errors: foldErrors)
    }
}
