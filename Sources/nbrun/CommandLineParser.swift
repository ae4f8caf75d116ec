/// nbrun's command line, parsed by hand (cli.md): one table of options gives the parser, the help
/// text and the error messages. (It replaced swift-argument-parser, whose build was a sixth of a
/// cold `./dev run`, for one flat command.)
///
/// The rules: `--name VALUE` or `--name=VALUE`; short names `-o VALUE`, and flags together (`-uq`);
/// a value never starts with `-` (except a negative number), so `--output --ci` is a missing
/// value; a repeated option keeps its last value; after `--` everything is a path. `-h`/`--help`
/// and `--version` win over everything else on the line.
struct CommandLineOption {
    let long: String
    let short: Character?
    /// nil for a flag (no value); else the value's name in the help (`<SIZE>`).
    let valueName: String?
    let help: String
    let defaultValue: String?

    init(_ long: String, short: Character? = nil, value: String? = nil, _ help: String, default defaultValue: String? = nil) {
        self.long = long
        self.short = short
        self.valueName = value
        self.help = help
        self.defaultValue = defaultValue
    }

    var names: String { (short.map { "-\($0), " } ?? "") + "--\(long)" + (valueName.map { " <\($0)>" } ?? "") }
}

/// A usage error: `Error: ...` on stderr, exit status 2.
struct UsageError: Error {
    let message: String
    /// The option's own help line, shown under the error (for a missing or bad value).
    var option: CommandLineOption? = nil
    var spelled: String? = nil
}

struct CommandLineParser {
    let name: String
    let overview: String
    let discussion: String
    let pathsHelp: String
    let options: [CommandLineOption]

    enum Outcome {
        case help
        case version
        /// Each option's last value by long name (a flag's value is ""), and the paths in order.
        case run(values: [String: String], paths: [String])
    }

    func parse(_ arguments: [String]) throws -> Outcome {
        let beforePaths = arguments.prefix(while: { $0 != "--" })
        if beforePaths.contains(where: { $0 == "-h" || $0 == "--help" }) { return .help }
        if beforePaths.contains("--version") { return .version }
        var values: [String: String] = [:]
        var paths: [String] = []
        var index = arguments.startIndex
        func value(for option: CommandLineOption, spelled: String) throws -> String {
            let next = arguments.index(after: index)
            guard next < arguments.endIndex, !looksLikeOption(arguments[next]) else {
                throw UsageError(message: "Missing value for '\(spelled) <\(option.valueName ?? "")>'", option: option, spelled: spelled)
            }
            index = next
            return arguments[next]
        }
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" {
                paths += arguments[arguments.index(after: index)...]
                break
            } else if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix(while: { $0 != "=" }))
                guard let option = options.first(where: { $0.long == name }) else {
                    throw UsageError(message: "Unknown option '--\(name)'" + suggestion(for: name))
                }
                if let equals = body.firstIndex(of: "=") {
                    let given = String(body[body.index(after: equals)...])
                    guard option.valueName != nil else {
                        throw UsageError(message: "The option '--\(name)' does not take any value, but '\(given)' was specified.")
                    }
                    values[name] = given
                } else {
                    values[name] = option.valueName == nil ? "" : try value(for: option, spelled: "--\(name)")
                }
            } else if argument.hasPrefix("-") && argument.count > 1 && !isNegativeNumber(argument) {
                // -o VALUE, or flags together (-uq); a short option with a value must come last.
                let letters = Array(argument.dropFirst())
                for (position, letter) in letters.enumerated() {
                    guard let option = options.first(where: { $0.short == letter }) else {
                        throw UsageError(message: "Unknown option '\(letters.count == 1 ? argument : "-\(letter)")'"
                                         + (letters.count == 1 ? "" : " in '\(argument)'"))
                    }
                    if option.valueName == nil {
                        values[option.long] = ""
                    } else if position == letters.count - 1 {
                        values[option.long] = try value(for: option, spelled: "-\(letter)")
                    } else {
                        throw UsageError(message: "Missing value for '-\(letter) <\(option.valueName!)>' in '\(argument)' (write it as '-\(letter) VALUE')",
                                         option: option, spelled: "-\(letter)")
                    }
                }
            } else {
                paths.append(argument)
            }
            index = arguments.index(after: index)
        }
        return .run(values: values, paths: paths)
    }

    /// A value (not an option): anything but `-x...`/`--x...`; `-` alone and negative numbers are values.
    private func looksLikeOption(_ text: String) -> Bool {
        text.hasPrefix("-") && text.count > 1 && !isNegativeNumber(text)
    }

    private func isNegativeNumber(_ text: String) -> Bool {
        text.hasPrefix("-") && Double(text.dropFirst()) != nil
    }

    /// " Did you mean '--jobs'?" for a long name within two edits of a real one.
    private func suggestion(for name: String) -> String {
        let scored = options.map { ($0.long, editDistance(name, $0.long)) }.filter { $0.1 <= max(2, name.count / 3) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return "" }
        return ". Did you mean '--\(best.0)'?"
    }

    private func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[b.count]
    }

    var usage: String { "\(name) [<options>] [<paths> ...]" }

    /// What `Error:` lines end with.
    func errorText(_ error: UsageError) -> String {
        var text = "Error: \(error.message)\n"
        if let option = error.option, let spelled = error.spelled {
            text += "Help:  \(spelled) <\(option.valueName ?? "")>  \(option.help)\n"
        }
        return text + "Usage: \(usage)\n  See '\(name) --help' for more information.\n"
    }

    /// The `--help` text: the overview, the usage, then every option with its help wrapped at 80 columns.
    var helpText: String {
        var lines = ["OVERVIEW: " + overview, "", discussion, "", "USAGE: \(usage)", "", "ARGUMENTS:"]
        lines += entry("<paths>", pathsHelp)
        lines += ["", "OPTIONS:"]
        for option in options {
            lines += entry(option.names, option.help + (option.defaultValue.map { " (default: \($0))" } ?? ""))
        }
        lines += entry("--version", "Show the version.")
        lines += entry("-h, --help", "Show help information.")
        return wrap(lines.joined(separator: "\n"), width: 80, indent: "") + "\n"
    }

    /// "  NAMES   help..." with the help in a column from 26, on the next line when the names are long.
    private func entry(_ names: String, _ help: String) -> [String] {
        let column = 26
        let left = "  " + names
        let indent = String(repeating: " ", count: column)
        let wrapped = wrap(help, width: 80 - column, indent: "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines: [String] = []
        if left.count + 2 <= column {
            lines.append(left + String(repeating: " ", count: column - left.count) + wrapped[0])
        } else {
            lines.append(left)
            lines.append(indent + wrapped[0])
        }
        lines += wrapped.dropFirst().map { indent + $0 }
        return lines
    }

    /// Greedy word wrap of each paragraph line (lines already short enough are kept as they are).
    private func wrap(_ text: String, width: Int, indent: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width, !line.hasPrefix("  ") else { return String(line) }
            var out: [String] = []
            var current = ""
            for word in line.split(separator: " ") {
                if current.isEmpty { current = String(word) }
                else if current.count + 1 + word.count <= width { current += " " + word }
                else { out.append(current); current = String(word) }
            }
            if !current.isEmpty { out.append(current) }
            return out.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
