import Reports

/// Rule 4 of the format: the words after `swift` in a cell's info string.
enum CellOptionsParser {
    static let flags = ["hide-source", "hide-output", "expect-error", "skip", "no-snapshot"]
    static let valued = ["id", "timeout", "rtol", "atol"]

    /// Parses the options of the info string `info` (which starts with `swift`), written on
    /// `fenceText` at `fenceLine`. Returns the options and the `id=` given, if any.
    static func parse(info: String, fenceText: String, fenceLine: Int, path: String,
                      diagnostics: inout [Diagnostic]) -> (CellOptions, String?) {
        var options = CellOptions()
        var id: String?
        var seen: Set<String> = []
        // Options are searched for after the word `swift`, to find their columns.
        var searchFrom = (fenceText.utf8.firstIndex(of: UInt8(ascii: "s")).map { fenceText.utf8.distance(from: fenceText.utf8.startIndex, to: $0) } ?? 0) + 5
        for word in info.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst() {
            let word = String(word)
            let column = columnOf(word, in: fenceText, from: &searchFrom)
            func fail(_ message: String, fixIt: String? = nil) {
                diagnostics.append(Diagnostic(message, at: SourceLocation(file: path, line: fenceLine, column: column),
                                              length: word.utf8.count, kind: "cell-option",
                                              fixIts: fixIt.map { [.init(message: $0)] } ?? []))
            }
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let key = parts[0]
            if seen.contains(key) { fail("cell option '\(key)' is given twice"); continue }
            seen.insert(key)
            if parts.count == 1 {
                switch key {
                case "hide-source": options.hideSource = true
                case "hide-output": options.hideOutput = true
                case "expect-error": options.expectError = true
                case "skip": options.skip = true
                case "no-snapshot": options.noSnapshot = true
                case _ where valued.contains(key): fail("cell option '\(key)' needs a value: \(key)=\(example(key))")
                default: fail(unknown(key), fixIt: suggestion(key))
                }
                continue
            }
            let value = parts[1]
            switch key {
            case "id":
                if isValidID(value) { id = value }
                else { fail("cell id '\(value)' must use only letters, digits and '-'") }
            case "timeout":
                if let t = Double(value), t > 0, t <= FrontMatter.longestTimeout { options.timeout = t }
                else { fail("'timeout' must be a number of seconds greater than 0 and at most \(Int(FrontMatter.longestTimeout)) (a day), such as timeout=5") }
            case "rtol", "atol":
                if let x = Double(value), x >= 0, x.isFinite {
                    if key == "rtol" { options.rtol = x } else { options.atol = x }
                } else { fail("'\(key)' must be a number of at least 0, such as \(key)=1e-4") }
            case _ where flags.contains(key):
                fail("cell option '\(key)' takes no value: write just '\(key)'")
            default:
                fail(unknown(key), fixIt: suggestion(key))
            }
        }
        return (options, id)
    }

    static func isValidID(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" }
    }

    private static func unknown(_ key: String) -> String {
        let hint = Suggestion.closest(to: key, among: flags + valued).map { "; did you mean '\($0)'?" }
            ?? " (known options: \((flags + valued.map { "\($0)=..." }).joined(separator: ", ")))"
        return "unknown cell option '\(key)'\(hint)"
    }

    private static func suggestion(_ key: String) -> String? {
        Suggestion.closest(to: key, among: flags + valued).map { "replace '\(key)' with '\($0)'" }
    }

    private static func example(_ key: String) -> String {
        switch key { case "id": "encoder-shapes"; case "timeout": "5"; default: "1e-4" }
    }

    /// The 1-based byte column of `word` in the fence line, searching forward.
    private static func columnOf(_ word: String, in text: String, from offset: inout Int) -> Int {
        let bytes = Array(text.utf8), w = Array(word.utf8)
        var i = offset
        while i + w.count <= bytes.count {
            if Array(bytes[i..<(i + w.count)]) == w { offset = i + w.count; return i + 1 }
            i += 1
        }
        return 1
    }
}
