import Foundation
import Reports

/// What the run shows on the terminal (cli.md, "What the terminal shows"): on a TTY a live status
/// line; in a log one line per notebook when it finishes; a summary at the end. Colour only on a
/// TTY or when asked. Everything goes through here, under one lock, since notebooks finish on
/// different threads.
final class Terminal: @unchecked Sendable {
    let isTTY: Bool
    let color: Bool
    let verbosity: RunOptions.Verbosity
    /// Whether live lines (the status, training's progress bar) are drawn: on a TTY, not with `--ci`.
    let isLive: Bool
    private let lock = NSLock()
    /// Lines of the live status shown now (0: none).
    private var statusLines = 0
    private let standardOutput: (String) -> Void
    private let columns: () -> Int

    convenience init(options: RunOptions) {
        let environment = ProcessInfo.processInfo.environment
        self.init(options: options, isTTY: isatty(STDOUT_FILENO) != 0 && environment["TERM"] != "dumb",
                  noColor: environment["NO_COLOR"] != nil, columns: Terminal.columns,
                  standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) })
    }

    /// A terminal writing standard output to `standardOutput` (tests pass a fake one).
    init(options: RunOptions, isTTY: Bool, noColor: Bool, columns: @escaping () -> Int,
         standardOutput: @escaping (String) -> Void) {
        self.isTTY = isTTY
        switch options.color {
        case .always: color = true
        case .never: color = false
        case .auto: color = isTTY && !noColor
        }
        verbosity = options.verbosity
        isLive = isTTY && !options.ci && options.verbosity != .quiet
        self.columns = columns
        self.standardOutput = standardOutput
    }

    /// Prints lines (clearing the live status line first): `quiet` ones even under `-q`,
    /// `verbose` ones only under `-v`.
    func print(_ text: String, quiet: Bool = false, verbose: Bool = false) {
        guard verbosity != .quiet || quiet else { return }
        guard !verbose || verbosity == .verbose else { return }
        let text = shown(text)
        lock.withLock {
            clearStatus()
            standardOutput(text + "\n")
        }
    }

    func error(_ text: String) {
        let text = shown(text)
        lock.withLock {
            clearStatus()
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    /// The last guard before the terminal: control characters are escaped, except, with
    /// colour on, the colour sequences nbrun itself writes (`ESC [ 1;31 m`).
    func shown(_ text: String) -> String {
        guard color else { return ControlCharacters.escape(text) }
        var out = ""
        var rest = Substring(text)
        while let esc = rest.firstIndex(of: "\u{1B}") {
            out += ControlCharacters.escape(String(rest[..<esc]))
            let after = rest[rest.index(after: esc)...]
            if after.first == "[", let m = after.dropFirst().firstIndex(where: { !($0.isASCII && ($0.isNumber || $0 == ";")) }), after[m] == "m" {
                out += rest[esc...m]
                rest = rest[rest.index(after: m)...]
            } else {
                out += "\\u{1B}"
                rest = after
            }
        }
        return out + ControlCharacters.escape(String(rest))
    }

    /// Replaces the live status line (TTY only).
    func status(_ text: String) {
        status([StatusLine(text)])
    }

    /// One line of the live status: its text, and the same with colour sequences (drawn when
    /// colour is on and it fits the terminal's width).
    struct StatusLine: Equatable {
        var text: String
        var colored: String?
        init(_ text: String, colored: String? = nil) { (self.text, self.colored) = (text, colored) }
    }

    /// Replaces the live status (TTY only, not with --ci): one or more lines, each cut to the
    /// terminal's width, redrawn in place (the cursor ends on the last line).
    func status(_ lines: [StatusLine]) {
        guard isLive, !lines.isEmpty else { return }
        lock.withLock {
            let width = max(20, columns() - 1)
            var out = clearing()
            for (i, line) in lines.enumerated() {
                let text = ControlCharacters.escape(line.text)
                if color, let colored = line.colored, text.count <= width {
                    out += shown(colored)
                } else {
                    out += text.count > width ? String(text.prefix(width - 1)) + "…" : text
                }
                if i < lines.count - 1 { out += "\n" }
            }
            standardOutput(out)
            statusLines = lines.count
        }
    }

    func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func clearStatus() {
        if statusLines > 0 {
            standardOutput(clearing())
            statusLines = 0
        }
    }

    /// Erases the status shown: its last line, then each line above it.
    private func clearing() -> String {
        guard statusLines > 0 else { return "\r\u{1B}[2K" }
        return "\r\u{1B}[2K" + String(repeating: "\u{1B}[1A\u{1B}[2K", count: statusLines - 1)
    }

    private static func columns() -> Int {
        var size = winsize()
        return ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }
}
