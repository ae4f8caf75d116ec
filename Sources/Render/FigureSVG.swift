import Foundation
import Reports

/// Figures as inline SVG: drawn at build time, with axis labels, a colour scale or legend, and
/// `<title>` tooltips on every cell or point (hover shows the value, no JavaScript).
enum FigureSVG {
    /// `idPrefix` makes gradient ids unique within the page.
    static func svg(_ figure: Figure, idPrefix: String) -> String {
        switch figure {
        case .heatmap(let h): return heatmap(h, idPrefix: idPrefix)
        case .linePlot(let p): return linePlot(p)
        }
    }

    // MARK: Heatmap

    static func heatmap(_ h: Heatmap, idPrefix: String) -> String {
        let rows = h.values.count
        let columns = h.values.map(\.count).max() ?? 0
        guard rows > 0, columns > 0 else { return "<p class=\"figure-empty\">empty heatmap</p>" }
        let finite = h.values.joined().filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let span = high > low ? high - low : 1

        // Cells shrink to keep the figure at most ~640 px wide and ~560 px tall.
        let cell = max(2.0, min(28.0, 560.0 / Double(columns), 480.0 / Double(rows)))
        let rowLabelWidth = h.rowLabels.isEmpty ? 24.0 : min(140.0, 8.0 + 7.0 * Double(h.rowLabels.map(\.count).max() ?? 0))
        let columnLabelHeight = h.columnLabels.isEmpty ? 16.0 : min(100.0, 10.0 + 6.5 * Double(h.columnLabels.map(\.count).max() ?? 0))
        let titleHeight = h.title == nil ? 0.0 : 22.0
        let gridX = rowLabelWidth, gridY = titleHeight + columnLabelHeight
        let gridW = cell * Double(columns), gridH = cell * Double(rows)
        let scaleX = gridX + gridW + 18
        let width = scaleX + 70, height = max(gridY + gridH + 10, gridY + 130)
        let showLabels = cell >= 9

        var s = svgOpen(width: width, height: height, label: h.title ?? "heatmap \(rows)×\(columns)")
        if let title = h.title {
            s += text(title, x: width / 2, y: 15, anchor: "middle", cls: "fig-title")
        }
        // Column labels at the top (rotated when long), row labels at the left.
        let rotate = (h.columnLabels.map(\.count).max() ?? 0) > 2
        for (j, label) in h.columnLabels.prefix(columns).enumerated() where showLabels {
            let x = gridX + cell * (Double(j) + 0.5)
            if rotate {
                s += "<text class=\"fig-label\" transform=\"translate(\(f(x + 3)),\(f(gridY - 4))) rotate(-60)\">\(HTML.escape(label))</text>"
            } else {
                s += text(label, x: x, y: gridY - 4, anchor: "middle", cls: "fig-label")
            }
        }
        for (i, label) in h.rowLabels.prefix(rows).enumerated() where showLabels {
            s += text(label, x: gridX - 4, y: gridY + cell * (Double(i) + 0.5) + 4, anchor: "end", cls: "fig-label")
        }
        if h.rowLabels.isEmpty, h.columnLabels.isEmpty {
            s += text("columns →", x: gridX, y: gridY - 4, anchor: "start", cls: "fig-label")
            s += "<text class=\"fig-label\" transform=\"translate(\(f(gridX - 6)),\(f(gridY))) rotate(-90)\" text-anchor=\"end\">rows →</text>"
        }
        for (i, row) in h.values.enumerated() {
            for (j, v) in row.enumerated() {
                let rowName = i < h.rowLabels.count ? h.rowLabels[i] : "row \(i)"
                let columnName = j < h.columnLabels.count ? h.columnLabels[j] : "column \(j)"
                let fill = v.isFinite ? colour((v - low) / span) : "#888888"
                s += "<rect x=\"\(f(gridX + cell * Double(j)))\" y=\"\(f(gridY + cell * Double(i)))\" width=\"\(f(cell))\" height=\"\(f(cell))\" fill=\"\(fill)\">"
                s += "<title>\(HTML.escape("\(rowName), \(columnName): \(number(v))"))</title></rect>"
            }
        }
        // Colour scale: a vertical gradient from high (top) to low (bottom) with its end values.
        let gradientID = "\(idPrefix)-scale"
        let barH = max(min(gridH, 200), 100)
        s += "<defs><linearGradient id=\"\(gradientID)\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">"
        for k in 0...8 {
            let t = Double(k) / 8
            s += "<stop offset=\"\(f(t * 100))%\" stop-color=\"\(colour(t))\"/>"
        }
        s += "</linearGradient></defs>"
        s += "<g class=\"fig-scale\"><title>colour scale: \(HTML.escape(number(low))) to \(HTML.escape(number(high)))</title>"
        s += "<rect x=\"\(f(scaleX))\" y=\"\(f(gridY))\" width=\"12\" height=\"\(f(barH))\" fill=\"url(#\(gradientID))\"/>"
        s += text(number(high), x: scaleX + 16, y: gridY + 9, anchor: "start", cls: "fig-tick")
        s += text(number(low), x: scaleX + 16, y: gridY + barH, anchor: "start", cls: "fig-tick")
        s += "</g></svg>"
        return s
    }

    /// Viridis, sampled at 9 stops and interpolated: perceptually even, readable in light and dark.
    static func colour(_ t: Double) -> String {
        let stops: [(Double, Double, Double)] = [
            (68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
            (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37),
        ]
        let x = min(max(t.isFinite ? t : 0, 0), 1) * Double(stops.count - 1)
        let i = min(Int(x), stops.count - 2)
        let u = x - Double(i)
        let a = stops[i], b = stops[i + 1]
        func mix(_ p: Double, _ q: Double) -> Int { Int((p + (q - p) * u).rounded()) }
        return String(format: "#%02x%02x%02x", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    // MARK: Line plot

    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]

    static func linePlot(_ p: LinePlot) -> String {
        let xs = p.series.flatMap(\.x).filter(\.isFinite)
        let ys = p.series.flatMap(\.y).filter(\.isFinite)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else {
            return "<p class=\"figure-empty\">empty plot</p>"
        }
        // Whole x values (epochs, steps) get whole ticks: no "epoch 1.5".
        let xTicks = niceTicks(x0, x1, whole: xs.allSatisfy { $0 == $0.rounded() }), yTicks = niceTicks(y0, y1)
        let xLow = xTicks.first!, xHigh = xTicks.last!, yLow = yTicks.first!, yHigh = yTicks.last!
        let left = 60.0, top = p.title == nil ? 12.0 : 30.0, plotW = 460.0, plotH = 260.0
        let legendW = p.series.count > 1 || !(p.series.first?.label.isEmpty ?? true) ? 130.0 : 0
        let width = left + plotW + 16 + legendW, height = top + plotH + 50
        func px(_ x: Double) -> Double { left + (x - xLow) / max(xHigh - xLow, .leastNonzeroMagnitude) * plotW }
        func py(_ y: Double) -> Double { top + plotH - (y - yLow) / max(yHigh - yLow, .leastNonzeroMagnitude) * plotH }

        var s = svgOpen(width: width, height: height, label: p.title ?? "line plot")
        if let title = p.title { s += text(title, x: left + plotW / 2, y: 18, anchor: "middle", cls: "fig-title") }
        // Grid and ticks.
        for t in xTicks {
            s += "<line class=\"fig-grid\" x1=\"\(f(px(t)))\" y1=\"\(f(top))\" x2=\"\(f(px(t)))\" y2=\"\(f(top + plotH))\"/>"
            s += text(number(t), x: px(t), y: top + plotH + 16, anchor: "middle", cls: "fig-tick")
        }
        for t in yTicks {
            s += "<line class=\"fig-grid\" x1=\"\(f(left))\" y1=\"\(f(py(t)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(py(t)))\"/>"
            s += text(number(t), x: left - 6, y: py(t) + 4, anchor: "end", cls: "fig-tick")
        }
        s += "<rect class=\"fig-frame\" x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\"/>"
        if let xl = p.xLabel { s += text(xl, x: left + plotW / 2, y: top + plotH + 38, anchor: "middle", cls: "fig-label") }
        if let yl = p.yLabel {
            s += "<text class=\"fig-label\" text-anchor=\"middle\" transform=\"translate(14,\(f(top + plotH / 2))) rotate(-90)\">\(HTML.escape(yl))</text>"
        }
        for (k, series) in p.series.enumerated() {
            let colour = palette[k % palette.count]
            let points = zip(series.x, series.y).map { ($0, $1) }
            // A non-finite value breaks the line.
            var segments: [[(Double, Double)]] = [[]]
            for pt in points {
                if pt.0.isFinite && pt.1.isFinite { segments[segments.count - 1].append(pt) } else if !segments.last!.isEmpty { segments.append([]) }
            }
            s += "<g class=\"fig-series\"><title>\(HTML.escape(series.label))</title>"
            for seg in segments where !seg.isEmpty {
                let coords = seg.map { "\(f(px($0.0))),\(f(py($0.1)))" }.joined(separator: " ")
                s += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(coords)\"/>"
            }
            if points.count <= 60 {
                for (x, y) in points where x.isFinite && y.isFinite {
                    s += "<circle cx=\"\(f(px(x)))\" cy=\"\(f(py(y)))\" r=\"3\" fill=\"\(colour)\"><title>\(HTML.escape("\(series.label) (\(number(x)), \(number(y)))"))</title></circle>"
                }
            }
            s += "</g>"
            if legendW > 0 {
                let ly = top + 10 + 18 * Double(k), lx = left + plotW + 16
                s += "<line x1=\"\(f(lx))\" y1=\"\(f(ly))\" x2=\"\(f(lx + 18))\" y2=\"\(f(ly))\" stroke=\"\(colour)\" stroke-width=\"3\"/>"
                s += text(series.label, x: lx + 24, y: ly + 4, anchor: "start", cls: "fig-label")
            }
        }
        s += "</svg>"
        return s
    }

    /// Round tick values covering [low, high] (about 5 of them); `whole`: steps of at least 1.
    static func niceTicks(_ low: Double, _ high: Double, whole: Bool = false) -> [Double] {
        var low = low, high = high
        if high - low < 1e-12 * max(abs(low), 1) {
            low -= 0.5 * max(abs(low), 1)
            high += 0.5 * max(abs(high), 1)
        }
        let raw = (high - low) / 5
        // A range too wide for doubles (-1e308 to 1e308): just its ends.
        guard raw.isFinite, raw > 0 else { return [low, high] }
        let magnitude = pow(10, floor(log10(raw)))
        let nice = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let step = whole ? max(nice == 2.5 ? 5 : nice, 1) : nice
        let first = floor(low / step) * step, last = ceil(high / step) * step
        let steps = ((last - first) / step).rounded()
        guard steps.isFinite, steps <= 100 else { return [low, high] }
        let count = Int(steps)
        // Printed with 12 significant digits and read back, so 3 × 0.2 is 0.6, not 0.6000000000000001.
        return (0...max(count, 1)).map { Double(String(format: "%.12g", first + Double($0) * step)) ?? 0 }
    }

    // MARK: Pieces

    private static func svgOpen(width: Double, height: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure\" role=\"img\" aria-label=\"\(HTML.escapeAttribute(label))\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\">"
    }

    private static func text(_ s: String, x: Double, y: Double, anchor: String, cls: String) -> String {
        "<text class=\"\(cls)\" x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\">\(HTML.escape(s))</text>"
    }

    /// Coordinates with at most one decimal: small pages, same text on every machine.
    static func f(_ x: Double) -> String {
        // Only data that no axis can hold (infinite spans) gets here non-finite.
        guard x.isFinite, abs(x) < 1e12 else { return "0" }
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func number(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return String(format: "%.4g", x)
    }
}
