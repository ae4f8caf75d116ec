// The swift-syntax APIs nbrun uses, compiled by ./dev against the toolchain's prebuilt swift-syntax:
// if this typechecks there, nbrun builds against that copy instead of the package. Keep it in step
// with what Sources/Interpreter and Sources/Render call.
import SwiftSyntax
import SwiftParser
import SwiftParserDiagnostics
import SwiftDiagnostics
import SwiftOperators
import SwiftIDEUtils
let tree = Parser.parse(source: "let x = 1 + 2")
let _ = ParseDiagnosticsGenerator.diagnostics(for: tree)
let folded = OperatorTable.standardOperators.foldAll(tree) { _ in }
for c in tree.classifications { _ = c.kind }
print(folded.description)
