// Keras's default weight initializers, drawn from the session's seeded generator.
import Tensors

/// How a layer's weight starts, as Keras initialises it.
enum Initializer {
    case glorotUniform      // kernels
    case orthogonal         // recurrent kernels
    case uniform(Float, Float)  // embeddings: ±0.05
    case zeros              // biases
    case lstmBias(units: Int)  // zeros with the forget gate's quarter at 1 (`unit_forget_bias`)
}

extension LayerSession {
    /// The initial values of a weight of `shape`, row-major.
    func initialize(_ initializer: Initializer, shape: [Int]) throws -> [Float] {
        let count = shape.reduce(1, *)
        switch initializer {
        // Straight into arrays: a Tensor first would cost a copy of every weight.
        case .glorotUniform: return WeightValues.glorotUniform(shape, generator: &random)
        case .orthogonal: return try WeightValues.orthogonal(shape, generator: &random)
        case let .uniform(low, high):
            return WeightValues.uniform(count: count, lowerBound: low, upperBound: high, generator: &random)
        case .zeros: return [Float](repeating: 0, count: count)
        case let .lstmBias(units):
            var bias = [Float](repeating: 0, count: count)
            for j in units..<(2 * units) { bias[j] = 1 }
            return bias
        }
    }
}
