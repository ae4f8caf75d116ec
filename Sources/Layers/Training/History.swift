// What `fit` returns: the logs of every epoch, by name, as Keras's `History`.
import Reports

/// `history["loss"]`, `history["val_accuracy"]` (one value per epoch), `history.epochs`
/// (Keras's `history.epoch`: 0, 1, 2, ...), `history.keys` in Keras's order.
public struct History: CustomStringConvertible {
    public private(set) var epochs: [Int] = []
    public private(set) var keys: [String] = []
    private var values: [String: [Float]] = [:]

    public init() {}

    public subscript(key: String) -> [Float]? { values[key] }

    mutating func append(epoch: Int, logs: [(String, Float)]) {
        epochs.append(epoch)
        for (key, value) in logs {
            if values[key] == nil { keys.append(key) }
            values[key, default: []].append(value)
        }
    }

    public var description: String {
        "History(" + keys.map { "\($0): [" + values[$0]!.map { "\($0)" }.joined(separator: ", ") + "]" }.joined(separator: ", ") + ")"
    }

    /// The loss and every metric per epoch as a line figure (epochs counted from 1, as Keras
    /// prints them), training and validation series side by side.
    public func plot(title: String? = nil) -> Figure {
        let x = epochs.map { Double($0 + 1) }
        let series = keys.map { LinePlot.Series(label: $0, x: x, y: values[$0]!.map(Double.init)) }
        return .linePlot(LinePlot(title: title, xLabel: "epoch", yLabel: nil, series: series))
    }
}
