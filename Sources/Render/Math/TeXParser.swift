import Foundation

/// Why a formula could not be converted (the page then shows the TeX itself).
public struct MathConversionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// One typeset piece of a formula: its MathML and whether scripts attached to it go under and
/// over (large operators, `\lim`) instead of to the side.
struct MathAtom {
    var mathml: String
    var limits = false
}

/// A recursive-descent reader of TeX math that writes MathML Core as it goes.
/// Grammar (informally): row := (atom scripts*)*; scripts := ('^' | '_') argument | "'";
/// an atom is a character, a `{group}`, or a command with its arguments.
struct TeXParser {
    private let chars: [Character]
    private var pos = 0
    private var font: MathFont = .italic

    init(_ tex: String) {
        chars = Array(tex)
    }

    /// The whole formula as one `<mrow>`.
    /// Lines separated by `\\` outside an environment are stacked, centred (as MathJax does).
    mutating func parseFormula() throws -> String {
        var lines = [mrow(try parseRow())]
        while pos < chars.count {
            let name = peekCommand()
            guard name == "\\" || name == "cr" else {
                if chars[pos] == "}" { throw error("unmatched '}'") }
                if name == "right" { throw error("\\right without \\left") }
                if name == "end" { throw error("\\end without \\begin") }
                throw error("'&' outside an environment such as aligned")
            }
            pos += (name?.count ?? 0) + 1
            lines.append(mrow(try parseRow()))
        }
        if lines.count == 1 { return lines[0] }
        return "<mtable displaystyle=\"true\">" + lines.map { "<mtr><mtd>\($0)</mtd></mtr>" }.joined() + "</mtable>"
    }

    // MARK: Rows and scripts

    /// Reads atoms until `}`, `&`, `\\`, `\right`, `\end` or the end (none of them consumed).
    private mutating func parseRow() throws -> [MathAtom] {
        var atoms: [MathAtom] = []
        while true {
            skipSpaces()
            guard pos < chars.count else { return atoms }
            let c = chars[pos]
            if c == "}" || c == "&" { return atoms }
            if c == "\\", let name = peekCommand(), ["\\", "right", "end", "cr"].contains(name) { return atoms }
            var piece = try parseAtom()
            if piece.isEmpty, c == "^" || c == "_" || c == "'" {
                piece = [MathAtom(mathml: "<mrow></mrow>")]
            }
            if let base = piece.popLast() {
                atoms.append(contentsOf: piece)
                atoms.append(try parseScripts(on: base))
            }
        }
    }

    /// Attaches any `^`, `_` and primes that follow `base`.
    private mutating func parseScripts(on base: MathAtom) throws -> MathAtom {
        var sub: String?, sup: String?
        var primes = ""
        while true {
            skipSpaces()
            guard pos < chars.count else { break }
            switch chars[pos] {
            case "^":
                pos += 1
                guard sup == nil else { throw error("double superscript") }
                sup = try parseArgument()
            case "_":
                pos += 1
                guard sub == nil else { throw error("double subscript") }
                sub = try parseArgument()
            case "'":
                pos += 1
                primes += "′"
            default:
                if let name = peekCommand(), name == "limits" || name == "nolimits" {
                    pos += name.count + 1
                    continue
                }
                return attach(base, sub: sub, sup: sup, primes: primes)
            }
        }
        return attach(base, sub: sub, sup: sup, primes: primes)
    }

    private func attach(_ base: MathAtom, sub: String?, sup: String?, primes: String) -> MathAtom {
        var sup = sup
        if !primes.isEmpty {
            let mark = "<mo>\(primes)</mo>"
            sup = sup.map { "<mrow>\(mark)\($0)</mrow>" } ?? mark
        }
        let b = base.mathml
        let (under, over, both) = base.limits ? ("munder", "mover", "munderover") : ("msub", "msup", "msubsup")
        switch (sub, sup) {
        case (nil, nil): return base
        case (let s?, nil): return MathAtom(mathml: "<\(under)>\(b)\(s)</\(under)>")
        case (nil, let t?): return MathAtom(mathml: "<\(over)>\(b)\(t)</\(over)>")
        case (let s?, let t?): return MathAtom(mathml: "<\(both)>\(b)\(s)\(t)</\(both)>")
        }
    }

    /// A command's or a script's argument: a `{group}` or a single token.
    private mutating func parseArgument() throws -> String {
        skipSpaces()
        guard pos < chars.count else { throw error("missing argument at the end") }
        if chars[pos] == "{" {
            return mrow(try parseGroup())
        }
        let c = chars[pos]
        if c == "}" || c == "&" || c == "^" || c == "_" { throw error("missing argument before '\(c)'") }
        if c == "\\" {
            let atoms = try parseAtom()
            guard !atoms.isEmpty else { throw error("missing argument") }
            return mrow(atoms)
        }
        pos += 1
        return single(c).mathml
    }

    /// `{ ... }`: the atoms inside, braces consumed.
    private mutating func parseGroup() throws -> [MathAtom] {
        try expect("{")
        let saved = font
        let inner = try parseRow()
        font = saved
        try expect("}")
        return inner
    }

    // MARK: Atoms

    /// The next atom(s): a run of letters is several atoms (`xy` is x times y) unless it is a
    /// function word written plainly (`softmax`).
    private mutating func parseAtom() throws -> [MathAtom] {
        let c = chars[pos]
        if c == "{" {
            return [MathAtom(mathml: mrow(try parseGroup()))]
        }
        if c == "\\" {
            return try parseCommand()
        }
        if c == "^" || c == "_" || c == "'" { return [] }
        if c.isNumber, c.isASCII {
            return [MathAtom(mathml: "<mn>\(readNumber())</mn>")]
        }
        if c.isLetter, c.isASCII {
            let word = readWhile { $0.isLetter && $0.isASCII }
            if font == .italic, word.count > 1, MathSymbols.plainFunctionWords.contains(word.lowercased()) {
                return [MathAtom(mathml: "<mi>\(word)</mi>")]
            }
            if font == .normal {
                return [MathAtom(mathml: word.count == 1 ? "<mi mathvariant=\"normal\">\(word)</mi>" : "<mi>\(word)</mi>")]
            }
            return word.map { single($0) }
        }
        pos += 1
        return [single(c)]
    }

    /// One character as an atom, in the current font.
    private func single(_ c: Character) -> MathAtom {
        if let op = MathSymbols.operatorCharacters[c] {
            return MathAtom(mathml: Self.operator(op))
        }
        if c == "~" { return MathAtom(mathml: "<mspace width=\"0.3333em\"/>") }
        if c.isNumber { return MathAtom(mathml: "<mn>\(MathSymbols.styled(c, font: font))</mn>") }
        if c.isLetter {
            let styled = MathSymbols.styled(c, font: font)
            return MathAtom(mathml: font == .normal ? "<mi mathvariant=\"normal\">\(c)</mi>" : "<mi>\(styled)</mi>")
        }
        return MathAtom(mathml: "<mo>\(escapeMath(String(c)))</mo>")
    }

    private mutating func readNumber() -> String {
        var s = ""
        while pos < chars.count {
            let c = chars[pos]
            if c.isASCII && c.isNumber {
                s.append(c)
            } else if c == ".", pos + 1 < chars.count, chars[pos + 1].isASCII, chars[pos + 1].isNumber {
                s.append(c)
            } else {
                break
            }
            pos += 1
        }
        return s.map { MathSymbols.styled($0, font: font) }.map(String.init).joined()
    }

    // MARK: Commands

    /// A command and its arguments. Reads the backslash and the name.
    private mutating func parseCommand() throws -> [MathAtom] {
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
                var inner = TeXParser(index)
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
    private mutating func withFont(_ f: MathFont) throws -> [MathAtom] {
        let saved = font
        font = f
        defer { font = saved }
        return [MathAtom(mathml: try parseArgument())]
    }

    /// `\left( ... \right)`: fences that grow with their content.
    private mutating func parseFenced() throws -> MathAtom {
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
    private mutating func readDelimiter() throws -> String {
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

    // MARK: Environments

    /// `\begin{name} ... \end{name}` (after `\begin` was read): matrices, cases, aligned rows.
    private mutating func parseEnvironment() throws -> MathAtom {
        skipSpaces()
        try expect("{")
        let name = try readRaw(until: "}")
        var columnAlign: [String]? = nil
        if name == "array" {
            skipSpaces()
            try expect("{")
            let spec = try readRaw(until: "}")
            columnAlign = spec.compactMap { ["l": "left", "c": "center", "r": "right"][$0] }
        }
        if name == "alignat" || name == "alignat*" {
            skipSpaces()
            try expect("{")
            _ = try readRaw(until: "}")
        }
        let rows = try parseTableRows()
        guard peekCommand() == "end" else { throw error("\\begin{\(name)} without \\end") }
        pos += 4
        skipSpaces()
        try expect("{")
        let endName = try readRaw(until: "}")
        guard endName == name else { throw error("\\begin{\(name)} ended by \\end{\(endName)}") }

        func table(align: (Int) -> String, attributes: String = "") -> String {
            let body = rows.map { row in
                "<mtr>" + row.enumerated().map { i, cell in
                    let a = align(i)
                    return "<mtd\(a == "center" ? "" : " style=\"text-align: \(a)\"")>\(cell)</mtd>"
                }.joined() + "</mtr>"
            }.joined()
            return "<mtable\(attributes)>\(body)</mtable>"
        }
        if let fences = MathSymbols.matrixFences[name] {
            let t = table(align: { _ in "center" })
            let open = fences.open.isEmpty ? "" : "<mo fence=\"true\" stretchy=\"true\" form=\"prefix\">\(fences.open)</mo>"
            let close = fences.close.isEmpty ? "" : "<mo fence=\"true\" stretchy=\"true\" form=\"postfix\">\(fences.close)</mo>"
            return MathAtom(mathml: "<mrow>\(open)\(t)\(close)</mrow>")
        }
        if let columnAlign {
            return MathAtom(mathml: table(align: { $0 < columnAlign.count ? columnAlign[$0] : "center" }))
        }
        if name == "cases" {
            let t = table(align: { _ in "left" })
            return MathAtom(mathml: "<mrow><mo fence=\"true\" stretchy=\"true\" form=\"prefix\">{</mo>\(t)</mrow>")
        }
        if MathSymbols.alignedEnvironments.contains(name) {
            return MathAtom(mathml: table(align: { $0 % 2 == 0 ? "right" : "left" }, attributes: " displaystyle=\"true\" class=\"tex-aligned\""))
        }
        if MathSymbols.gatheredEnvironments.contains(name) {
            return MathAtom(mathml: table(align: { _ in "center" }, attributes: " displaystyle=\"true\""))
        }
        throw error("unsupported environment \(name)")
    }

    /// Rows separated by `\\`, cells by `&`, until `\end`. Each cell is an `<mrow>`.
    private mutating func parseTableRows() throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        while true {
            let cell = try parseRow()
            row.append(mrow(cell))
            guard pos < chars.count else { throw error("environment not closed") }
            if chars[pos] == "&" {
                pos += 1
                continue
            }
            if chars[pos] == "}" { throw error("unmatched '}'") }
            let name = peekCommand()
            if name == "\\" || name == "cr" {
                pos += (name?.count ?? 0) + 1
                skipSpaces()
                if pos < chars.count, chars[pos] == "[" { _ = try readRaw(until: "]", from: pos + 1) }
                rows.append(row)
                row = []
                skipHline()
                continue
            }
            if name == "end" {
                // A trailing `\\` leaves one empty cell: not a row.
                if !(row.count == 1 && cell.isEmpty) || rows.isEmpty { rows.append(row) }
                return rows
            }
            throw error("\\right without \\left")
        }
    }

    private mutating func skipHline() {
        while true {
            skipSpaces()
            guard let name = peekCommand(), name == "hline" else { return }
            pos += 6
        }
    }

    // MARK: Characters

    /// The name of the command at `pos` (which must be a backslash), without the backslash.
    private func peekCommand() -> String? {
        guard pos < chars.count, chars[pos] == "\\", pos + 1 < chars.count else { return nil }
        var end = pos + 1
        if chars[end].isLetter && chars[end].isASCII {
            while end < chars.count, chars[end].isLetter, chars[end].isASCII { end += 1 }
            return String(chars[(pos + 1)..<end])
        }
        return String(chars[pos + 1])
    }

    private mutating func readWhile(_ test: (Character) -> Bool) -> String {
        let start = pos
        while pos < chars.count, test(chars[pos]) { pos += 1 }
        return String(chars[start..<pos])
    }

    /// The raw text up to the matching `close` (nested braces kept), which is consumed.
    private mutating func readRaw(until close: Character, from start: Int? = nil) throws -> String {
        if let start { pos = start }
        var depth = 0
        var s = ""
        while pos < chars.count {
            let c = chars[pos]
            if c == "\\", pos + 1 < chars.count {
                s.append(c)
                s.append(chars[pos + 1])
                pos += 2
                continue
            }
            if c == close && depth == 0 {
                pos += 1
                return s
            }
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1 }
            s.append(c)
            pos += 1
        }
        throw error("missing '\(close)'")
    }

    private mutating func skipSpaces() {
        while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
    }

    private mutating func expect(_ c: Character) throws {
        guard pos < chars.count, chars[pos] == c else {
            throw error(pos < chars.count ? "expected '\(c)' before '\(chars[pos])'" : "missing '\(c)' at the end")
        }
        pos += 1
    }

    private func error(_ message: String) -> MathConversionError {
        MathConversionError(message: message)
    }

    /// `\{`, `\%`, `\_` and `\ ` inside `\text{}` are the characters themselves.
    private func unescapeText(_ s: String) -> String {
        var out = ""
        var escaped = false
        for c in s {
            if escaped {
                out.append(c == "\\" ? " " : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c != "{" && c != "}" {
                out.append(c)
            }
        }
        return out
    }

    /// An operator. Brackets typed plainly keep their size, as in TeX (MathML Core would
    /// otherwise stretch them to the height of the whole row); `\\left`/`\\right` make growing ones.
    static func `operator`(_ s: String) -> String {
        switch s {
        case "(", "[", "{", "⟨", "⌊", "⌈": return "<mo form=\"prefix\" stretchy=\"false\">\(s)</mo>"
        case ")", "]", "}", "⟩", "⌋", "⌉": return "<mo form=\"postfix\" stretchy=\"false\">\(s)</mo>"
        case "|", "‖", "/": return "<mo stretchy=\"false\">\(s)</mo>"
        default: return "<mo>\(escapeMath(s))</mo>"
        }
    }

    /// A row as one element: a single atom stays as it is, several are wrapped in `<mrow>`.
    private func mrow(_ atoms: [MathAtom]) -> String {
        atoms.count == 1 ? atoms[0].mathml : "<mrow>" + atoms.map(\.mathml).joined() + "</mrow>"
    }
}

/// Escapes text inside MathML elements.
func escapeMath(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for c in s {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        default: out.append(c)
        }
    }
    return out
}
