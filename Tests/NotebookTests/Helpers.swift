import Reports
@testable import Notebook

/// Parses a notebook written inline in a test.
func parse(_ text: String, path: String = "nb.md", unsafeHTML: Bool = false) -> NotebookParser.Output {
    NotebookParser.parse(bytes: Array(text.utf8), path: path, unsafeHTML: unsafeHTML)
}

/// Parses a notebook that must be valid, returning it.
func notebook(_ text: String, path: String = "nb.md") -> Notebook {
    let out = parse(text, path: path)
    guard let nb = out.notebook else {
        fatalError("expected a valid notebook, got: \(out.diagnostics.map { "\($0.location!): \($0.message)" })")
    }
    return nb
}

/// `line:column: message` of each diagnostic, the form tests compare.
func messages(_ out: NotebookParser.Output) -> [String] {
    out.diagnostics.map { d in "\(d.location.map { "\($0.line):\($0.column): " } ?? "")\(d.severity.rawValue): \(d.message)" }
}

extension Block {
    var prose: Prose? { if case .prose(let p) = self { return p } else { return nil } }
    var code: CodeBlock? { if case .code(let c) = self { return c } else { return nil } }
    var cell: Cell? { if case .cell(let c) = self { return c } else { return nil } }
}
