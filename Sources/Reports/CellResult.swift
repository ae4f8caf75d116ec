/// What running one cell produced, in the order it was produced. The interpreter makes it;
/// the runner judges it; `Render` shows it on the page, in the terminal and in the snapshot.
public struct CellResult: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// Ran to the end.
        case succeeded
        /// Stopped with an error (syntax, unknown name, runtime trap, thrown error).
        case failed
        /// Stopped because it ran past its time limit.
        case timedOut = "timed-out"
    }

    public var status: Status
    /// Printed text, rich displays and errors, interleaved in the order they happened.
    public var outputs: [CellOutput]
    /// The value of the cell's last expression when it is not `Void` (Jupyter's `Out[n]`).
    public var result: RichValue?
    /// Seconds of wall time the cell took.
    public var duration: Double

    public init(status: Status, outputs: [CellOutput] = [], result: RichValue? = nil, duration: Double = 0) {
        self.status = status
        self.outputs = outputs
        self.result = result
        self.duration = duration
    }

    /// All printed text of the cell, concatenated.
    public var printedText: String {
        outputs.map { if case .text(let s) = $0 { return s } else { return "" } }.joined()
    }

    /// The errors the cell raised (a failed cell has at least one).
    public var errors: [Diagnostic] {
        outputs.compactMap { if case .error(let d) = $0 { return d } else { return nil } }
    }
}

/// One piece of a cell's output.
public enum CellOutput: Sendable, Hashable, Codable {
    /// Text from `print` (consecutive prints are merged into one `.text`).
    case text(String)
    /// A rich value shown mid-cell with `display(_:)`, or a figure.
    case display(RichValue)
    /// An error of the cell (it may be expected, for `expect-error` cells).
    case error(Diagnostic)
}

/// A value as it is shown: always has a plain-text form (terminal, snapshot) and may have a
/// richer one (the page draws tables as HTML tables and figures as SVG).
public enum RichValue: Sendable, Hashable, Codable {
    /// Swift's `description` of the value (`[1, 2, 3]`, a tensor as NumPy prints it).
    case text(String)
    /// A tensor: its shape and its NumPy-style text. Snapshots compare the numbers with tolerance.
    case tensor(shape: [Int?], text: String)
    /// A table, such as `model.summary()`.
    case table(Table)
    /// A figure (`heatmap`, `linePlot`).
    case figure(Figure)

    /// The plain-text form, used by the terminal and the snapshot.
    public var plainText: String {
        switch self {
        case .text(let s): return s
        case .tensor(_, let text): return text
        case .table(let t): return t.plainText
        case .figure(let f): return f.plainText
        }
    }
}
