// A tensor's description: exactly NumPy's `str()` of the same float32 or int32 array, with
// NumPy's default print options (precision 8, floatmode 'maxprec', linewidth 75, threshold
// 1000, edgeitems 3, sign '-'). Follows numpy/_core/arrayprint.py: FloatingFormat.fillFormat,
// IntegerFormat and _formatArray.

extension Tensor: CustomStringConvertible {
    public var description: String {
        if isSymbolic { return "<symbolic \(dtype) tensor of shape \(shape)>" }
        return NumpyFormat.string(self)
    }
}

enum NumpyFormat {
    static let precision = 8, lineWidth = 75, threshold = 1000, edgeItems = 3

    static func string(_ t: Tensor) -> String {
        let dims = t.dims
        if dims.isEmpty { return scalarString(t) }
        if t.scalarCount == 0 { return "[]" }
        let summarize = t.scalarCount > threshold
        let sample = edgeOffsets(dims, summarize: summarize)
        let format: (Int) -> String
        switch t.dtype {
        case .float32:
            let p = t.buffer!.floats
            let f = FloatFormat(sample.map { p[$0] })
            format = { f.format(p[$0]) }
        case .int32:
            let p = t.buffer!.ints
            let width = sample.map { String(p[$0]).count }.max() ?? 0
            format = { pad(String(p[$0]), width) }
        }
        var strides = [Int](repeating: 1, count: dims.count)
        for i in stride(from: dims.count - 2, through: 0, by: -1) { strides[i] = strides[i + 1] * dims[i + 1] }
        let layout = Layout(dims: dims, strides: strides, summarize: summarize, format: format)
        return layout.recurse(offset: 0, axis: 0, hangingIndent: " ", currentWidth: lineWidth)
    }

    /// A rank-0 tensor prints as NumPy prints the scalar: `str(np.float32(x))`.
    static func scalarString(_ t: Tensor) -> String {
        if t.dtype == .int32 { return String(t.buffer!.ints[0]) }
        let x = t.buffer!.floats[0]
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let sign = x.sign == .minus ? "-" : ""
        let a = Swift.abs(x)
        if a == 0 || (Double(a) >= 1e-4 && Double(a) < 1e6) {
            let (i, f) = FloatDigits.positional(x, precision: 1000)
            return sign + i + "." + (f.isEmpty ? "0" : f)
        }
        let (first, rest, e) = FloatDigits.scientific(x)
        return sign + first + (rest.isEmpty ? "" : "." + rest) + exponentText(e, digits: 2)
    }

    static func exponentText(_ e: Int, digits: Int) -> String {
        let s = String(Swift.abs(e))
        return "e" + (e < 0 ? "-" : "+") + String(repeating: "0", count: Swift.max(0, digits - s.count)) + s
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }

    /// Offsets of the elements NumPy looks at to choose the format: all of them, or only the
    /// first and last `edgeItems` along each axis when summarising (`_leading_trailing`).
    static func edgeOffsets(_ dims: [Int], summarize: Bool) -> [Int] {
        var strides = [Int](repeating: 1, count: dims.count)
        for i in stride(from: dims.count - 2, through: 0, by: -1) { strides[i] = strides[i + 1] * dims[i + 1] }
        var offsets = [0]
        for (axis, d) in dims.enumerated() {
            let indices = summarize && d > 2 * edgeItems ? Array(0..<edgeItems) + Array((d - edgeItems)..<d) : Array(0..<d)
            offsets = offsets.flatMap { o in indices.map { o + $0 * strides[axis] } }
        }
        return offsets
    }

    /// The nested-bracket layout of `_formatArray`.
    struct Layout {
        let dims: [Int]
        let strides: [Int]
        let summarize: Bool
        let format: (Int) -> String

        func recurse(offset: Int, axis: Int, hangingIndent: String, currentWidth: Int) -> String {
            let axesLeft = dims.count - axis
            if axesLeft == 0 { return format(offset) }
            let nextHanging = hangingIndent + " "
            let nextWidth = currentWidth - 1
            let length = dims[axis]
            let showSummary = summarize && 2 * edgeItems < length
            let leading = showSummary ? edgeItems : 0
            let trailing = showSummary ? edgeItems : length
            func item(_ i: Int) -> String {
                recurse(offset: offset + i * strides[axis], axis: axis + 1,
                        hangingIndent: nextHanging, currentWidth: nextWidth)
            }
            var s = ""
            if axesLeft == 1 {
                let elementWidth = currentWidth - 1   // max(len(separator.rstrip()), len(']'))
                var line = hangingIndent
                for i in 0..<leading {
                    extend(&s, &line, item(i), elementWidth, hangingIndent)
                    line += " "
                }
                if showSummary {
                    extend(&s, &line, "...", elementWidth, hangingIndent)
                    line += " "
                }
                for i in stride(from: trailing, to: 1, by: -1) {
                    extend(&s, &line, item(length - i), elementWidth, hangingIndent)
                    line += " "
                }
                extend(&s, &line, item(length - 1), elementWidth, hangingIndent)
                s += line
            } else {
                let lineSeparator = String(repeating: "\n", count: axesLeft - 1)
                for i in 0..<leading { s += hangingIndent + item(i) + lineSeparator }
                if showSummary { s += hangingIndent + "..." + lineSeparator }
                for i in stride(from: trailing, to: 1, by: -1) { s += hangingIndent + item(length - i) + lineSeparator }
                s += hangingIndent + item(length - 1)
            }
            return "[" + s.dropFirst(hangingIndent.count) + "]"
        }

        /// `_extendLine`: wrap before `word` if the line would pass `width`, unless wrapping
        /// cannot help (the line holds only the indent).
        private func extend(_ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ indent: String) {
            var needsWrap = line.count + word.count > width
            if line.count <= indent.count { needsWrap = false }
            if needsWrap {
                while line.last == " " { line.removeLast() }
                s += line + "\n"
                line = indent
            }
            line += word
        }
    }
}

/// NumPy's FloatingFormat for one array (floatmode 'maxprec', precision 8, sign '-').
struct FloatFormat {
    var scientific = false
    var padLeft = 0, padRight = 0
    var precision = NumpyFormat.precision
    var expSize = -1

    /// `10 ** min(8, finfo(float32).precision)`: NumPy 2.3+ switches float32 arrays to
    /// scientific notation from 1e6.
    static let expCutoffMax = 1e6

    init(_ sample: [Float]) {
        let finite = sample.filter { $0.isFinite }
        let nonZero = finite.filter { $0 != 0 }.map { Swift.abs($0) }
        if let maxV = nonZero.max(), let minV = nonZero.min() {
            if Double(maxV) >= FloatFormat.expCutoffMax || Double(minV) < 0.0001 || Double(maxV / minV) > 1000 { scientific = true }
        }
        if finite.isEmpty {
            padLeft = 0; padRight = 0
        } else if scientific {
            var fracMax = 0, intMax = 0, expMax = 0
            for x in finite {
                let (first, rest, e) = FloatDigits.scientific(x)
                fracMax = Swift.max(fracMax, rest.count)
                intMax = Swift.max(intMax, first.count + (x.sign == .minus ? 1 : 0))
                expMax = Swift.max(expMax, Swift.max(2, String(Swift.abs(e)).count))
            }
            precision = fracMax
            padLeft = intMax
            expSize = expMax
            padRight = expSize + 2 + precision
        } else {
            var intMax = 0, fracMax = 0
            for x in finite {
                let (i, f) = FloatDigits.positional(x, precision: precision)
                intMax = Swift.max(intMax, i.count + (x.sign == .minus ? 1 : 0))
                fracMax = Swift.max(fracMax, f.count)
            }
            padLeft = intMax
            padRight = fracMax
        }
        if finite.count != sample.count {
            let negInf = sample.contains { $0.isInfinite && $0 < 0 }
            let offset = padRight + 1
            padLeft = Swift.max(padLeft, 3 - offset, 3 + (negInf ? 1 : 0) - offset)
        }
    }

    func format(_ x: Float) -> String {
        if !x.isFinite {
            let text = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
            return NumpyFormat.pad(text, padLeft + padRight + 1)
        }
        let sign = x.sign == .minus ? "-" : ""
        if scientific {
            // Dragon4 with min_digits = precision prints the exact value's digits, rounded.
            let text = String(format: "%.\(precision)e", Double(Swift.abs(x)))
            let mantissa = text.prefix(while: { $0 != "e" })
            let e = Int(text[text.index(after: mantissa.endIndex)...])!
            let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
            let frac = parts.count > 1 ? String(parts[1]) : ""
            return NumpyFormat.pad(sign + parts[0], padLeft) + "." + frac + NumpyFormat.exponentText(e, digits: expSize)
        }
        let (i, f) = FloatDigits.positional(x, precision: precision)
        return NumpyFormat.pad(sign + i, padLeft) + "." + f + String(repeating: " ", count: Swift.max(0, padRight - f.count))
    }
}
