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

/// Q of the thin QR decomposition of the m x n (m >= n) row-major matrix `a`, with R's
/// diagonal positive (Keras's `q * sign(diag(r))`): recursive block Gram–Schmidt in float32, as
/// Keras/TensorFlow compute their QR in float32. The columns are split in halves: the left half
/// is orthonormalised, the right half projected off it with two large sgemms (BLAS-3 at full
/// speed), then orthonormalised the same way; runs of up to 32 columns go column by column
/// (modified Gram–Schmidt in vector loops). Each projection is repeated when it removed more than half of a column's norm
/// squared (the DGKS "twice is enough" test): a tall random matrix is well conditioned and needs
/// one pass, a square one sometimes two; either way Q is orthonormal to float precision.
/// Q comes back row-major, or column-major (that is, Qᵀ row-major) when `columnMajor`.
func orthonormalColumns(_ a: [Float], rows m: Int, cols n: Int, columnMajor: Bool = false) -> [Float] {
    // Column-major, so each column and each run of columns is contiguous.
    var q = [Float](repeating: 0, count: m * n)
    transposeInto(&q, a, rows: m, cols: n)
    q.withUnsafeMutableBufferPointer { qb in
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(1, (n / 2 + 32) * (n / 2 + 32)))
        defer { scratch.deallocate() }
        GramSchmidt(q: qb.baseAddress!, rows: m, scratch: scratch).orthonormalise(0..<n)
    }
    if columnMajor { return q }
    var out = [Float](repeating: 0, count: m * n)
    transposeInto(&out, q, rows: n, cols: m)
    return out
}

/// The recursion of `orthonormalColumns` over a column-major (rows x n) matrix `q`.
private struct GramSchmidt {
    let q: UnsafeMutablePointer<Float>
    let rows: Int
    /// Room for the projection coefficients: (n/2 + 32)² floats.
    let scratch: UnsafeMutablePointer<Float>
    /// Widest run of columns handled column by column.
    static let leaf = 32

    func column(_ j: Int) -> UnsafeMutablePointer<Float> { q + j * rows }

    /// Makes `columns` orthonormal; they are already orthogonal to every column before them.
    func orthonormalise(_ columns: Range<Int>) {
        if columns.count <= GramSchmidt.leaf {
            for j in columns { orthonormaliseColumn(j, against: columns.lowerBound..<j) }
            return
        }
        let mid = columns.lowerBound + ((columns.count / 2 + GramSchmidt.leaf - 1) / GramSchmidt.leaf) * GramSchmidt.leaf
        orthonormalise(columns.lowerBound..<mid)
        project(mid..<columns.upperBound, off: columns.lowerBound..<mid)
        orthonormalise(mid..<columns.upperBound)
    }

    /// Removes from the `target` columns their components along the orthonormal `basis` columns:
    /// H = Bᵀ V; V −= B H, twice if the first pass cancelled much of a column.
    func project(_ target: Range<Int>, off basis: Range<Int>) {
        let (v, b) = (column(target.lowerBound), column(basis.lowerBound))
        let (k, w) = (basis.count, target.count)
        let before = target.map { BLAS.snrm2(rows, column($0)) }
        for pass in 0..<2 {
            BLAS.sgemm(.columnMajor, transposeA: true, m: k, n: w, k: rows, b, lda: rows, v, ldb: rows, scratch, ldc: k)
            BLAS.sgemm(.columnMajor, m: rows, n: w, k: k, alpha: -1, b, lda: rows, scratch, ldb: k, beta: 1, v, ldc: rows)
            if pass == 1 { break }
            let cancelled = target.enumerated().contains { i, j in BLAS.snrm2(rows, column(j)) < before[i] * 0.7071 }
            if !cancelled { break }
        }
    }

    /// Projects column `j` off the orthonormal columns `basis` (just before it, modified
    /// Gram–Schmidt) and normalises it. Plain vector loops rather than BLAS: thousands of
    /// calls this small would each wake OpenBLAS's threads.
    func orthonormaliseColumn(_ j: Int, against basis: Range<Int>) {
        let col = column(j)
        var norm = dot(col, col).squareRoot()
        if !basis.isEmpty {
            for _ in 0..<2 {
                let before = norm
                for i in basis {
                    let qi = column(i)
                    let d = dot(qi, col)
                    for r in 0..<rows { col[r] -= d * qi[r] }
                }
                norm = dot(col, col).squareRoot()
                if norm >= before * 0.7071 { break }
            }
        }
        if norm > 0 {
            let scale = 1 / norm
            for r in 0..<rows { col[r] *= scale }
        }
    }

    /// x · y over `rows` floats, in 16 lanes.
    func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float {
        var lanes = SIMD16<Float>()
        var r = 0
        while r + 16 <= rows {
            lanes += UnsafeRawPointer(x + r).loadUnaligned(as: SIMD16<Float>.self)
                * UnsafeRawPointer(y + r).loadUnaligned(as: SIMD16<Float>.self)
            r += 16
        }
        var total = lanes.sum()
        while r < rows { total += x[r] * y[r]; r += 1 }
        return total
    }
}

/// `out` (cols x rows, row-major) = transpose of `a` (rows x cols, row-major), in tiles so both
/// sides stay in cache.
private func transposeInto(_ out: inout [Float], _ a: [Float], rows: Int, cols: Int) {
    let tile = 32
    a.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            for i0 in stride(from: 0, to: rows, by: tile) {
                for j0 in stride(from: 0, to: cols, by: tile) {
                    for i in i0..<Swift.min(i0 + tile, rows) {
                        for j in j0..<Swift.min(j0 + tile, cols) { dst[j * rows + i] = src[i * cols + j] }
                    }
                }
            }
        }
    }
}
