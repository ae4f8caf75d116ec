// Figures in cells: `heatmap(_:rowLabels:columnLabels:title:)` and
// `linePlot(_:x:label:title:xLabel:yLabel:)` return a figure value. As a cell's last expression
// it is the cell's result (`.figure`); `display(figure)` shows it mid-cell. The page draws SVG,
// the terminal and the snapshot show its data.
import Foundation
import Reports
import Tensors

let figureType = NativeType(name: "Figure")

func registerFigureBindings(_ b: Builtins) {
    b.types["Figure"] = .native(figureType)
    figureType.describe = { ($0 as? Figure)?.plainText ?? "Figure" }
    figureType.richValue = { v in (v as? Figure).map(RichValue.figure) ?? .text("Figure") }

    b.bind("heatmap", [.unlabelled, .labelledDefault("rowLabels", .array(ArrayStorage([]))),
                       .labelledDefault("columnLabels", .array(ArrayStorage([]))), .labelledDefault("title", .none)]) { _, a in
        let values = try matrix(a[0], "heatmap")
        let rows = try a[1].strings("heatmap(rowLabels:)"), columns = try a[2].strings("heatmap(columnLabels:)")
        if !rows.isEmpty, rows.count != values.count {
            throw RuntimeError("heatmap: \(rows.count) row labels for \(values.count) rows")
        }
        if !columns.isEmpty, columns.count != (values.first?.count ?? 0) {
            throw RuntimeError("heatmap: \(columns.count) column labels for \(values.first?.count ?? 0) columns")
        }
        let title = try a[3].unlessNil.map { try $0.string("heatmap(title:)") }
        return .native(NativeValue(Figure.heatmap(Heatmap(title: title, values: values, rowLabels: rows, columnLabels: columns)), type: figureType))
    }
    b.bind("linePlot", [.unlabelled, .labelledDefault("x", .none), .labelledDefault("label", .string("")),
                        .labelledDefault("title", .none), .labelledDefault("xLabel", .none), .labelledDefault("yLabel", .none)]) { _, a in
        let y = try vector(a[0], "linePlot")
        let x = try a[1].unlessNil.map { try vector($0, "linePlot(x:)") } ?? y.indices.map(Double.init)
        guard x.count == y.count else { throw RuntimeError("linePlot: \(x.count) x values for \(y.count) y values") }
        func text(_ v: Value, _ what: String) throws -> String? { try v.unlessNil.map { try $0.string(what) } }
        let plot = LinePlot(title: try text(a[3], "linePlot(title:)"), xLabel: try text(a[4], "linePlot(xLabel:)"),
                            yLabel: try text(a[5], "linePlot(yLabel:)"),
                            series: [LinePlot.Series(label: try a[2].string("linePlot(label:)"), x: x, y: y)])
        return .native(NativeValue(Figure.linePlot(plot), type: figureType))
    }
}

/// Rows of numbers from a rank-2 tensor (a rank-1 tensor is one row) or `[[Double]]`.
private func matrix(_ v: Value, _ what: String) throws -> [[Double]] {
    if case .native(let n) = v, let t = n.value as? Tensor {
        guard !t.isSymbolic else { throw RuntimeError("\(what): a symbolic tensor of shape \(t.shape) has no values") }
        let values = t.scalars.map(Double.init)
        switch t.rank {
        case 1: return [values]
        case 2:
            let columns = t.shape.dimensions[1] ?? 0
            return columns == 0 ? [] : stride(from: 0, to: values.count, by: columns).map { Array(values[$0..<$0 + columns]) }
        default: throw RuntimeError("\(what): expected a tensor of rank 1 or 2, got shape \(t.shape); reshape it first")
        }
    }
    let rows = try v.array(what).map { try $0.array(what).map { try $0.double(what) } }
    guard Set(rows.map(\.count)).count <= 1 else { throw RuntimeError("\(what): rows have different lengths") }
    return rows
}

/// Numbers from a rank-1 tensor or `[Double]` / `[Int]`.
private func vector(_ v: Value, _ what: String) throws -> [Double] {
    if case .native(let n) = v, let t = n.value as? Tensor {
        guard t.rank == 1, !t.isSymbolic else { throw RuntimeError("\(what): expected a tensor of rank 1, got shape \(t.shape)") }
        return t.scalars.map(Double.init)
    }
    return try v.array(what).map { try $0.double(what) }
}
