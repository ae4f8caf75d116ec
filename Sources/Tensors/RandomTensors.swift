// Random tensors and the initializers Keras uses, drawn from a RandomGenerator.
import Foundation

extension Tensor {
    /// Uniform in [lowerBound, upperBound): float32, or int32 when `dtype` is `.int32`
    /// (`Tensor<Int32>(randomUniform: [64, 30], lowerBound: 0, upperBound: 7578)`).
    public init(randomUniform shape: [Int], lowerBound: Float = 0, upperBound: Float = 1,
                dtype: DType = .float32, generator: inout RandomGenerator) throws {
        let op = "randomUniform"
        guard lowerBound < upperBound else {
            throw TensorError("\(op): lowerBound \(lowerBound) must be below upperBound \(upperBound)")
        }
        switch dtype {
        case .float32:
            let span = upperBound - lowerBound
            self = try Tensor.float32(shape) { p, n in
                generator.drawWords(groups: n, wordsPerGroup: 1, cost: 16) { first, words, count in
                    for i in 0..<count { p[first + i] = lowerBound + span * (Float(words[i] >> 8) * 0x1p-24) }
                }
            }
        case .int32:
            guard lowerBound.rounded() == lowerBound, upperBound.rounded() == upperBound,
                  lowerBound >= -2147483648, upperBound <= 2147483648 else {
                throw TensorError("\(op): int32 bounds must be whole numbers, got \(lowerBound) and \(upperBound)")
            }
            let lo = Int64(lowerBound), hi = Int64(upperBound)
            self = try Tensor.int32(shape) { p, n in
                let range = UInt64(hi - lo)
                generator.drawWords(groups: n, wordsPerGroup: 1, cost: 16) { first, words, count in
                    for i in 0..<count { p[first + i] = Int32(lo + Int64((UInt64(words[i]) * range) >> 32)) }
                }
            }
        }
    }

    /// Normal with the given mean and standard deviation (Box–Muller).
    public init(randomNormal shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
                generator: inout RandomGenerator) throws {
        self = try Tensor.float32(shape) { p, n in
            // Pair k fills elements 2k and 2k + 1 (an odd count still draws the last pair whole).
            generator.drawWords(groups: (n + 1) / 2, wordsPerGroup: 2, cost: 64) { first, words, count in
                for k in 0..<count {
                    let (z0, z1) = RandomGenerator.normalPair(words[2 * k], words[2 * k + 1])
                    let i = 2 * (first + k)
                    p[i] = Float(Double(mean) + Double(standardDeviation) * z0)
                    if i + 1 < n { p[i + 1] = Float(Double(mean) + Double(standardDeviation) * z1) }
                }
            }
        }
    }

    /// Normal, with draws beyond two standard deviations discarded and redrawn (Keras's
    /// TruncatedNormal).
    public init(randomTruncatedNormal shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
                generator: inout RandomGenerator) throws {
        self = try Tensor.float32(shape) { p, n in
            var i = 0
            while i < n {
                let (z0, z1) = generator.nextNormalPair()
                for z in [z0, z1] where Swift.abs(z) <= 2 && i < n {
                    p[i] = Float(Double(mean) + Double(standardDeviation) * z)
                    i += 1
                }
            }
        }
    }

    /// Keras's GlorotUniform: uniform in ±sqrt(6 / (fanIn + fanOut)), fans from the shape as
    /// Keras computes them (rank 2: `(fanIn, fanOut)`).
    public init(glorotUniform shape: [Int], generator: inout RandomGenerator) throws {
        let (fanIn, fanOut) = kerasFans(shape)
        let limit = Float((6 / Double(Swift.max(1, fanIn + fanOut))).squareRoot())
        try self.init(randomUniform: shape, lowerBound: -limit, upperBound: limit, generator: &generator)
    }

    /// Keras's Orthogonal: the Q of a QR decomposition of a normal matrix (signs fixed so R's
    /// diagonal is positive), transposed when wider than tall, times `gain`.
    public init(orthogonal shape: [Int], gain: Float = 1, generator: inout RandomGenerator) throws {
        guard shape.count >= 2 else {
            throw TensorError("orthogonal: needs a shape of rank 2 or more, got \(TensorShape(shape))")
        }
        let rows = shape.dropLast().reduce(1, *), cols = shape.last!
        let (m, n) = (Swift.max(rows, cols), Swift.min(rows, cols))
        let a = try Tensor(randomNormal: [m, n], generator: &generator)
        // Q is m x n; the result (rows x cols, row-major) is Q, or Qᵀ when wider than tall,
        // which is Q column-major as the QR leaves it.
        var q = orthonormalColumns(a.scalars, rows: m, cols: n, columnMajor: rows < cols)
        if gain != 1 { for i in q.indices { q[i] *= gain } }
        self = try Tensor.float32(shape) { p, count in p.update(from: q, count: count) }
    }

    /// Keras's Uniform(-0.05, 0.05), the Embedding default.
    public init(kerasUniform shape: [Int], generator: inout RandomGenerator) throws {
        try self.init(randomUniform: shape, lowerBound: -0.05, upperBound: 0.05, generator: &generator)
    }
}

/// Keras's `compute_fans`.
func kerasFans(_ shape: [Int]) -> (Int, Int) {
    switch shape.count {
    case 0: return (1, 1)
    case 1: return (shape[0], shape[0])
    case 2: return (shape[0], shape[1])
    default:
        let receptive = shape.dropLast(2).reduce(1, *)
        return (shape[shape.count - 2] * receptive, shape[shape.count - 1] * receptive)
    }
}
