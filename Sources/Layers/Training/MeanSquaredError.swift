// Mean squared error (keras.losses.mean_squared_error): the mean of (p - y)² over the last axis.

enum MeanSquaredError {
    static func forward(_ input: LossInputs) -> [Float] {
        let c = input.width
        return (0..<input.rows).map { row in
            var total: Float = 0
            for j in row * c..<(row + 1) * c {
                let d = input.predicted[j] - input.expected[j]
                total += d * d
            }
            return total / Float(c)
        }
    }

    /// dl/dp = 2(p - y) / C.
    static func backward(_ input: LossInputs, sampleGradients: [Float]) -> [Float] {
        let c = input.width
        var grad = [Float](repeating: 0, count: input.predicted.count)
        for row in 0..<input.rows {
            let scale = sampleGradients[row] * 2 / Float(c)
            for j in row * c..<(row + 1) * c { grad[j] = scale * (input.predicted[j] - input.expected[j]) }
        }
        return grad
    }
}
