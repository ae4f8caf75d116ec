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
    private let lock = NSLock()
    private var statusShown = false

    init(options: RunOptions) {
        isTTY = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        switch options.color {
        case .always: color = true
        case .never: color = false
        case .auto: color = isTTY && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
        verbosity = options.verbosity
    }

    /// Prints lines (clearing the live status line first): `quiet` ones even under `-q`,
    /// `verbose` ones only under `-v`.
    func print(_ text: String, quiet: Bool = false, verbose: Bool = false) {
        guard verbosity != .quiet || quiet else { return }
        guard !verbose || verbosity == .verbose else { return }
        let text = shown(text)
        lock.withLock {
            clearStatus()
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
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
        guard isTTY, verbosity != .quiet else { return }
        lock.withLock {
            let width = max(20, Self.columns() - 1)
            let text = ControlCharacters.escape(text)
            let line = text.count > width ? String(text.prefix(width - 1)) + "…" : text
            FileHandle.standardOutput.write(Data(("\r\u{1B}[2K" + line).utf8))
            statusShown = true
        }
    }

    func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func clearStatus() {
        if statusShown {
            FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8))
            statusShown = false
        }
    }

    private static func columns() -> Int {
        var size = winsize()
        return ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }
}
