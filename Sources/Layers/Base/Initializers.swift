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
        case .glorotUniform: return try Tensor(glorotUniform: shape, generator: &random).scalars
        case .orthogonal: return try Tensor(orthogonal: shape, generator: &random).scalars
        case let .uniform(low, high):
            return try Tensor(randomUniform: shape, lowerBound: low, upperBound: high, generator: &random).scalars
        case .zeros: return [Float](repeating: 0, count: count)
        case let .lstmBias(units):
            var bias = [Float](repeating: 0, count: count)
            for j in units..<(2 * units) { bias[j] = 1 }
            return bias
        }
    }
}
