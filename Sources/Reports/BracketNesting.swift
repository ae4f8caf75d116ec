/// swift-syntax takes time exponential in a run of nested openers: `[[[[1]]]]`, `([([`, a type
/// `[[[Int]]]` (about twice as long per `[`: 0.4 s at 14, 1.5 s at 16, minutes at 26; parentheses
/// alone or `[1, [1, [1` are fast). So every Swift source nbrun hands to swift-syntax (a cell it
/// runs, a cell or code block it highlights) is checked first: a run of more than
/// `maximumRun` brackets `[` opened one right inside the other is refused, by the interpreter
/// as an error at its place and by the highlighter as plain text. So is nesting of more than
/// `maximumDepth` brackets of any kind (swift-syntax's own limit; string interpolations nested
/// thousands deep take it seconds, in time quadratic in the depth).
public enum BracketNesting {
    public static let maximumRun = 12
    public static let maximumDepth = 256

    public struct Excess: Equatable, Sendable {
        public var line: Int, column: Int
        public var message: String
    }

    /// The first place where `code` nests too deep for swift-syntax, if any.
    public static func check(_ code: String) -> Excess? {
        if let (line, column) = firstExcessiveDepth(in: code) {
            return Excess(line: line, column: column, message: "brackets nested more than \(maximumDepth) deep (string interpolations included)")
        }
        if let (line, column) = firstExcess(in: code) {
            return Excess(line: line, column: column,
                          message: "brackets '[' nested more than \(maximumRun) deep in a row; give the inner arrays names with 'let'")
        }
        return nil
    }

    /// Where `(`, `[` and `{` (counted everywhere, in strings too) first nest past `maximumDepth`.
    static func firstExcessiveDepth(in code: String) -> (line: Int, column: Int)? {
        var depth = 0, line = 1, column = 0
        for c in code.utf8 {
            if c == 0x0A { line += 1; column = 0; continue }
            if c & 0xC0 != 0x80 { column += 1 }
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth { return (line, column) }
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// The first place where `[` nests more than `maximumRun` deep in one run of openers
    /// (`[` and `(` with only white space between them), outside strings and comments.
    /// Lines and columns count from 1 (columns in characters).
    public static func firstExcess(in code: String) -> (line: Int, column: Int)? {
        var line = 1, column = 0
        var run = 0  // `[` in the current run of openers
        var inRun = false
        var it = code.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            guard let c = it.next() else { return nil }
            if c == "\n" { line += 1; column = 0 } else { column += 1 }
            return c
        }
        while let c = next() {
            switch c {
            case "[", "(":
                if !inRun { inRun = true; run = 0 }
                if c == "[" {
                    run += 1
                    if run > maximumRun { return (line, column) }
                }
            case " ", "\t", "\n", "\r":
                continue
            case "\"":
                inRun = false
                skipString(next: next)
            case "/":
                inRun = false
                guard let d = next() else { return nil }
                if d == "/" {
                    while let e = next(), e != "\n" {}
                } else if d == "*" {
                    var depth = 1, previous: Unicode.Scalar = " "
                    while depth > 0, let e = next() {
                        if previous == "/" && e == "*" { depth += 1; previous = " "; continue }
                        if previous == "*" && e == "/" { depth -= 1; previous = " "; continue }
                        previous = e
                    }
                } else {
                    pending = d
                }
            default:
                inRun = false
            }
        }
        return nil
    }

    /// Skips a string literal after its opening quote (`"…"` or `"""…"""`, escapes respected).
    private static func skipString(next: () -> Unicode.Scalar?) {
        var quotes = 1
        var c = next()
        while c == "\"" && quotes < 3 { quotes += 1; c = next() }
        if quotes == 2 { return }  // "" is the empty string
        let multiline = quotes == 3
        var closing = 0
        while let d = c {
            if d == "\\" {
                _ = next()
                closing = 0
            } else if d == "\"" {
                closing += 1
                if !multiline || closing == 3 { return }
            } else {
                closing = 0
                if d == "\n" && !multiline { return }
            }
            c = next()
        }
    }
}
