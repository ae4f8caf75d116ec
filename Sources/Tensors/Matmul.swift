// Matrix products through CBLAS sgemm (OpenBLAS on Linux), with TensorFlow's batch rule.

/// `matmul(a, b)` by TensorFlow's rule: both ranks at least 2; the last two axes multiply
/// (`(..., m, k) x (..., k, n) -> (..., m, n)`); the leading (batch) axes broadcast.
/// `transposeA` / `transposeB` multiply by the transpose of the last two axes without copying
/// (`tf.matmul(a, b, transpose_a=..., transpose_b=...)`).
public func matmul(_ a: Tensor, transposed transposeA: Bool = false,
                   _ b: Tensor, transposed transposeB: Bool = false) throws -> Tensor {
    let y = try product(a, transposeA, b, transposeB)
    guard Tape.tracked(a, b) else { return y }
    // The adjoints of C = op(A)·op(B), then summed over the batch axes A or B was broadcast along.
    return y.recorded(a, b) { g in
        // A weight (rank 2) shared by every batch of a (a Dense layer on a sequence): its
        // gradient is one gemm over all rows, not one per batch summed over the batch axes.
        if b.rank == 2, a.rank > 2, !transposeA, let k = a.shape[-1], let n = transposeB ? b.shape[-2] : b.shape[-1] {
            let da = transposeB ? try product(g, false, b, false) : try product(g, false, b, true)
            return [da, try sharedWeightGradient(a, g, k: k, n: n, transposeB: transposeB)]
        }
        let da: Tensor, db: Tensor
        switch (transposeA, transposeB) {
        case (false, false): da = try product(g, false, b, true); db = try product(a, true, g, false)
        case (true, false): da = try product(b, false, g, true); db = try product(a, false, g, false)
        case (false, true): da = try product(g, false, b, false); db = try product(g, true, a, false)
        case (true, true): da = try product(b, true, g, true); db = try product(g, true, a, true)
        }
        return [try a.unbroadcast(da), try b.unbroadcast(db)]
    }
}

/// The product itself (no recording).
private func product(_ a: Tensor, _ transposeA: Bool, _ b: Tensor, _ transposeB: Bool) throws -> Tensor {
    guard a.dtype == .float32, b.dtype == .float32 else {
        throw TensorError("matmul: needs float32 tensors, got \(a.dtype) \(a.shape) x \(b.dtype) \(b.shape)")
    }
    guard a.rank >= 2, b.rank >= 2 else {
        throw TensorError("matmul: both tensors need rank 2 or more: \(a.shape) x \(b.shape)")
    }
    let m = transposeA ? a.shape[-1] : a.shape[-2], k = transposeA ? a.shape[-2] : a.shape[-1]
    let k2 = transposeB ? b.shape[-1] : b.shape[-2], n = transposeB ? b.shape[-2] : b.shape[-1]
    if let k, let k2, k != k2 {
        throw TensorError("matmul: inner dimensions differ: \(a.shape) x \(b.shape)")
    }
    let batchA = TensorShape(Array(a.shape.dimensions.dropLast(2)))
    let batchB = TensorShape(Array(b.shape.dimensions.dropLast(2)))
    let batch: TensorShape
    do {
        batch = try broadcastShape(batchA, batchB, operation: "matmul")
    } catch {
        throw TensorError("matmul: batch dimensions cannot be broadcast: \(a.shape) x \(b.shape)")
    }
    let shape = TensorShape(batch.dimensions + [m, n])
    if a.isSymbolic || b.isSymbolic { return Tensor(symbolicShape: shape, dtype: .float32) }

    let outDims = shape.knownDimensions!
    let (M, K, N) = (m!, k!, n!)
    guard [M, K, N].allSatisfy({ $0 <= Int(Int32.max) }) else {
        throw TensorError("matmul: dimensions over 2^31 are not supported: \(a.shape) x \(b.shape)")
    }
    let aBatch = batchA.knownDimensions!, bBatch = batchB.knownDimensions!
    let batchDims = batch.knownDimensions!
    let pa = a.buffer!.floats, pb = b.buffer!.floats
    return try Tensor.float32(outDims) { out, count in
        guard count > 0 else { return }
        if K == 0 { out.initialize(repeating: 0, count: count); return }
        // b shared by every batch: one gemm over all rows of a.
        if bBatch.reduce(1, *) == 1, aBatch == batchDims, !transposeA {
            sgemm(pa, pb, out, m: aBatch.reduce(1, *) * M, k: K, n: N, transposeB: transposeB)
            return
        }
        let walk = BroadcastWalk(outDims: batchDims, aDims: aBatch, bDims: bBatch)
        let batches = batchDims.reduce(1, *)
        for i in 0..<batches {
            let (ia, ib) = batchIndices(i, walk: walk)
            sgemm(pa + ia * M * K, pb + ib * K * N, out + i * M * N, m: M, k: K, n: N,
                  transposeA: transposeA, transposeB: transposeB)
        }
    }
}

/// d(b) of `matmul(a, b)` for b of rank 2 shared by every batch of a (rows of a: (..., k), of
/// g: (..., n)): aᵀ·g over all rows at once, or gᵀ·a when b is used transposed (stored (n, k)).
private func sharedWeightGradient(_ a: Tensor, _ g: Tensor, k: Int, n: Int, transposeB: Bool) throws -> Tensor {
    let rows = k == 0 ? 0 : a.scalarCount / k
    let pa = a.buffer!.floats, pg = g.buffer!.floats
    return try Tensor.float32(transposeB ? [n, k] : [k, n]) { out, count in
        guard count > 0 else { return }
        if rows == 0 { out.initialize(repeating: 0, count: count); return }
        if transposeB {
            sgemm(pg, pa, out, m: n, k: rows, n: k, transposeA: true)
        } else {
            sgemm(pa, pg, out, m: k, k: rows, n: n, transposeA: true)
        }
    }
}

/// The batch indices of a and b feeding output batch `i`.
private func batchIndices(_ i: Int, walk: BroadcastWalk) -> (Int, Int) {
    let n = walk.inner
    let (ra, rb) = walk.offsets(row: i / n)
    let j = i % n
    return (ra + j * walk.aStrides.last!, rb + j * walk.bStrides.last!)
}

/// C (m x n) = op(A) · op(B), all row-major and contiguous; A is stored (m x k), or (k x m)
/// when transposed; B is (k x n), or (n x k) when transposed.
private func sgemm(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
                   m: Int, k: Int, n: Int, transposeA: Bool = false, transposeB: Bool = false) {
    BLAS.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
               a, lda: transposeA ? m : k, b, ldb: transposeB ? k : n, c, ldc: n)
}
