// The box table Keras 3 prints for `model.summary()`, laid out as the `rich` library lays it out
// (rich/table.py column widths, rich/_wrap.py word wrapping, "…" for words too long for a cell),
// so the text matches Keras's character for character.

/// A table with fixed column widths as Keras asks rich for them.
struct SummaryTable {
    enum Justify { case left, right }

    let headers: [String]
    let justify: [Justify]
    /// Column widths from Keras's relative `positions` of a `lineLength`-wide line.
    let requestedWidths: [Int]
    let lineLength: Int

    init(headers: [String], justify: [Justify], positions: [Double], lineLength: Int) {
        self.headers = headers
        self.justify = justify
        self.lineLength = lineLength
        var widths: [Int] = []
        var current = 0
        for p in positions {
            let w = Int(p * Double(lineLength)) - current
            widths.append(w)
            current += w
        }
        requestedWidths = widths
    }

    /// Cell widths including one space of padding on each side, shrunk evenly to fit the line
    /// between the borders (rich's `ratio_reduce` with Python's round-half-even).
    var columnWidths: [Int] {
        var widths = requestedWidths.map { $0 + 2 }
        let available = lineLength - (widths.count + 1)
        let excess = widths.reduce(0, +) - available
        if excess > 0 {
            var remaining = excess
            var ratioLeft = widths.count
            for i in widths.indices {
                let share = (Double(remaining) / Double(ratioLeft)).rounded(.toNearestOrEven)
                let reduce = min(widths[i], Int(share))
                widths[i] -= reduce
                remaining -= reduce
                ratioLeft -= 1
            }
        }
        return widths
    }

    /// The table's lines for `rows` of cell texts.
    func render(_ rows: [[String]]) -> [String] {
        let widths = columnWidths
        func rule(_ left: String, _ fill: String, _ mid: String, _ right: String) -> String {
            left + widths.map { String(repeating: fill, count: $0) }.joined(separator: mid) + right
        }
        func rowLines(_ cells: [String], bar: String) -> [String] {
            let wrapped = cells.enumerated().map { i, text in
                SummaryTable.wrap(text, width: widths[i] - 2, justify: justify[i])
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                bar + wrapped.enumerated().map { i, lines in
                    " " + (line < lines.count ? lines[line] : String(repeating: " ", count: widths[i] - 2)) + " "
                }.joined(separator: bar) + bar
            }
        }
        var out = [rule("┏", "━", "┳", "┓")]
        out += rowLines(headers, bar: "┃")
        out.append(rule("┡", "━", "╇", "┩"))
        for (i, row) in rows.enumerated() {
            if i > 0 { out.append(rule("├", "─", "┼", "┤")) }
            out += rowLines(row, bar: "│")
        }
        out.append(rule("└", "─", "┴", "┘"))
        return out
    }

    /// rich's word wrap with `overflow="ellipsis"`: greedy by words (a word keeps its trailing
    /// spaces), a word longer than the width alone on its line and cut with "…"; each line
    /// padded (left) or right-aligned to exactly `width` characters.
    static func wrap(_ text: String, width: Int, justify: Justify) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in words(text) {
            let length = word.trimmingTrailingSpaces().count
            if width - line.count >= length {
                line += word
            } else if length > width {
                if !line.isEmpty { lines.append(line) }
                line = word
            } else if !line.isEmpty {
                lines.append(line)
                line = word
            } else {
                line += word
            }
        }
        lines.append(line)
        return lines.map { raw in
            var l = raw
            if l.count > width { l = l.trimmingTrailingSpaces(downTo: width) }
            if justify == .right { l = l.trimmingTrailingSpaces() }
            if l.count > width { l = String(l.prefix(width - 1)) + "…" }
            let pad = String(repeating: " ", count: max(width - l.count, 0))
            return justify == .left ? l + pad : pad + l
        }
    }

    /// rich's words: `\s*\S+\s*` matches, each with its surrounding spaces.
    private static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var seenNonSpace = false
        for ch in text {
            if ch == " " {
                current.append(ch)
            } else {
                if seenNonSpace, current.last == " " {
                    result.append(current)
                    current = ""
                }
                current.append(ch)
                seenNonSpace = true
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }

    /// rich's `rstrip_end`: drops trailing spaces only past `width`.
    func trimmingTrailingSpaces(downTo width: Int) -> String {
        var s = self
        while s.count > width, s.last == " " { s.removeLast() }
        return s
    }
}
