import Foundation

/// Commands (`\frac`, `\left`, fonts, accents, ...) and their arguments.
extension TeXParser {

    /// A command and its arguments. Reads the backslash and the name.
    mutating func parseCommand() throws -> [MathAtom] {
        guard let name = peekCommand() else { throw error("lone backslash at the end") }
        pos += name.count + 1
        if let g = MathSymbols.greek[name] {
            let upright = g.isUppercase
            let text = upright ? String(g) : String(MathSymbols.styled(g, font: font))
            return [MathAtom(mathml: upright || font == .normal ? "<mi mathvariant=\"normal\">\(text)</mi>" : "<mi>\(text)</mi>")]
        }
        if let s = MathSymbols.ordinary[name] {
            return [MathAtom(mathml: "<mi mathvariant=\"normal\">\(s)</mi>")]
        }
        if let s = MathSymbols.largeOperators[name] {
            return [MathAtom(mathml: "<mo largeop=\"true\" movablelimits=\"true\">\(s)</mo>", limits: true)]
        }
        if let s = MathSymbols.integrals[name] {
            return [MathAtom(mathml: "<mo largeop=\"true\">\(s)</mo>")]
        }
        if MathSymbols.functions.contains(name) {
            return [MathAtom(mathml: "<mi>\(name)</mi>")]
        }
        if MathSymbols.limitFunctions.contains(name) {
            return [MathAtom(mathml: "<mo movablelimits=\"true\" form=\"prefix\">\(name)</mo>", limits: true)]
        }
        if let s = MathSymbols.operators[name] {
            return [MathAtom(mathml: Self.operator(s))]
        }
        if let w = MathSymbols.spaces[name] {
            return [MathAtom(mathml: "<mspace width=\"\(w)em\"/>")]
        }
        if let accent = MathSymbols.accents[name] {
            let arg = try parseArgument()
            return [MathAtom(mathml: "<mover accent=\"true\">\(arg)<mo stretchy=\"\(accent.stretchy)\">\(escapeMath(accent.mark))</mo></mover>")]
        }
        if let f = MathSymbols.fonts[name] {
            return try withFont(f)
        }
        if let size = MathSymbols.bigSizes[name] {
            let d = try readDelimiter()
            return [MathAtom(mathml: "<mo minsize=\"\(size)\" maxsize=\"\(size)\">\(escapeMath(d))</mo>")]
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let num = try parseArgument(), den = try parseArgument()
            let frac = "<mfrac>\(num)\(den)</mfrac>"
            if name == "dfrac" { return [MathAtom(mathml: "<mstyle displaystyle=\"true\">\(frac)</mstyle>")] }
            if name == "tfrac" { return [MathAtom(mathml: "<mstyle displaystyle=\"false\">\(frac)</mstyle>")] }
            return [MathAtom(mathml: frac)]
        case "binom":
            let n = try parseArgument(), k = try parseArgument()
            return [MathAtom(mathml: "<mrow><mo>(</mo><mfrac linethickness=\"0\">\(n)\(k)</mfrac><mo>)</mo></mrow>")]
        case "sqrt":
            skipSpaces()
            if pos < chars.count, chars[pos] == "[" {
                pos += 1
                let index = try readRaw(until: "]")
                var inner = TeXParser(index, depth: depth)
                let indexML = try inner.parseFormula()
                return [MathAtom(mathml: "<mroot>\(try parseArgument())\(indexML)</mroot>")]
            }
            return [MathAtom(mathml: "<msqrt>\(try parseArgument())</msqrt>")]
        case "text", "textrm", "textnormal", "mbox", "textup", "textit", "textbf", "mathnormal", "hbox":
            skipSpaces()
            try expect("{")
            let text = try readRaw(until: "}")
            return [MathAtom(mathml: "<mtext>\(escapeMath(unescapeText(text)))</mtext>")]
        case "operatorname", "operatorname*":
            skipSpaces()
            var star = false
            if pos < chars.count, chars[pos] == "*" { pos += 1; star = true }
            try expect("{")
            // `arg\,max`: spacing commands become a thin space, other backslashes and braces go.
            var text = try readRaw(until: "}")
            for space in ["\\,", "\\;", "\\:", "\\!", "\\ "] { text = text.replacingOccurrences(of: space, with: "\u{2009}") }
            text = text.filter { $0 != "\\" && $0 != " " && $0 != "{" && $0 != "}" }
            return [MathAtom(mathml: star ? "<mo movablelimits=\"true\" form=\"prefix\">\(escapeMath(text))</mo>" : "<mi>\(escapeMath(text))</mi>", limits: star)]
        case "left":
            return [try parseFenced()]
        case "underline":
            return [MathAtom(mathml: "<munder accentunder=\"true\">\(try parseArgument())<mo stretchy=\"true\">_</mo></munder>")]
        case "overbrace":
            return [MathAtom(mathml: "<mover accent=\"true\">\(try parseArgument())<mo stretchy=\"true\">⏞</mo></mover>", limits: true)]
        case "underbrace":
            return [MathAtom(mathml: "<munder accentunder=\"true\">\(try parseArgument())<mo stretchy=\"true\">⏟</mo></munder>", limits: true)]
        case "overset", "stackrel":
            let over = try parseArgument(), base = try parseArgument()
            return [MathAtom(mathml: "<mover>\(base)\(over)</mover>")]
        case "underset":
            let under = try parseArgument(), base = try parseArgument()
            return [MathAtom(mathml: "<munder>\(base)\(under)</munder>")]
        case "mathop":
            return [MathAtom(mathml: try parseArgument(), limits: true)]
        case "displaystyle", "textstyle", "limits", "nolimits", "nonumber", "notag":
            return []
        case "begin":
            return [try parseEnvironment()]
        default:
            throw error("unsupported command \\\(name)")
        }
    }

    /// `\mathbf{x}` and friends: the argument set in `f`.
    mutating func withFont(_ f: MathFont) throws -> [MathAtom] {
        let saved = font
        font = f
        defer { font = saved }
        return [MathAtom(mathml: try parseArgument())]
    }

    /// `\left( ... \right)`: fences that grow with their content.
    mutating func parseFenced() throws -> MathAtom {
        let open = try readDelimiter()
        let inner = try parseRow()
        guard peekCommand() == "right" else { throw error("\\left without \\right") }
        pos += "right".count + 1
        let close = try readDelimiter()
        func fence(_ d: String, _ form: String) -> String {
            d.isEmpty ? "" : "<mo fence=\"true\" stretchy=\"true\" form=\"\(form)\">\(escapeMath(d))</mo>"
        }
        return MathAtom(mathml: "<mrow>\(fence(open, "prefix"))\(inner.map(\.mathml).joined())\(fence(close, "postfix"))</mrow>")
    }

    /// A delimiter after `\left`, `\right`, `\big`: `(`, `\{`, `\langle`, `.` (none), ...
    mutating func readDelimiter() throws -> String {
        skipSpaces()
        guard pos < chars.count else { throw error("missing delimiter") }
        let c = chars[pos]
        if c == "\\" {
            guard let name = peekCommand(), let s = MathSymbols.operators[name] else {
                throw error("unsupported delimiter \\\(peekCommand() ?? "")")
            }
            pos += name.count + 1
            return s
        }
        pos += 1
        if c == "." { return "" }
        guard "()[]|/<>".contains(c) else { throw error("unsupported delimiter '\(c)'") }
        return c == "<" ? "⟨" : c == ">" ? "⟩" : String(c)
    }

}
