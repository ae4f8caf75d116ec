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
    let chars: [Character]
    var pos = 0
    var font: MathFont = .italic
    /// How many rows (groups, arguments, environments) are open: bounded, so that a formula
    /// of thousands of nested braces is an error instead of a stack overflow.
    var depth: Int
    static let maximumDepth = 100

    init(_ tex: String, depth: Int = 0) {
        chars = Array(tex)
        self.depth = depth
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
    mutating func parseRow() throws -> [MathAtom] {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw error("formula nested more than \(Self.maximumDepth) levels deep") }
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
    mutating func parseScripts(on base: MathAtom) throws -> MathAtom {
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

    func attach(_ base: MathAtom, sub: String?, sup: String?, primes: String) -> MathAtom {
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
    mutating func parseArgument() throws -> String {
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
    mutating func parseGroup() throws -> [MathAtom] {
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
    mutating func parseAtom() throws -> [MathAtom] {
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
    func single(_ c: Character) -> MathAtom {
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

    mutating func readNumber() -> String {
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

    // MARK: Characters

    /// The name of the command at `pos` (which must be a backslash), without the backslash.
    func peekCommand() -> String? {
        guard pos < chars.count, chars[pos] == "\\", pos + 1 < chars.count else { return nil }
        var end = pos + 1
        if chars[end].isLetter && chars[end].isASCII {
            while end < chars.count, chars[end].isLetter, chars[end].isASCII { end += 1 }
            return String(chars[(pos + 1)..<end])
        }
        return String(chars[pos + 1])
    }

    mutating func readWhile(_ test: (Character) -> Bool) -> String {
        let start = pos
        while pos < chars.count, test(chars[pos]) { pos += 1 }
        return String(chars[start..<pos])
    }

    /// The raw text up to the matching `close` (nested braces kept), which is consumed.
    mutating func readRaw(until close: Character, from start: Int? = nil) throws -> String {
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

    mutating func skipSpaces() {
        while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
    }

    mutating func expect(_ c: Character) throws {
        guard pos < chars.count, chars[pos] == c else {
            throw error(pos < chars.count ? "expected '\(c)' before '\(chars[pos])'" : "missing '\(c)' at the end")
        }
        pos += 1
    }

    func error(_ message: String) -> MathConversionError {
        MathConversionError(message: message)
    }

    /// `\{`, `\%`, `\_` and `\ ` inside `\text{}` are the characters themselves.
    func unescapeText(_ s: String) -> String {
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
    func mrow(_ atoms: [MathAtom]) -> String {
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
