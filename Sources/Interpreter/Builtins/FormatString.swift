import Foundation

// `String(format:)` for cells. The author's format string never reaches C as it is: it is
// parsed here into literal text and conversion specifications, each checked against its
// argument by the rules Swift's String(format:) accepts (integers for d i o u x X c C, floating
// point for e E f F g G a A, a value for @), and each specification is then formatted on its own
// with one argument of the right type. A mismatch is an error of the cell: a C string (%s, %S),
// a pointer (%p), a write-back (%n), a long double (%L), a missing argument. So a cell can never
// crash the worker or print its memory through a format.

/// `String(format:)` with C format specifiers, checked (see the comment above).
func formatString(_ format: String, _ args: [Value]) throws -> String {
    var out = ""
    var next = 0  // the next argument, for specifications without a position (`%1$d`)
    func argument(_ position: Int?, for spec: String) throws -> Value {
        let index: Int
        if let position { index = position - 1 } else { index = next; next += 1 }
        guard index >= 0, index < args.count else {
            throw RuntimeError("String(format:): '\(spec)' has no argument (\(args.count) given)")
        }
        return args[index]
    }
    var rest = Substring(format)
    while let percent = rest.firstIndex(of: "%") {
        out += rest[..<percent]
        let spec = try FormatSpecification(parsing: rest[percent...])
        rest = rest[spec.end...]
        if spec.conversion == "%" { out += "%"; continue }
        var widthArgument: Int?, precisionArgument: Int?
        if spec.widthFromArgument { widthArgument = try intArgument(try argument(nil, for: spec.text), spec.text, "width") }
        if spec.precisionFromArgument { precisionArgument = try intArgument(try argument(nil, for: spec.text), spec.text, "precision") }
        let value = try argument(spec.position, for: spec.text)
        out += try spec.format(value, width: widthArgument, precision: precisionArgument)
    }
    out += rest
    return out
}

private func intArgument(_ value: Value, _ spec: String, _ what: String) throws -> Int {
    guard case .int(let n) = value else {
        throw RuntimeError("String(format:): the \(what) '*' of '\(spec)' takes an Int, got '\(typeName(value))'")
    }
    guard abs(n) <= FormatSpecification.largestWidth else {
        throw RuntimeError("String(format:): the \(what) \(n) of '\(spec)' is over \(FormatSpecification.largestWidth)")
    }
    return n
}

/// One `%[position$][flags][width][.precision][length]conversion` of a format string.
struct FormatSpecification {
    /// Widths and precisions above this are refused (a page of padding is already too much).
    static let largestWidth = 10_000

    var text: String
    var end: Substring.Index
    var position: Int?
    var flags = ""
    var width: Int?
    var widthFromArgument = false
    var precision: Int?
    var precisionFromArgument = false
    var length = ""
    var conversion: Character

    init(parsing s: Substring) throws {
        var i = s.index(after: s.startIndex)
        func peek() -> Character? { i < s.endIndex ? s[i] : nil }
        func digits() -> Int? {
            var n: Int?
            while let c = peek(), let d = c.wholeNumberValue, c.isASCII {
                n = min((n ?? 0) * 10 + d, Self.largestWidth + 1)
                i = s.index(after: i)
            }
            return n
        }
        func fail(_ why: String) -> RuntimeError {
            RuntimeError("String(format:): '\(s[s.startIndex..<i])' \(why)")
        }
        // A position (`%2$d`) is digits then `$`; otherwise the digits were the width.
        let afterPercent = i
        if let n = digits(), peek() == "$" {
            position = n
            i = s.index(after: i)
        } else {
            i = afterPercent
        }
        while let c = peek(), "-+ #0'".contains(c) { flags.append(c); i = s.index(after: i) }
        if peek() == "*" { widthFromArgument = true; i = s.index(after: i) } else { width = digits() }
        if peek() == "." {
            i = s.index(after: i)
            if peek() == "*" { precisionFromArgument = true; i = s.index(after: i) } else { precision = digits() ?? 0 }
        }
        while let c = peek(), "hlqLzjt".contains(c) { length.append(c); i = s.index(after: i) }
        guard let c = peek() else { throw fail("is not a complete format specifier") }
        conversion = c
        i = s.index(after: i)
        end = i
        text = String(s[s.startIndex..<i])
        if (width ?? 0) > Self.largestWidth || (precision ?? 0) > Self.largestWidth {
            throw RuntimeError("String(format:): the width or precision of '\(text)' is over \(Self.largestWidth)")
        }
        if position != nil && (widthFromArgument || precisionFromArgument) {
            throw RuntimeError("String(format:): '\(text)' mixes a position with '*'")
        }
        switch c {
        case "%", "d", "i", "o", "u", "x", "X", "c", "C", "D", "U", "O":
            if length.contains("L") { throw RuntimeError("String(format:): '\(text)': the length 'L' is not supported") }
        case "e", "E", "f", "F", "g", "G", "a", "A":
            guard length.isEmpty || length == "l" else {
                throw RuntimeError("String(format:): '\(text)': a floating-point format takes no length other than 'l'\(length == "L" ? " (long double is not supported)" : "")")
            }
        case "@":
            guard length.isEmpty else { throw RuntimeError("String(format:): '\(text)': '%@' takes no length") }
        case "s", "S":
            throw RuntimeError("String(format:): '\(text)' formats a C string pointer, which a cell cannot pass; use %@ for a String")
        case "p":
            throw RuntimeError("String(format:): '\(text)' formats a pointer, which a cell has none of")
        case "n":
            throw RuntimeError("String(format:): '\(text)' writes through a pointer and is not allowed")
        default:
            throw RuntimeError("String(format:): '\(text)' is not a format specifier (use %% for a percent sign)")
        }
    }

    /// This specification applied to `value` (width and precision `*` already read).
    func format(_ value: Value, width: Int?, precision: Int?) throws -> String {
        // The specification rebuilt with `*` replaced by the numbers, without the position.
        var spec = "%" + flags
        if widthFromArgument, let width { spec += String(width) } else if let w = self.width { spec += String(w) }
        if precisionFromArgument, let precision { spec += "." + String(precision) } else if let p = self.precision { spec += "." + String(p) }
        func mismatch(_ wants: String) -> RuntimeError {
            RuntimeError("String(format:): '\(text)' formats \(wants), got '\(typeName(value))'")
        }
        switch conversion {
        case "@":
            let shown: String
            switch value {
            case .string(let s): shown = s
            case .int(let n): shown = String(n)
            case .double(let d): shown = String(d)
            case .float(let f): shown = String(f)
            default: throw mismatch("a String or a number")
            }
            return pad(shown, to: widthFromArgument ? width : self.width, left: flags.contains("-"))
        case "e", "E", "f", "F", "g", "G", "a", "A":
            let d: Double
            switch value {
            case .double(let x): d = x
            case .float(let x): d = Double(x)
            default: throw mismatch("a Double or Float")
            }
            return String(format: spec + length + String(conversion), d)
        default:
            let n: Int
            switch value {
            case .int(let x): n = x
            case .bool(let b): n = b ? 1 : 0
            default: throw mismatch("an integer")
            }
            return String(format: spec + length + String(conversion), n)
        }
    }

    private func pad(_ s: String, to width: Int?, left: Bool) -> String {
        guard let width, abs(width) > s.count else { return s }
        let padding = String(repeating: " ", count: abs(width) - s.count)
        return left || width < 0 ? s + padding : padding + s
    }
}
