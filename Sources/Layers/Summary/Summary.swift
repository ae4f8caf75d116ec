// `model.summary()`: Keras 3's table as a value (rows for an HTML table) and as Keras's text.
import Foundation
import Tensors

/// One row of a summary: an operation of the model.
public struct SummaryRow: Equatable, Sendable {
    public let name: String
    public let className: String
    /// Keras's text: `(None, 500, 128)`, or `[(None, 500, 128), (None, 64)]` for several outputs.
    public let outputShape: String
    public let parameterCount: Int
    /// `embedding[0][0]`-style inputs; empty for inputs (Keras prints `-`).
    public let connectedTo: [String]
    /// False for a layer not built yet (Keras prints `?` and `0 (unbuilt)`).
    public var isBuilt = true
}

/// What `summary()` returns: the rows, the totals, and the exact text Keras 3 prints.
public struct ModelSummary: Sendable {
    public let modelName: String
    public let rows: [SummaryRow]
    /// Sequential models have no "Connected to" column.
    public let showsConnections: Bool
    public let totalParameters: Int
    public let trainableParameters: Int
    public var nonTrainableParameters: Int { totalParameters - trainableParameters }

    /// Keras's text for a line width; 76 is what Keras uses without a terminal (min(108, 80 − 4)),
    /// i.e. what a notebook shows.
    public func text(lineLength: Int = 76) -> String {
        let table: SummaryTable
        if showsConnections {
            table = SummaryTable(headers: ["Layer (type)", "Output Shape", "Param #", "Connected to"],
                                 justify: [.left, .left, .right, .left], positions: [0.3, 0.56, 0.74, 1.0],
                                 lineLength: lineLength)
        } else {
            table = SummaryTable(headers: ["Layer (type)", "Output Shape", "Param #"],
                                 justify: [.left, .left, .right], positions: [0.45, 0.80, 1.0],
                                 lineLength: lineLength)
        }
        let cells = rows.map { row -> [String] in
            let parameters = ModelSummary.grouped(row.parameterCount) + (row.isBuilt ? "" : " (unbuilt)")
            let first = ["\(row.name) (\(row.className))", row.outputShape, parameters]
            return showsConnections ? first + [row.connectedTo.isEmpty ? "-" : row.connectedTo.joined(separator: ", ")] : first
        }
        var lines = ["Model: \"\(modelName)\""] + table.render(cells)
        lines.append(" Total params: \(ModelSummary.grouped(totalParameters)) (\(ModelSummary.memory(totalParameters)))")
        lines.append(" Trainable params: \(ModelSummary.grouped(trainableParameters)) (\(ModelSummary.memory(trainableParameters)))")
        lines.append(" Non-trainable params: \(ModelSummary.grouped(nonTrainableParameters)) (\(ModelSummary.memory(nonTrainableParameters)))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `1496810` → `1,496,810` (Python's `{:,}`).
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Keras's `readable_memory_size` of float32 parameters: `5.71 MB`, `0.00 B`.
    static func memory(_ parameters: Int) -> String {
        var size = Double(parameters * 4)
        for unit in ["B", "KB", "MB", "GB", "TB"] {
            if size / 1024 < 1 { return String(format: "%.2f %@", size, unit) }
            size /= 1024
        }
        return String(format: "%.2f PB", size)
    }

    /// Keras's shape text: `(None, 500, 128)` (a rank-1 shape prints `(5)`, as Keras joins dims).
    static func shapeText(_ shape: TensorShape) -> String {
        "(" + shape.dimensions.map { $0.map(String.init) ?? "None" }.joined(separator: ", ") + ")"
    }
}

extension Model {
    /// The summary Keras 3 prints for this model (`summary().text()`).
    public func summary() -> ModelSummary {
        let modelNodes = Set(nodes.map(ObjectIdentifier.init))
        let rows = operations.map { op -> SummaryRow in
            let opNodes = nodes.filter { $0.operation === op }.sorted { $0.index < $1.index }
            let last = opNodes.last!
            let shapes = last.outputShapes.map(ModelSummary.shapeText)
            let shape = last.returnsList || shapes.count > 1 ? "[" + shapes.joined(separator: ", ") + "]" : shapes[0]
            let connections = opNodes.flatMap { node in
                node.inputs.compactMap { x -> String? in
                    guard let h = history(x), let producer = h.node, modelNodes.contains(ObjectIdentifier(node)) else { return nil }
                    return "\(producer.operation.name)[\(producer.index)][\(h.tensorIndex)]"
                }
            }
            return SummaryRow(name: op.name, className: op.className, outputShape: shape,
                              parameterCount: op.parameterCount, connectedTo: connections)
        }
        return ModelSummary(modelName: name, rows: rows, showsConnections: !isChain,
                            totalParameters: parameterCount, trainableParameters: parameterCount)
    }
}
