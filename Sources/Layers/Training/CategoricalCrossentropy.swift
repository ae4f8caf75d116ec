// Categorical crossentropy (keras.losses.categorical_crossentropy) over the last axis: one loss
// per sample, targets a distribution over the classes.
import Foundation

enum CategoricalCrossentropy {
    /// From probabilities: q = p / Σp, clipped to [ε, 1 - ε]; l = -Σ y·log q.
    /// From logits x: l = Σ y·(logsumexp(x) - x), with `lse` each row's logsumexp (`rowLogSumExps`).
    static func forward(_ input: LossInputs, fromLogits: Bool, lse: [Float]) -> [Float] {
        let c = input.width
        return (0..<input.rows).map { row in
            let range = row * c..<(row + 1) * c
            if fromLogits {
                let lse = lse[row]
                return range.reduce(Float(0)) { $0 + input.expected[$1] * (lse - input.predicted[$1]) }
            }
            let sum = range.reduce(Float(0)) { $0 + input.predicted[$1] }
            return -range.reduce(Float(0)) { $0 + input.expected[$1] * logf(clipProbability(input.predicted[$1] / sum)) }
        }
    }

    /// From logits: dl/dx = softmax(x)·Σy - y. From probabilities: with gⱼ = -yⱼ/qⱼ (0 where the
    /// clip holds qⱼ), dl/dpₖ = (gₖ - Σⱼ gⱼ·qⱼ) / Σp (the normalisation's Jacobian).
    static func backward(_ input: LossInputs, fromLogits: Bool, lse: [Float], sampleGradients: [Float]) -> [Float] {
        let c = input.width
        var grad = [Float](repeating: 0, count: input.predicted.count)
        for row in 0..<input.rows {
            let range = row * c..<(row + 1) * c
            let scale = sampleGradients[row]
            if fromLogits {
                let lse = lse[row]
                let labelSum = range.reduce(Float(0)) { $0 + input.expected[$1] }
                for j in range { grad[j] = scale * (expf(input.predicted[j] - lse) * labelSum - input.expected[j]) }
                continue
            }
            let sum = range.reduce(Float(0)) { $0 + input.predicted[$1] }
            var g = [Float](repeating: 0, count: c)
            var dot: Float = 0
            for (k, j) in range.enumerated() {
                let q = input.predicted[j] / sum
                if insideClip(q) { g[k] = -input.expected[j] / q }
                dot += g[k] * q
            }
            for (k, j) in range.enumerated() { grad[j] = scale * (g[k] - dot) / sum }
        }
        return grad
    }
}

/// Each row's log Σ exp(x) (rows of `input.width` predictions), computed once for a loss's value
/// and its gradient.
func rowLogSumExps(_ input: LossInputs) -> [Float] {
    let c = input.width
    return (0..<input.rows).map { row in logSumExp(input.predicted[row * c..<(row + 1) * c]) }
}

/// log Σ exp(x), shifted by the maximum.
func logSumExp(_ x: ArraySlice<Float>) -> Float {
    let top = x.max() ?? 0
    guard top.isFinite else { return top }
    return top + logf(x.reduce(Float(0)) { $0 + expf($1 - top) })
}
