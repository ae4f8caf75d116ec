import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax
import Testing

/// The oracle of syntax errors: nbrun reports swift-syntax's own diagnostics, so for every cell of
/// the corpus, the syntax errors that swift-syntax finds in the cell's code (moved to the cell's
/// line in the file) are exactly the cell's expected errors. Cells without syntax errors stay so.
@Suite struct LiterateSyntaxOracleTests {
    @Test(arguments: LiterateCorpus.files)
    func syntaxErrorsAreSwiftSyntaxDiagnostics(_ path: String) throws {
        let file = try LiterateCorpus.load(path)
        for cell in file.cells {
            let tree = Parser.parse(source: cell.code)
            let converter = SourceLocationConverter(fileName: file.name, tree: tree)
            let found = ParseDiagnosticsGenerator.diagnostics(for: tree).map { d -> String in
                let at = d.location(converter: converter)
                return "\(file.name):\(at.line + cell.line - 1):\(at.column): \(d.message)"
            }
            if found.isEmpty { continue }
            #expect(found == cell.errors, "\(path): cell at line \(cell.line)")
        }
    }
}
