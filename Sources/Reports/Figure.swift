import Foundation

/// A figure made in a cell. The page draws it as inline SVG; the terminal and the snapshot
/// show its data as text.
public enum Figure: Sendable, Hashable, Codable {
    case heatmap(Heatmap)
    case linePlot(LinePlot)

    public var plainText: String {
        switch self {
        case .heatmap(let h): return h.plainText
        case .linePlot(let p): return p.plainText
        }
    }
}

/// A matrix of values drawn as coloured cells, e.g. attention weights (rows: output steps,
/// columns: input steps).
public struct Heatmap: Sendable, Hashable, Codable {
    public var title: String?
    public var values: [[Double]]
    public var rowLabels: [String]
    public var columnLabels: [String]

    public init(title: String? = nil, values: [[Double]], rowLabels: [String] = [], columnLabels: [String] = []) {
        self.title = title
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
    }

    public var plainText: String {
        var lines = ["heatmap\(title.map { " \"\($0)\"" } ?? "") \(values.count)x\(values.first?.count ?? 0)"]
        if !columnLabels.isEmpty { lines.append("columns: " + columnLabels.joined(separator: " ")) }
        for (i, row) in values.enumerated() {
            let label = i < rowLabels.count ? rowLabels[i] + ": " : ""
            lines.append(label + row.map { formatFigureNumber($0) }.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}

/// One or more series of y values over x values.
public struct LinePlot: Sendable, Hashable, Codable {
    public struct Series: Sendable, Hashable, Codable {
        public var label: String
        public var x: [Double]
        public var y: [Double]
        public init(label: String, x: [Double], y: [Double]) {
            self.label = label
            self.x = x
            self.y = y
        }
    }

    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var series: [Series]

    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, series: [Series]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    public var plainText: String {
        var lines = ["linePlot\(title.map { " \"\($0)\"" } ?? "")"]
        for s in series {
            lines.append("\(s.label): " + zip(s.x, s.y).map { "(\(formatFigureNumber($0)), \(formatFigureNumber($1)))" }.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}

/// Numbers in a figure's text form: 6 significant digits (`%g`), the same on every machine.
func formatFigureNumber(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return String(format: "%g", x)
}
