// NumPy broadcasting: the shape rule, and the strided walk that elementwise kernels share.

/// The broadcast of two shapes by NumPy's rule (align right; a dimension of 1 stretches).
/// Unknown dimensions: unknown with 1 or unknown stays unknown; unknown with n is n.
func broadcastShape(_ a: TensorShape, _ b: TensorShape, operation: String) throws -> TensorShape {
    let rank = max(a.rank, b.rank)
    var dims = [Int?](repeating: 1, count: rank)
    for i in 0..<rank {
        let da = i < rank - a.rank ? 1 : a.dimensions[i - (rank - a.rank)]
        let db = i < rank - b.rank ? 1 : b.dimensions[i - (rank - b.rank)]
        switch (da, db) {
        case let (x?, y?):
            if x == y || y == 1 { dims[i] = x } else if x == 1 { dims[i] = y } else {
                throw TensorError("\(operation): shapes \(a) and \(b) cannot be broadcast together")
            }
        case let (x?, nil): dims[i] = x == 1 ? nil : x
        case let (nil, y?): dims[i] = y == 1 ? nil : y
        case (nil, nil): dims[i] = nil
        }
    }
    return TensorShape(dims)
}

/// A walk over an output of shape `outDims` reading two inputs broadcast to it. Dimensions are
/// collapsed where both inputs are contiguous across them, so the common cases (same shapes,
/// scalar, row vector) become one or two loops.
struct BroadcastWalk {
    /// Collapsed output dimensions; the last is the inner loop.
    var dims: [Int]
    var aStrides: [Int]
    var bStrides: [Int]

    init(outDims: [Int], aDims: [Int], bDims: [Int]) {
        let rank = outDims.count
        func strides(_ d: [Int]) -> [Int] {
            let padded = [Int](repeating: 1, count: rank - d.count) + d
            var s = [Int](repeating: 0, count: rank)
            var acc = 1
            for i in stride(from: rank - 1, through: 0, by: -1) {
                s[i] = padded[i] == 1 ? 0 : acc
                acc *= padded[i]
            }
            return s
        }
        let sa = strides(aDims), sb = strides(bDims)
        var dims: [Int] = [], ca: [Int] = [], cb: [Int] = []
        for i in 0..<rank where outDims[i] != 1 {
            if let last = dims.last,
               ca.last! == sa[i] * outDims[i], cb.last! == sb[i] * outDims[i] {
                dims[dims.count - 1] = last * outDims[i]
                ca[ca.count - 1] = sa[i]
                cb[cb.count - 1] = sb[i]
            } else {
                dims.append(outDims[i]); ca.append(sa[i]); cb.append(sb[i])
            }
        }
        if dims.isEmpty { dims = [1]; ca = [0]; cb = [0] }
        self.dims = dims
        self.aStrides = ca
        self.bStrides = cb
    }

    var inner: Int { dims[dims.count - 1] }
    var rows: Int { dims.dropLast().reduce(1, *) }

    /// Offsets of row `row` (an index over all but the last collapsed dimension) in a and b.
    @inline(__always)
    func offsets(row: Int) -> (Int, Int) {
        var r = row, oa = 0, ob = 0
        var i = dims.count - 2
        while i >= 0 {
            let q = r / dims[i]
            let idx = r - q * dims[i]
            oa += idx * aStrides[i]
            ob += idx * bStrides[i]
            r = q
            i -= 1
        }
        return (oa, ob)
    }

    /// Calls `line(a offset, b offset, out offset, inner a stride, inner b stride, range)` over
    /// every line of the output, in parallel for large outputs.
    func run(cost: Int = 1, _ line: (Int, Int, Int, Int, Int, Range<Int>) -> Void) {
        let n = inner, rows = rows
        let sa = aStrides[aStrides.count - 1], sb = bStrides[bStrides.count - 1]
        if rows == 1 {
            Parallel.chunks(n, costPerElement: cost) { r in line(0, 0, 0, sa, sb, r) }
        } else {
            Parallel.chunks(rows, costPerElement: n * cost) { rowRange in
                for r in rowRange {
                    let (oa, ob) = offsets(row: r)
                    line(oa, ob, r * n, sa, sb, 0..<n)
                }
            }
        }
    }
}
