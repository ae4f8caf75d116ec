import Foundation
import Notebook
import Reports

/// `--format ipynb`: the notebook with its outputs as a Jupyter notebook (nbformat 4.5), so it
/// can be opened in Jupyter, Colab or VS Code. Prose becomes Markdown cells, cells code cells with
/// their outputs (printed text as a stream, results as execute_result, errors as error outputs).
public enum IpynbWriter {
    public static func notebookJSON(notebook: Notebook, runs: [CellRun], formatter: DiagnosticFormatter) -> String {
        var cells: [[String: Any]] = []
        var cellIndex = 0
        for (b, block) in notebook.blocks.enumerated() {
            switch block {
            case .prose(let prose):
                cells.append(["cell_type": "markdown", "id": "md-\(b + 1)", "metadata": [String: Any](),
                              "source": sourceLines(prose.markdown)])
            case .code(let code):
                let fence = "```" + (code.language ?? "")
                cells.append(["cell_type": "markdown", "id": "md-\(b + 1)", "metadata": [String: Any](),
                              "source": sourceLines(fence + "\n" + code.code + "\n```")])
            case .cell(let cell):
                let run = cellIndex < runs.count ? runs[cellIndex] : CellRun(outcome: .notRun)
                cellIndex += 1
                let ran = run.result != nil
                var outputs: [[String: Any]] = []
                for output in run.result?.outputs ?? [] {
                    switch output {
                    case .text(let t):
                        outputs.append(["output_type": "stream", "name": "stdout", "text": sourceLines(t)])
                    case .display(let v):
                        outputs.append(["output_type": "display_data", "metadata": [String: Any](),
                                        "data": ["text/plain": sourceLines(v.plainText)]])
                    case .error(let d):
                        outputs.append(["output_type": "error", "ename": d.kind, "evalue": d.message,
                                        "traceback": formatter.format(d).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)])
                    }
                }
                if let result = run.result?.result {
                    outputs.append(["output_type": "execute_result", "execution_count": cell.index, "metadata": [String: Any](),
                                    "data": ["text/plain": sourceLines(result.plainText)]])
                }
                var metadata: [String: Any] = ["nbrun": ["id": cell.identity, "line": cell.fenceLine, "outcome": run.outcome.rawValue]]
                if cell.options.hideSource { metadata["jupyter"] = ["source_hidden": true] }
                if cell.options.hideOutput { metadata["jupyter"] = ["outputs_hidden": true] }
                cells.append(["cell_type": "code", "id": jupyterID(cell.identity), "metadata": metadata,
                              "execution_count": ran ? cell.index as Any : NSNull(),
                              "outputs": outputs, "source": sourceLines(cell.code)])
            }
        }
        let document: [String: Any] = [
            "nbformat": 4, "nbformat_minor": 5, "cells": cells,
            "metadata": ["kernelspec": ["display_name": "Swift (nbrun)", "language": "swift", "name": "nbrun"],
                         "language_info": ["name": "swift", "file_extension": ".swift"],
                         "title": notebook.title],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Jupyter keeps text as a list of lines, each with its newline but the last.
    static func sourceLines(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.enumerated().map { $0.offset < lines.count - 1 ? $0.element + "\n" : $0.element }.filter { !$0.isEmpty }
    }

    /// nbformat ids: 1 to 64 of letters, digits, `-` and `_`.
    static func jupyterID(_ identity: String) -> String { String(identity.prefix(64)) }
}
