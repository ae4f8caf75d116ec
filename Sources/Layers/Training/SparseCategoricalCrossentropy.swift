// Sparse categorical crossentropy (keras.losses.sparse_categorical_crossentropy): a class id per
// sample instead of a distribution.
import Foundation

enum SparseCategoricalCrossentropy {
    /// From logits x: l = logsumexp(x) - x[label]. From probabilities p (as TensorFlow: the log of
    /// the clipped p taken as logits): l = log Σ clip(p) - log clip(p[label]). `lse`: each row's
    /// logsumexp (`rowLogSumExps`), given from logits and shared with `backward`.
    static func forward(_ input: LossInputs, fromLogits: Bool, lse: [Float]) -> [Float] {
        let c = input.width
        return (0..<input.rows).map { row in
            let range = row * c..<(row + 1) * c
            let label = row * c + input.labels[row]
            if fromLogits { return lse[row] - input.predicted[label] }
            let logs = input.predicted[range].map { logf(clipProbability($0)) }
            return logSumExp(logs[...]) - logf(clipProbability(input.predicted[label]))
        }
    }

    /// From logits: softmax(x) - onehot(label). From probabilities: 1/Σclip(p) - [k = label]/pₖ,
    /// 0 where the clip holds pₖ.
    static func backward(_ input: LossInputs, fromLogits: Bool, lse: [Float], sampleGradients: [Float]) -> [Float] {
        let c = input.width
        var grad = [Float](repeating: 0, count: input.predicted.count)
        for row in 0..<input.rows {
            let range = row * c..<(row + 1) * c
            let label = row * c + input.labels[row]
            let scale = sampleGradients[row]
            if fromLogits {
                let lse = lse[row]
                for j in range { grad[j] = scale * (expf(input.predicted[j] - lse) - (j == label ? 1 : 0)) }
                continue
            }
            let sum = range.reduce(Float(0)) { $0 + clipProbability(input.predicted[$1]) }
            for j in range where insideClip(input.predicted[j]) {
                grad[j] = scale * (1 / sum - (j == label ? 1 / input.predicted[j] : 0))
            }
        }
        return grad
    }
}
