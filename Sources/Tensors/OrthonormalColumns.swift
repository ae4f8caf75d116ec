// The thin QR's Q for Keras's Orthogonal initializer (Tensor(orthogonal:) in RandomTensors.swift).
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
    // Column-major, so each column and each run of columns is contiguous. (Drawing the normals
    // straight into column-major order instead scattered every write over a different cache
    // line: twice as slow as drawing row-major and transposing.)
    var q = a.withUnsafeBufferPointer { src in
        [Float](unsafeUninitializedCapacity: m * n) { out, initialized in
            if m * n > 0 { transpose(src.baseAddress!, rows: m, cols: n, into: out.baseAddress!) }
            initialized = m * n
        }
    }
    orthonormaliseColumns(&q, rows: m, cols: n)
    if columnMajor { return q }
    return q.withUnsafeBufferPointer { src in
        [Float](unsafeUninitializedCapacity: m * n) { out, initialized in
            if m * n > 0 { transpose(src.baseAddress!, rows: n, cols: m, into: out.baseAddress!) }
            initialized = m * n
        }
    }
}

/// `orthonormalColumns` in place on an m x n matrix stored column-major (Q replaces A).
func orthonormaliseColumns(_ q: inout [Float], rows m: Int, cols n: Int) {
    q.withUnsafeMutableBufferPointer { qb in
        guard let base = qb.baseAddress, m > 0, n > 0 else { return }
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(1, (n / 2 + 32) * (n / 2 + 32)))
        defer { scratch.deallocate() }
        GramSchmidt(q: base, rows: m, scratch: scratch).orthonormalise(0..<n)
    }
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
    /// calls this small would each wake OpenBLAS's threads. Each subtraction and the dot product
    /// after it (with the next basis column, or the column itself for its norm) share one pass
    /// over the column: the numbers of doing them one after the other, for half the memory
    /// traffic (these loops ran on one core while the other waited).
    func orthonormaliseColumn(_ j: Int, against basis: Range<Int>) {
        let col = column(j)
        var norm = dot(col, col).squareRoot()
        if !basis.isEmpty {
            for _ in 0..<2 {
                let before = norm
                var d = dot(column(basis.lowerBound), col)
                for i in basis {
                    d = subtract(d, column(i), from: col, thenDotWith: i + 1 < basis.upperBound ? column(i + 1) : nil)
                }
                norm = d.squareRoot()  // the last product was the column with itself
                if norm >= before * 0.7071 { break }
            }
        }
        if norm > 0 {
            let scale = 1 / norm
            for r in 0..<rows { col[r] *= scale }
        }
    }

    /// col −= d·q, then `dot(y, col)` of the new col (y nil: col itself), in one pass: the same
    /// lanes, in the same order, as `dot`.
    @inline(__always)
    func subtract(_ d: Float, _ q: UnsafePointer<Float>, from col: UnsafeMutablePointer<Float>,
                  thenDotWith y: UnsafePointer<Float>?) -> Float {
        let y = y ?? UnsafePointer(col)
        var lanes = SIMD16<Float>()
        var r = 0
        while r + 16 <= rows {
            let c = UnsafeRawPointer(col + r).loadUnaligned(as: SIMD16<Float>.self)
                - d * UnsafeRawPointer(q + r).loadUnaligned(as: SIMD16<Float>.self)
            UnsafeMutableRawPointer(col + r).storeBytes(of: c, as: SIMD16<Float>.self)
            lanes += UnsafeRawPointer(y + r).loadUnaligned(as: SIMD16<Float>.self) * c
            r += 16
        }
        var total = lanes.sum()
        while r < rows {
            col[r] -= d * q[r]
            total += y[r] * col[r]
            r += 1
        }
        return total
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

/// `out` (cols x rows, row-major) = transpose of `a` (rows x cols, row-major), in bands of 8
/// rows: each column of a band is 8 floats written together. Square tiles were 3-4x slower: with
/// power-of-two widths, the tile's rows fall on one cache set and evict each other.
func transpose(_ a: UnsafePointer<Float>, rows: Int, cols: Int, into out: UnsafeMutablePointer<Float>) {
    let band = 8
    Parallel.chunks((rows + band - 1) / band, costPerElement: band * cols) { bands in
        for b in bands {
            let (i0, i1) = (b * band, Swift.min(b * band + band, rows))
            for j in 0..<cols {
                for i in i0..<i1 { out[j * rows + i] = a[i * cols + j] }
            }
        }
    }
}
