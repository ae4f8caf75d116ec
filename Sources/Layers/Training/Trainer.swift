// Keras's training loop over arrays: `fit` (epochs of batches, the last one smaller, seeded
// shuffling, validation after each epoch), `evaluate` and `predict`, batch by batch.
import Tensors

/// What `fit` reports as it runs, for the progress bar (the interpreter prints it).
public enum TrainingEvent {
    /// Epoch `epoch` (from 1) of `epochs` starts; it has `steps` batches.
    case epochBegan(epoch: Int, epochs: Int, steps: Int)
    /// Batch `step` (from 1) of `steps` ended; `logs` are the running means so far.
    case batchEnded(step: Int, steps: Int, logs: [(String, Float)])
    /// The epoch ended; `logs` are its final values, validation ones included.
    case epochEnded(epoch: Int, epochs: Int, logs: [(String, Float)])
}

/// The loss and metric values of `evaluate`: `[0]` is the loss, `[1]` the first metric (as
/// Keras's list), `["accuracy"]` by name.
public struct Evaluation: CustomStringConvertible {
    public let names: [String]
    public let values: [Float]

    public subscript(index: Int) -> Float { values[index] }
    public subscript(name: String) -> Float? { names.firstIndex(of: name).map { values[$0] } }
    public var description: String { "[" + values.map { "\($0)" }.joined(separator: ", ") + "]" }
}

public enum Trainer {
    /// Keras's `model.fit(x, y, epochs:, batch_size:, shuffle:, validation_data:)` with the
    /// compiled optimizer, loss and metrics. `x` holds one array per model input (samples first).
    /// `random` shuffles (each epoch one permutation of all samples); `report` sees every event.
    public static func fit(_ model: Compilable, step: TrainingStep, x: [Tensor], y: Tensor, epochs: Int = 1,
                           batchSize: Int = 32, shuffle: Bool = true, validationData: (x: [Tensor], y: Tensor)? = nil,
                           random: inout RandomGenerator, report: (TrainingEvent) -> Void = { _ in }) throws -> History {
        let compiled = try model.requireCompilation("fit")
        guard epochs >= 0 else { throw layerError("\(model.name).fit: epochs must not be negative, got \(epochs)") }
        guard batchSize > 0 else { throw layerError("\(model.name).fit: batchSize must be positive, got \(batchSize)") }
        let n = try Batches.sampleCount("\(model.name).fit", named(x, y))
        guard n > 0 else { throw layerError("\(model.name).fit: no samples to train on (the arrays have 0 rows)") }
        if let v = validationData { _ = try Batches.sampleCount("\(model.name).fit validationData", named(v.x, v.y)) }
        let steps = (n + batchSize - 1) / batchSize
        var history = History()
        for epoch in 1...max(epochs, 1) where epochs > 0 {
            report(.epochBegan(epoch: epoch, epochs: epochs, steps: steps))
            let order = shuffle ? Batches.permutation(n, &random) : Array(0..<n)
            var tracker = Tracker(compiled)
            for s in 0..<steps {
                let indices = order[(s * batchSize)..<min(n, (s + 1) * batchSize)]
                let inputs = try x.map { try Batches.rows($0, indices) }
                let targets = try Batches.rows(y, indices)
                var batchLoss: Float?
                let (predictions, gradients) = try step.train(inputs) { predictions in
                    let (loss, gradient) = try tracker.loss(predictions, targets, gradient: true)
                    let value = try loss.scalar
                    guard value.isFinite else {
                        throw layerError("\(model.name).fit: the loss is \(value.isNaN ? "NaN" : "infinite (\(value))") at epoch \(epoch), batch \(s + 1) of \(steps); "
                            + "lower the learning rate, or check the inputs and labels for NaN or infinite values")
                    }
                    batchLoss = value
                    return gradient!
                }
                guard let lossValue = batchLoss else {
                    throw layerError("\(model.name).fit: the training step did not compute the loss (our bug: TrainingStep.train must call lossGradient)")
                }
                try compiled.optimizer.update(step.weights, along: gradients)
                try tracker.record(lossValue, predictions, targets, batch: indices.count)
                report(.batchEnded(step: s + 1, steps: steps, logs: tracker.logs))
            }
            var logs = tracker.logs
            if let v = validationData {
                let result = try evaluate(model, step: step, x: v.x, y: v.y, batchSize: batchSize)
                logs += zip(result.names, result.values).map { ("val_" + $0, $1) }.sorted { $0.0 < $1.0 }
            }
            history.append(epoch: epoch - 1, logs: logs)
            report(.epochEnded(epoch: epoch, epochs: epochs, logs: logs))
        }
        return history
    }

    /// Keras's `model.evaluate(x, y, batch_size:)`: the loss, then the metrics in compile order.
    public static func evaluate(_ model: Compilable, step: TrainingStep, x: [Tensor], y: Tensor,
                                batchSize: Int = 32) throws -> Evaluation {
        let compiled = try model.requireCompilation("evaluate")
        guard batchSize > 0 else { throw layerError("\(model.name).evaluate: batchSize must be positive, got \(batchSize)") }
        let n = try Batches.sampleCount("\(model.name).evaluate", named(x, y))
        var tracker = Tracker(compiled)
        for start in stride(from: 0, to: n, by: batchSize) {
            let indices = Array(start..<min(n, start + batchSize))[...]
            let targets = try Batches.rows(y, indices)
            let predictions = try step.predict(try x.map { try Batches.rows($0, indices) })
            let (loss, _) = try tracker.loss(predictions, targets, gradient: false)
            try tracker.record(try loss.scalar, predictions, targets, batch: indices.count)
        }
        return Evaluation(names: compiled.resultNames, values: [tracker.lossMean.result] + tracker.metricMeans.map(\.result))
    }

    /// Keras's `model.predict(x, batch_size:)`: the outputs of every batch, joined on the first axis.
    public static func predict(_ name: String, step: TrainingStep, x: [Tensor], batchSize: Int = 32) throws -> Tensor {
        guard batchSize > 0 else { throw layerError("\(name).predict: batchSize must be positive, got \(batchSize)") }
        let n = try Batches.sampleCount("\(name).predict", x.enumerated().map { ("input \($0.offset)", $0.element) })
        var outputs: [Tensor] = []
        for start in stride(from: 0, to: n, by: batchSize) {
            let indices = Array(start..<min(n, start + batchSize))[...]
            outputs.append(Batches.plain(try step.predict(try x.map { try Batches.rows($0, indices) })))
        }
        guard !outputs.isEmpty else { throw layerError("\(name).predict: no samples (the arrays have 0 rows)") }
        return outputs.count == 1 ? outputs[0] : try Tensor(concatenating: outputs, alongAxis: 0)
    }

    private static func named(_ x: [Tensor], _ y: Tensor) -> [(String, Tensor)] {
        (x.count == 1 ? [("x", x[0])] : x.enumerated().map { ("x[\($0.offset)]", $0.element) }) + [("y", y)]
    }
}

/// The running loss (Keras's loss tracker, weighted by batch size) and metrics of one epoch.
struct Tracker {
    let compiled: Compilation
    var lossMean = RunningMean()
    var metricMeans: [RunningMean]

    init(_ compiled: Compilation) {
        self.compiled = compiled
        metricMeans = compiled.metrics.map { _ in RunningMean() }
    }

    /// The compiled loss of a batch; a Keras mask the predictions carry divides by the unmasked
    /// positions, as Keras does.
    func loss(_ predictions: Tensor, _ targets: Tensor, gradient: Bool) throws -> (Tensor, Tensor?) {
        let mask = kerasMask(of: predictions)
        return try compiled.loss.evaluate(predicted: Batches.plain(predictions), expected: targets, mask: mask,
                                          normalization: mask == nil ? .allEntries : .unmaskedEntries, gradient: gradient)
    }

    mutating func record(_ loss: Float, _ predictions: Tensor, _ targets: Tensor, batch: Int) throws {
        lossMean.add(loss, weight: Float(batch))
        let mask = kerasMask(of: predictions)
        for (i, metric) in compiled.metrics.enumerated() {
            let (values, shape) = try metric.values(predicted: Batches.plain(predictions), expected: targets)
            let weights = try mask.map { m -> [Float] in
                let w = m.scalars
                let perMask = values.count / max(w.count, 1)
                guard w.count * perMask == values.count else {
                    throw layerError("\(metric.name): the predictions' mask has shape \(m.shape), which does not fit \(TensorShape(shape))")
                }
                return values.indices.map { w[$0 / perMask] }
            }
            metricMeans[i].add(values, shape: shape, weights: weights)
        }
    }

    /// The logs Keras passes to callbacks: names sorted (Keras's logs go through a sorted
    /// structure, so `accuracy` comes before `loss`).
    var logs: [(String, Float)] {
        let all = [("loss", lossMean.result)] + zip(compiled.metrics, metricMeans).map { ($0.name, $1.result) }
        return all.sorted { $0.0 < $1.0 }
    }
}
