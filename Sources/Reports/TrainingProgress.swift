/// Where a running `fit` is, as the terminal shows it live (training.md, "What the reader sees"):
/// the epoch (from 1) of `epochs`, and Keras's progress-bar line at that moment, plain and with
/// Keras's terminal colours. A worker sends these to its parent at most every 0.05 s (Keras's
/// redraw interval) and at the end of each epoch (`finished`).
public struct TrainingProgress: Sendable, Hashable, Codable {
    public var epoch: Int
    public var epochs: Int
    public var line: String
    public var coloredLine: String
    public var finished: Bool

    public init(epoch: Int, epochs: Int, line: String, coloredLine: String, finished: Bool) {
        (self.epoch, self.epochs, self.line, self.coloredLine, self.finished) = (epoch, epochs, line, coloredLine, finished)
    }
}
