// What every loss shares: predictions and targets brought to the shapes Keras gives them, the
// per-sample entries they reduce over, and Keras 3's weighted mean over those entries.
import Foundation
import Tensors

/// Predictions as rows of `width` values (the last axis), one row per per-sample loss, with the
/// targets: `expected` (same count as `predicted`) or `labels` (one class id per row).
struct LossInputs {
    let predicted: [Float]
    let expected: [Float]
    let labels: [Int]
    let width: Int
    /// The shape of the per-sample losses: the predictions' shape without its last axis.
    let sampleShape: [Int]
    var rows: Int { sampleShape.reduce(1, *) }

    /// Dense targets (binary and categorical crossentropy, mean squared error). As Keras's
    /// `squeeze_or_expand_to_same_rank`: `(batch,)` targets fit `(batch, 1)` predictions, and
    /// `(batch, time)` targets fit `(batch, time, 1)` predictions.
    init(dense name: String, predicted p: Tensor, expected y: Tensor) throws {
        try checkConcrete(name, p, "predicted")
        try checkConcrete(name, y, "expected")
        var pShape = dims(p), yShape = dims(y)
        if pShape.count == yShape.count + 1, pShape.last == 1 {
            if yShape.count == 1 { yShape.append(1) } else { pShape.removeLast() }
        } else if yShape.count == pShape.count + 1, yShape.last == 1 {
            if pShape.count == 1 { pShape.append(1) } else { yShape.removeLast() }
        }
        guard pShape == yShape else {
            throw layerError("\(name): expected has shape \(y.shape), predicted \(p.shape); they must be the same shape")
        }
        guard let last = pShape.last else {
            throw layerError("\(name): predicted is a scalar; it needs at least one axis (batch, ...)")
        }
        predicted = p.scalars
        expected = y.scalars
        labels = []
        width = last
        sampleShape = Array(pShape.dropLast())
    }

    /// Class ids (sparse categorical crossentropy): labels of shape `(batch, ...)` or
    /// `(batch, ..., 1)` for predictions `(batch, ..., classes)`.
    init(sparse name: String, predicted p: Tensor, labels y: Tensor) throws {
        try checkConcrete(name, p, "predictions")
        try checkConcrete(name, y, "labels")
        let pShape = dims(p)
        var yShape = dims(y)
        if yShape.count == pShape.count, yShape.last == 1 { yShape.removeLast() }
        guard let classes = pShape.last, yShape == Array(pShape.dropLast()) else {
            throw layerError("\(name): labels have shape \(y.shape), predictions \(p.shape); labels need the "
                + "predictions' shape without its last axis (the classes)")
        }
        let ids = y.int32Scalars
        if y.dtype == .float32, let bad = y.scalars.first(where: { $0 != $0.rounded() }) {
            throw layerError("\(name): labels must be whole class ids, got \(bad)")
        }
        if let bad = ids.first(where: { $0 < 0 || Int($0) >= classes }) {
            throw layerError("\(name): label \(bad) is out of range for \(classes) classes (ids 0..<\(classes))")
        }
        predicted = p.scalars
        expected = []
        labels = ids.map(Int.init)
        width = classes
        sampleShape = yShape
    }
}

private func checkConcrete(_ name: String, _ x: Tensor, _ role: String) throws {
    guard !x.isSymbolic else { throw layerError("\(name): \(role) is symbolic (shape \(x.shape)); losses need numbers") }
}

/// How a weighted sum of per-sample losses is divided: by every entry (Keras's sample weights,
/// `sum_over_batch_size`) or by the entries whose mask is nonzero (a Keras mask carried by the
/// predictions, e.g. from `Embedding(maskZero: true)`).
enum LossNormalization { case allEntries, unmaskedEntries }

/// Keras 3's reduction of per-sample losses (`reduce_weighted_values`): Σ wᵢ·lᵢ / N, with N the
/// number of entries (or of unmasked ones) and 0 when N is 0; and its gradient dL/dlᵢ = wᵢ / N.
struct LossReduction {
    /// One weight per per-sample loss (all 1 without a mask).
    let weights: [Float]
    let divisor: Double

    init(_ name: String, mask: Tensor?, sampleShape: [Int], normalization: LossNormalization = .allEntries) throws {
        let count = sampleShape.reduce(1, *)
        guard let mask else {
            weights = Array(repeating: 1, count: count)
            divisor = Double(count)
            return
        }
        guard !mask.isSymbolic else { throw layerError("\(name): the mask is symbolic (shape \(mask.shape))") }
        var m = dims(mask)
        if m.count == sampleShape.count + 1, m.last == 1 { m.removeLast() }
        let fits = m == sampleShape || (sampleShape.count == m.count + 1 && sampleShape.last == 1 && m == Array(sampleShape.dropLast()))
        guard fits else {
            throw layerError("\(name): the mask has shape \(mask.shape); it needs one value per position, "
                + "shape \(TensorShape(sampleShape)) (the predictions' shape without the last axis)")
        }
        weights = mask.scalars
        switch normalization {
        case .allEntries: divisor = Double(count)
        case .unmaskedEntries: divisor = Double(weights.filter { $0 != 0 }.count)
        }
    }

    func value(_ losses: [Float]) throws -> Tensor {
        guard divisor > 0 else { return try Tensor(Float(0)) }
        var total = 0.0
        for (l, w) in zip(losses, weights) where w != 0 { total += Double(l) * Double(w) }
        return try Tensor(Float(total / divisor))
    }

    /// dL/dlᵢ.
    var sampleGradients: [Float] {
        guard divisor > 0 else { return weights.map { _ in 0 } }
        return weights.map { Float(Double($0) / divisor) }
    }
}

/// Keras's `epsilon()`: probabilities are clipped to [1e-7, 1 - 1e-7] (float32) before a log.
let probabilityEpsilon = Float(1e-7)
let probabilityCeiling = Float(1 - 1e-7)

/// Whether `tf.clip_by_value` passes the gradient of `p` (it does on the bounds themselves).
@inline(__always)
func insideClip(_ p: Float) -> Bool { p >= probabilityEpsilon && p <= probabilityCeiling }

@inline(__always)
func clipProbability(_ p: Float) -> Float { Swift.min(Swift.max(p, probabilityEpsilon), probabilityCeiling) }
