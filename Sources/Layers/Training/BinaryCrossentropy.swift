// Binary crossentropy (keras.losses.binary_crossentropy): per element, then the mean over the
// last axis gives one loss per sample.
import Foundation

enum BinaryCrossentropy {
    /// From probabilities, clipped to [ε, 1 - ε]: e = -(y·log p + (1 - y)·log(1 - p)).
    /// From logits x (TensorFlow's sigmoid_cross_entropy_with_logits): max(x, 0) - x·y + log(1 + e^-|x|).
    static func forward(_ input: LossInputs, fromLogits: Bool) -> [Float] {
        let c = input.width
        return (0..<input.rows).map { row in
            var total: Float = 0
            for j in row * c..<(row + 1) * c {
                let p = input.predicted[j], y = input.expected[j]
                if fromLogits {
                    total += Swift.max(p, 0) - p * y + log1pf(expf(-abs(p)))
                } else {
                    let q = clipProbability(p)
                    total += -(y * logf(q) + (1 - y) * logf(1 - q))
                }
            }
            return total / Float(c)
        }
    }

    /// dL/dp = dL/dl · (1/C) · de/dp, with de/dp = (1 - y)/(1 - p) - y/p (0 where the clip
    /// holds p), or from logits σ(x) - y.
    static func backward(_ input: LossInputs, fromLogits: Bool, sampleGradients: [Float]) -> [Float] {
        let c = input.width
        var grad = [Float](repeating: 0, count: input.predicted.count)
        for row in 0..<input.rows {
            let scale = sampleGradients[row] / Float(c)
            for j in row * c..<(row + 1) * c {
                let p = input.predicted[j], y = input.expected[j]
                if fromLogits {
                    grad[j] = scale * (1 / (1 + expf(-p)) - y)
                } else if insideClip(p) {
                    grad[j] = scale * ((1 - y) / (1 - p) - y / p)
                }
            }
        }
        return grad
    }
}
