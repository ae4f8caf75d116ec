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
            self = try Tensor.float32(shape) { p, n in
                generator.fillUniform(p, count: n, lowerBound: lowerBound, upperBound: upperBound)
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
            generator.fillNormal(p, count: n, mean: mean, standardDeviation: standardDeviation)
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
        let limit = glorotLimit(shape)
        try self.init(randomUniform: shape, lowerBound: -limit, upperBound: limit, generator: &generator)
    }

    /// Keras's Orthogonal: the Q of a QR decomposition of a normal matrix (signs fixed so R's
    /// diagonal is positive), transposed when wider than tall, times `gain`.
    public init(orthogonal shape: [Int], gain: Float = 1, generator: inout RandomGenerator) throws {
        try checkOrthogonalShape(shape)
        // The result, then the normal matrix of the same size, count against the memory limit
        // (an error before any work) while Q is computed.
        self = try Tensor.float32(shape) { p, count in
            let arena = TensorArena.current
            try arena.reserve(count * 4, shape: shape, dtype: .float32)
            defer { arena.release(count * 4) }
            let q = try WeightValues.orthogonal(shape, gain: gain, generator: &generator)
            p.update(from: q, count: count)
        }
    }

    /// Keras's Uniform(-0.05, 0.05), the Embedding default.
    public init(kerasUniform shape: [Int], generator: inout RandomGenerator) throws {
        try self.init(randomUniform: shape, lowerBound: -0.05, upperBound: 0.05, generator: &generator)
    }
}

/// Keras's initializers as plain row-major arrays, for weights kept outside tensor storage (the
/// Layers module): the same numbers as the `Tensor` initializers, without a tensor to copy out
/// of (a copy of every weight cost the attention notebook ~10% of its time, in page faults).
/// The caller checks the size against the memory limit first.
public enum WeightValues {
    /// Uniform in [lowerBound, upperBound) (`Tensor(randomUniform:)`).
    public static func uniform(count: Int, lowerBound: Float, upperBound: Float,
                               generator: inout RandomGenerator) -> [Float] {
        array(count) { generator.fillUniform($0, count: count, lowerBound: lowerBound, upperBound: upperBound) }
    }

    /// Keras's GlorotUniform for a weight of `shape` (`Tensor(glorotUniform:)`).
    public static func glorotUniform(_ shape: [Int], generator: inout RandomGenerator) -> [Float] {
        let limit = glorotLimit(shape)
        return uniform(count: shape.reduce(1, *), lowerBound: -limit, upperBound: limit, generator: &generator)
    }

    /// Keras's Orthogonal for a weight of `shape`, rank 2 or more (`Tensor(orthogonal:)`): the
    /// Q of a QR decomposition of a normal matrix (signs fixed so R's diagonal is positive),
    /// transposed when wider than tall, times `gain`.
    public static func orthogonal(_ shape: [Int], gain: Float = 1, generator: inout RandomGenerator) throws -> [Float] {
        try checkOrthogonalShape(shape)
        let rows = shape.dropLast().reduce(1, *), cols = shape.last!
        let (m, n) = (Swift.max(rows, cols), Swift.min(rows, cols))
        // The m x n normal matrix, drawn row by row as Keras draws it; Q is m x n, and the
        // result (rows x cols, row-major) is Q, or Qᵀ when wider than tall, which is Q
        // column-major as the QR leaves it.
        let normal = array(m * n) { generator.fillNormal($0, count: m * n, mean: 0, standardDeviation: 1) }
        var q = orthonormalColumns(normal, rows: m, cols: n, columnMajor: rows < cols)
        if gain != 1 { for i in q.indices { q[i] *= gain } }
        return q
    }

    private static func array(_ count: Int, _ fill: (UnsafeMutablePointer<Float>) -> Void) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let p = buffer.baseAddress, count > 0 { fill(p) }
            initialized = count
        }
    }
}

extension RandomGenerator {
    /// Fills `p[0..<n]` with normal floats: pair k (two words) fills elements 2k and 2k + 1 (an
    /// odd count still draws the last pair whole).
    mutating func fillNormal(_ p: UnsafeMutablePointer<Float>, count n: Int, mean: Float, standardDeviation: Float) {
        drawWords(groups: (n + 1) / 2, wordsPerGroup: 2, cost: 64) { first, words, count in
            var k = 0
            while k < count {  // eight pairs at a time; a short last run repeats its last pair
                let pairs = Swift.min(8, count - k)
                var (w1, w2) = (SIMD8<UInt32>(), SIMD8<UInt32>())
                for lane in 0..<8 {
                    let pair = k + Swift.min(lane, pairs - 1)
                    (w1[lane], w2[lane]) = (words[2 * pair], words[2 * pair + 1])
                }
                let (z0, z1) = RandomGenerator.normalPairs(w1, w2)
                for lane in 0..<pairs {
                    let i = 2 * (first + k + lane)
                    p[i] = Float(Double(mean) + Double(standardDeviation) * z0[lane])
                    if i + 1 < n { p[i + 1] = Float(Double(mean) + Double(standardDeviation) * z1[lane]) }
                }
                k += pairs
            }
        }
    }
}

func checkOrthogonalShape(_ shape: [Int]) throws {
    guard shape.count >= 2 else {
        throw TensorError("orthogonal: needs a shape of rank 2 or more, got \(TensorShape(shape))")
    }
}

/// GlorotUniform's limit: sqrt(6 / (fanIn + fanOut)).
public func glorotLimit(_ shape: [Int]) -> Float {
    let (fanIn, fanOut) = kerasFans(shape)
    return Float((6 / Double(Swift.max(1, fanIn + fanOut))).squareRoot())
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
