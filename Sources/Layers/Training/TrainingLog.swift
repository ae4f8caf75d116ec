// What a reader sees of `fit`: Keras's live progress bar for the terminal, and each epoch's
// final lines for the page (`Epoch 1/3`, then the bar with timings and the epoch's values).
import Foundation
import Reports

/// Turns `fit`'s events into text. `live` receives terminal text (carriage returns redraw the
/// line, colours when `colored`); `line` receives each finished line for the page, with its
/// timings (`ProgressLine.withoutTimings` gives the snapshot form). `now` is a clock in seconds.
public final class TrainingLog {
    private let now: () -> Double
    private let colored: Bool
    private let live: ((String) -> Void)?
    private let line: (String) -> Void
    private let status: ((TrainingProgress) -> Void)?
    private var bar: ProgressBar?
    /// The epoch under way (from 1) and the number of epochs: a runner can show it.
    public private(set) var epoch = 0
    public private(set) var epochs = 0

    public init(now: @escaping () -> Double = TrainingLog.monotonicSeconds, colored: Bool = false,
                live: ((String) -> Void)? = nil, status: ((TrainingProgress) -> Void)? = nil,
                line: @escaping (String) -> Void) {
        self.now = now
        self.colored = colored
        self.live = live
        self.status = status
        self.line = line
    }

    /// `status` sees the bar as it is redrawn (the epoch's first line, at step 0, included).
    private func show(_ shown: (plain: String, colored: String), finished: Bool) {
        status?(TrainingProgress(epoch: epoch, epochs: epochs, line: shown.plain, coloredLine: shown.colored, finished: finished))
    }

    public func handle(_ event: TrainingEvent) {
        switch event {
        case let .epochBegan(epoch, epochs, steps):
            self.epoch = epoch
            self.epochs = epochs
            bar = ProgressBar(target: steps, start: now())
            // Before the first step: the bar alone. Keras's fit draws nothing until a step ends
            // (Progbar.update(0) would show `0s 0s/step`, timings of no step).
            if status != nil {
                show((ProgressLine.format(current: 0, target: steps, values: []),
                      ProgressLine.format(current: 0, target: steps, values: [], colored: true)), finished: false)
            }
            // Keras prints the epoch header only when there is more than one epoch.
            if epochs > 1 {
                live?("Epoch \(epoch)/\(epochs)\n")
                line("Epoch \(epoch)/\(epochs)")
            }
        case let .batchEnded(step, _, logs):
            guard var bar else { return }
            defer { self.bar = bar }
            guard let shown = bar.update(step, values: logs, finalize: false, now: now()) else { return }
            live?(bar.terminalText(colored ? shown.colored : shown.plain, finishing: false))
            show(shown, finished: false)
        case let .epochEnded(_, _, logs):
            guard var bar else { return }
            defer { self.bar = bar }
            guard let shown = bar.update(bar.target, values: logs, finalize: true, now: now()) else { return }
            live?(bar.terminalText(colored ? shown.colored : shown.plain, finishing: true))
            show(shown, finished: true)
            line(shown.plain)
        }
    }

    public static func monotonicSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
