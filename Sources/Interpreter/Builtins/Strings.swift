import Foundation
import Reports

/// String and Character methods, `String(format:)`, and regular expressions for cleaning text.
func registerStrings(_ b: Builtins) {
    let t = b.stringType
    registerSequenceMethods(t)
    t.initializer([]) { _, _ in .string("") }
    t.initializer([.unlabelled]) { ctx, args in
        switch args[0] {
        case .string: return args[0]
        case .array(let a): return .string(try a.elements.map { try $0.string() }.joined())
        default: return .string(try ctx.describe(args[0]))
        }
    }
    t.initializer([.labelled("describing")]) { ctx, args in .string(try ctx.describe(args[0])) }
    t.initializer([.labelled("reflecting")]) { ctx, args in .string(try ctx.describe(args[0], debug: true)) }
    t.initializer([.labelled("repeating"), .labelled("count")]) { _, args in
        let n = try args[1].int()
        if n < 0 { throw RuntimeError("Negative count not allowed") }
        return .string(String(repeating: try args[0].string(), count: n))
    }
    t.initializer([.unlabelled, .labelled("radix"), .labelledDefault("uppercase", .bool(false))]) { _, args in
        let radix = try args[1].int()
        guard (2...36).contains(radix) else { throw RuntimeError("Fatal error: Radix must be between 2 and 36") }
        return .string(String(try args[0].int(), radix: radix, uppercase: try args[2].bool()))
    }
    t.initializer([.labelled("format"), .variadic(nil)]) { _, args in
        .string(try formatString(try args[0].string(), try args[1].array()))
    }
    func str(_ v: Value) throws -> String { try v.string("String") }
    t.method("lowercased", []) { _, a in .string(try str(a[0]).lowercased()) }
    t.method("uppercased", []) { _, a in .string(try str(a[0]).uppercased()) }
    t.method("capitalized", []) { _, a in .string(try str(a[0]).capitalized) }
    t.property("capitalized") { _, v in .string(try str(v).capitalized) }
    t.method("hasPrefix", [.unlabelled]) { _, a in .bool(try str(a[0]).hasPrefix(try str(a[1]))) }
    t.method("hasSuffix", [.unlabelled]) { _, a in .bool(try str(a[0]).hasSuffix(try str(a[1]))) }
    t.method("components", [.labelled("separatedBy")]) { _, a in
        if case .implicitMember(let m) = a[1] {
            let set = try characterSet(m.name)
            return .array(ArrayStorage(try str(a[0]).components(separatedBy: set).map(Value.string)))
        }
        return .array(ArrayStorage(try str(a[0]).components(separatedBy: try str(a[1])).map(Value.string)))
    }
    t.method("trimmingCharacters", [.labelled("in")]) { _, a in
        guard case .implicitMember(let m) = a[1] else { throw RuntimeError("trimmingCharacters(in:): expected a character set like .whitespaces") }
        return .string(try str(a[0]).trimmingCharacters(in: try characterSet(m.name)))
    }
    t.method("replacingOccurrences", [.labelled("of"), .labelled("with")]) { _, a in
        .string(try str(a[0]).replacingOccurrences(of: try str(a[1]), with: try str(a[2])))
    }
    t.method("replacingOccurrences", [.labelled("of"), .labelled("with"), .labelled("options")]) { _, a in
        let options = try compareOptions(a[3])
        if options.contains(.regularExpression) {
            return .string(try regexReplace(try str(a[0]), pattern: try str(a[1]), template: try str(a[2]), caseInsensitive: options.contains(.caseInsensitive)))
        }
        return .string(try str(a[0]).replacingOccurrences(of: try str(a[1]), with: try str(a[2]), options: options))
    }
    t.method("replacing", [.unlabelled, .labelled("with")]) { ctx, a in
        if case .native(let n) = a[1], let re = n.value as? RegexValue, case .function(let f) = a[2] {
            // `replacing(regex) { match in "\(match.1) " }`: the match is (whole, group 1, ...).
            let s = try str(a[0])
            let ns = s as NSString
            var out = ""
            var last = 0
            for m in re.regex.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
                out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
                let groups: [Value] = (0..<m.numberOfRanges).map { i in
                    let r = m.range(at: i)
                    return r.location == NSNotFound ? .none : .string(ns.substring(with: r))
                }
                out += try ctx.describe(try ctx.call(f, [.tuple(TupleValue(groups))]))
                last = m.range.location + m.range.length
            }
            out += ns.substring(from: last)
            return .string(out)
        }
        if case .native(let n) = a[1], let re = n.value as? RegexValue {
            return .string(re.regex.stringByReplacingMatches(in: try str(a[0]), range: NSRange(try str(a[0]).startIndex..., in: try str(a[0])),
                                                             withTemplate: NSRegularExpression.escapedTemplate(for: try str(a[2]))))
        }
        return .string(try str(a[0]).replacingOccurrences(of: try str(a[1]), with: try str(a[2])))
    }
    t.method("padding", [.labelled("toLength"), .labelled("withPad"), .labelled("startingAt")]) { _, a in
        .string(try str(a[0]).padding(toLength: try a[1].int(), withPad: try str(a[2]), startingAt: try a[3].int()))
    }
    t.property("utf8") { _, v in .array(ArrayStorage(try str(v).utf8.map { .int(Int($0)) })) }
    t.mutatingMethod("append", [.unlabelled]) { _, v, args in
        guard case .string(var s) = v else { throw RuntimeError("expected a String") }
        v = .void
        s += try args[0].string()
        v = .string(s)
        return .void
    }
    t.mutatingMethod("append", [.labelled("contentsOf")]) { _, v, args in
        guard case .string(var s) = v else { throw RuntimeError("expected a String") }
        v = .void
        s += try args[0].string()
        v = .string(s)
        return .void
    }
    t.mutatingMethod("removeAll", []) { _, v, _ in v = .string(""); return .void }
    t.mutatingMethod("removeLast", []) { _, v, _ in
        guard case .string(var s) = v, !s.isEmpty else { throw RuntimeError("Can't remove last element from an empty collection") }
        v = .void
        let c = s.removeLast()
        v = .string(s)
        return .character(c)
    }
    t.property("description") { _, v in .string(try str(v)) }
    t.property("unicodeScalarValues") { _, v in .array(ArrayStorage(try str(v).unicodeScalars.map { .int(Int($0.value)) })) }
    t.method("contains", [.labelled("regex")]) { _, a in .bool(try str(a[0]).range(of: try str(a[1]), options: .regularExpression) != nil) }
    t.method("firstMatch", [.labelled("of")]) { _, a in
        guard case .native(let n) = a[1], let re = n.value as? RegexValue else { throw RuntimeError("firstMatch(of:): expected a Regex") }
        let s = try str(a[0])
        guard let m = re.regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)), let r = Range(m.range, in: s) else { return .none }
        return .some(.string(String(s[r])))
    }
    t.method("matches", [.labelled("of")]) { _, a in
        guard case .native(let n) = a[1], let re = n.value as? RegexValue else { throw RuntimeError("matches(of:): expected a Regex") }
        let s = try str(a[0])
        return .array(ArrayStorage(re.regex.matches(in: s, range: NSRange(s.startIndex..., in: s)).compactMap { Range($0.range, in: s).map { .string(String(s[$0])) } }))
    }
    registerStringIndices(t)

    let c = b.characterType
    c.initializer([.unlabelled]) { _, a in
        if case .native(let n) = a[0], let scalar = n.value as? Unicode.Scalar { return .character(Character(scalar)) }
        let s = try a[0].string()
        guard s.count == 1 else { throw RuntimeError("Can't form a Character from a String containing more than one extended grapheme cluster") }
        return .character(s.first!)
    }
    func ch(_ v: Value) throws -> Character {
        if case .character(let c) = v { return c }
        if case .string(let s) = v, s.count == 1 { return s.first! }
        throw RuntimeError("expected a Character")
    }
    let flags: [(String, (Character) -> Bool)] = [("isLetter", \.isLetter), ("isNumber", \.isNumber), ("isWhitespace", \.isWhitespace),
        ("isPunctuation", \.isPunctuation), ("isUppercase", \.isUppercase), ("isLowercase", \.isLowercase), ("isASCII", \.isASCII),
        ("isNewline", \.isNewline), ("isSymbol", \.isSymbol), ("isLetterOrDigit", { $0.isLetter || $0.isNumber }), ("isHexDigit", \.isHexDigit)]
    for (name, test) in flags { c.property(name) { _, v in .bool(test(try ch(v))) } }
    c.property("asciiValue") { _, v in (try ch(v)).asciiValue.map { .some(.int(Int($0))) } ?? .none }
    c.property("wholeNumberValue") { _, v in (try ch(v)).wholeNumberValue.map { .some(.int($0)) } ?? .none }
    c.method("lowercased", []) { _, a in .string(try ch(a[0]).lowercased()) }
    c.method("uppercased", []) { _, a in .string(try ch(a[0]).uppercased()) }
    c.property("description") { _, v in .string(String(try ch(v))) }

    // Regex("...") (as `try Regex(...)`) and `#/.../#` literals.
    let regexType = NativeType(name: "Regex")
    regexType.describe = { ($0 as? RegexValue).map { "Regex(\($0.pattern.debugDescription))" } ?? "Regex" }
    regexType.initializer([.unlabelled]) { _, a in
        let pattern = try a[0].string()
        return .native(NativeValue(try RegexValue(pattern), type: regexType))
    }
    _ = b.type(regexType)
}

/// A compiled regular expression (NSRegularExpression: ICU syntax, as Swift's Regex mostly is).
final class RegexValue {
    let pattern: String
    let regex: NSRegularExpression
    init(_ pattern: String) throws {
        self.pattern = pattern
        do { regex = try NSRegularExpression(pattern: pattern) } catch {
            throw RuntimeError("invalid regular expression '\(pattern)'")
        }
    }
}

func regexReplace(_ s: String, pattern: String, template: String, caseInsensitive: Bool) throws -> String {
    let re: NSRegularExpression
    do { re = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : []) } catch {
        throw RuntimeError("invalid regular expression '\(pattern)'")
    }
    return re.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
}

func compareOptions(_ v: Value) throws -> String.CompareOptions {
    var names: [String] = []
    switch v {
    case .implicitMember(let m): names = [m.name]
    case .array(let a): names = a.elements.compactMap { if case .implicitMember(let m) = $0 { return m.name }; return nil }
    default: break
    }
    var options: String.CompareOptions = []
    for n in names {
        switch n {
        case "regularExpression": options.insert(.regularExpression)
        case "caseInsensitive": options.insert(.caseInsensitive)
        case "literal": options.insert(.literal)
        case "backwards": options.insert(.backwards)
        default: throw RuntimeError("unknown string option '.\(n)'")
        }
    }
    return options
}

func characterSet(_ name: String) throws -> CharacterSet {
    switch name {
    case "whitespaces": return .whitespaces
    case "whitespacesAndNewlines": return .whitespacesAndNewlines
    case "newlines": return .newlines
    case "punctuationCharacters": return .punctuationCharacters
    case "decimalDigits": return .decimalDigits
    case "letters": return .letters
    case "alphanumerics": return .alphanumerics
    case "symbols": return .symbols
    default: throw RuntimeError("unknown character set '.\(name)'")
    }
}

/// `s.split(separator: c)` for an ASCII separator, scanning UTF-8 bytes instead of Characters
/// (Character iteration dominated splitting a long text into words). Nil when a separator touches
/// a non-ASCII byte or is CR/LF: a grapheme cluster may then span it (a combining accent after a
/// space, CR LF), and splitting by Characters must decide. Same results as the standard library's
/// `split(separator:maxSplits:omittingEmptySubsequences:)` otherwise, which this mirrors.
func splitBytes(_ text: String, separator: UInt8, maxSplits: Int, omittingEmpty: Bool) -> [Value]? {
    guard separator < 0x80, separator != 0x0A, separator != 0x0D, maxSplits >= 0 else { return nil }
    var text = text
    return text.withUTF8 { bytes -> [Value]? in
        var parts: [Value] = []
        // One quick pass to size the result: no regrowing (and copying) a 100,000-word array.
        var separators = 0
        for b in bytes where b == separator { separators += 1 }
        parts.reserveCapacity(min(separators, maxSplits) + 1)
        var start = 0
        func appendPart(end: Int) -> Bool {
            if start == end && omittingEmpty { return false }
            parts.append(.string(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)))
            return true
        }
        let n = bytes.count
        if maxSplits == 0 || n == 0 {
            _ = appendPart(end: n)
            return parts
        }
        var i = 0
        while i < n {
            if bytes[i] == separator {
                if i > 0 && bytes[i - 1] >= 0x80 || i + 1 < n && bytes[i + 1] >= 0x80 { return nil }
                let appended = appendPart(end: i)
                i += 1
                start = i
                if appended && parts.count == maxSplits { break }
                continue
            }
            i += 1
        }
        if start != n || !omittingEmpty { _ = appendPart(end: n) }
        return parts
    }
}
