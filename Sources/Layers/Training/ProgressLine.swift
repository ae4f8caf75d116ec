// Keras 3's progress bar (keras/src/utils/progbar.py, verbose=1) as text: the pure formatter of
// one line, and the bar's state between updates (what is shown when, and the step time).
import Foundation

/// One line of Keras's progress bar: `40/40 ━━━━━━━━━━━━━━━━━━━━ 12s 301ms/step - accuracy: 0.6832 - loss: 0.5627`.
public enum ProgressLine {
    public static let width = 20

    /// The whole line. `eta` (seconds left) is shown while running, `elapsed` once finished;
    /// both nil (and `timePerStep` nil) give the line without timings, as snapshots keep it.
    /// `colored` adds Keras's terminal colours (bold count, green done part of the bar).
    public static func format(current: Int, target: Int, values: [(String, Float)], eta: Double? = nil,
                              elapsed: Double? = nil, timePerStep: Double? = nil, colored: Bool = false) -> String {
        var line = bar(current: current, target: target, colored: colored)
        if let eta { line += " " + bold(etaText(eta), colored) }
        else if let elapsed { line += " " + bold(String(format: "%.0fs", elapsed), colored) }
        if let timePerStep { line += stepTime(timePerStep) }
        for (name, value) in values { line += " - \(name): \(number(value))" }
        return line
    }

    /// `" 4/40 ━━━━━━━━━━━━━━━━━━━━"`: the count right-aligned to the target's digits, then the
    /// bar (its done part green when coloured; without colour every segment looks the same).
    public static func bar(current: Int, target: Int, colored: Bool = false) -> String {
        guard target > 0 else { return String(format: "%7d/Unknown", current) }
        let digits = String(target).count
        let count = String(repeating: " ", count: Swift.max(0, digits - String(current).count)) + "\(current)/\(target)"
        let done = Swift.min(width, Swift.max(0, Int(Double(width) * Double(current) / Double(target))))
        guard colored else { return count + " " + String(repeating: "━", count: width) }
        var s = "\u{1B}[1m\(count)\u{1B}[0m "
        if done > 0 { s += "\u{1B}[32m" + String(repeating: "━", count: done) + "\u{1B}[0m" }
        return s + "\u{1B}[37m" + String(repeating: "━", count: width - done) + "\u{1B}[0m"
    }

    /// A metric's value: 4 decimals, or scientific notation when |v| ≤ 1e-3 (`4.2000e-04`).
    public static func number(_ v: Float) -> String {
        let d = Double(v)
        return abs(d) > 1e-3 ? String(format: "%.4f", d) : String(format: "%.4e", d)
    }

    /// `" 301ms/step"`: seconds at 1 s and above (and for 0), milliseconds, else microseconds.
    public static func stepTime(_ t: Double, unit: String = "step") -> String {
        if t >= 1 || t == 0 { return String(format: " %.0fs/%@", t, unit) }
        if t >= 1e-3 { return String(format: " %.0fms/%@", t * 1000, unit) }
        return String(format: " %.0fus/%@", t * 1_000_000, unit)
    }

    /// Time left: `42s`, `1:18`, `2:46:30` (Python's `%d` truncates).
    public static func etaText(_ eta: Double) -> String {
        if eta > 3600 {
            return String(format: "%d:%02d:%02d", Int(eta / 3600), Int(eta.truncatingRemainder(dividingBy: 3600) / 60),
                          Int(eta.truncatingRemainder(dividingBy: 60)))
        }
        if eta > 60 { return String(format: "%d:%02d", Int(eta / 60), Int(eta.truncatingRemainder(dividingBy: 60))) }
        return "\(Int(eta))s"
    }

    /// The line without its timing fields (` 12s 301ms/step`), as a snapshot keeps it.
    public static func withoutTimings(_ line: String) -> String {
        line.replacingOccurrences(of: #" \d+s \d+(s|ms|us)/step"#, with: "", options: .regularExpression)
    }

    private static func bold(_ s: String, _ colored: Bool) -> String { colored ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
}

/// The state of Keras's `Progbar` across updates: when a line is shown (at most every
/// `interval` seconds, always when finishing) and the time per step (the first step left out
/// once there are more). Times are seconds on any clock; the caller passes `now`.
public struct ProgressBar {
    public let target: Int
    public let interval: Double
    private let start: Double
    private var lastUpdate: Double = 0
    private var afterFirstStep: Double?
    private var previousWidth = 0

    public init(target: Int, start: Double, interval: Double = 0.05) {
        self.target = target
        self.start = start
        self.interval = interval
    }

    /// The line to show after step `current` (nil when Keras would not redraw yet), plain and
    /// with terminal colours. Finishing shows the elapsed time; running shows the time left.
    public mutating func update(_ current: Int, values: [(String, Float)], finalize: Bool? = nil,
                                now: Double) -> (plain: String, colored: String)? {
        let finishing = finalize ?? (current >= target)
        let perStep = stepDuration(current, now)
        if now - lastUpdate < interval && !finishing { return nil }
        lastUpdate = now
        let eta = finishing ? nil : perStep * Double(target - current)
        func line(_ colored: Bool) -> String {
            ProgressLine.format(current: current, target: target, values: values, eta: eta,
                                elapsed: finishing ? now - start : nil, timePerStep: perStep, colored: colored)
        }
        return (line(false), line(true))
    }

    /// What a terminal needs to redraw the line in place: carriage return, the line, spaces
    /// over a longer previous line, a newline when finishing.
    public mutating func terminalText(_ line: String, finishing: Bool) -> String {
        let visible = line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression).count
        let padding = String(repeating: " ", count: Swift.max(0, previousWidth - visible))
        previousWidth = visible
        return "\r" + line + padding + (finishing ? "\n" : "")
    }

    private mutating func stepDuration(_ current: Int, _ now: Double) -> Double {
        guard current > 0 else { return 0 }
        let perStep: Double
        if let after = afterFirstStep, current > 1 {
            perStep = (now - after) / Double(current - 1)
        } else {
            perStep = (now - start) / Double(current)
        }
        if current == 1 { afterFirstStep = now }
        return perStep
    }
}
