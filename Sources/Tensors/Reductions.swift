// Reductions along axes: sum, mean, max, min (keeping or squeezing the axes), argmax.

extension Tensor {
    enum Reduction: String { case sum, mean, max, min }

    /// Normalised, sorted, distinct axes; an empty list means every axis.
    func reductionAxes(_ axes: [Int], operation: String) throws -> [Int] {
        if axes.isEmpty { return Array(0..<rank) }
        var seen = Set<Int>()
        for a in axes {
            let n = try normalizedAxis(a, rank: rank, operation: operation)
            guard seen.insert(n).inserted else {
                throw TensorError("\(operation): axis \(a) is repeated in \(axes) for shape \(shape)")
            }
        }
        return seen.sorted()
    }

    func reduce(_ kind: Reduction, axes: [Int], keep: Bool) throws -> Tensor {
        let y = try reduceForward(kind, axes: axes, keep: keep)
        guard Tape.tracked(self) else { return y }
        let normal = try reductionAxes(axes, operation: kind.rawValue)
        var kept = dims
        for a in normal { kept[a] = 1 }
        let count = Float(normal.reduce(1) { $0 * dims[$1] })
        // sum: the gradient copied back over the reduced axes; mean: divided by their size;
        // max/min: to the elements equal to the result, shared among ties (as TensorFlow).
        return y.recorded(self) { g in
            let spread = try g.reshapedUnchecked(kept).broadcasted(to: self.dims)
            switch kind {
            case .sum: return [spread]
            case .mean: return [try spread / count]
            case .max, .min:
                let hits = try Tensor.compare(.equal, self, y.reshapedUnchecked(kept))
                let ties = try hits.reduceForward(.sum, axes: normal, keep: true)
                return [try spread * hits / ties]
            }
        }
    }

    private func reduceForward(_ kind: Reduction, axes: [Int], keep: Bool) throws -> Tensor {
        let operation = kind.rawValue
        let normal = try reductionAxes(axes, operation: operation)
        var keptDims = shape.dimensions
        for a in normal { keptDims[a] = 1 }
        let outShape = TensorShape(keep ? keptDims : shape.dimensions.enumerated().filter { !normal.contains($0.offset) }.map(\.element))
        if isSymbolic { return Tensor(symbolicShape: outShape, dtype: dtype) }
        if kind == .max || kind == .min {
            for a in normal where dims[a] == 0 {
                throw TensorError("\(operation): cannot reduce an empty axis \(a) of shape \(shape) (there is no identity)")
            }
        }
        // Merge runs of adjacent reduced axes (and of kept axes) into single axes, as NumPy's
        // iterator coalesces them: a full sum is then one pairwise sum over the whole buffer.
        var merged: [Int] = [], mergedReduced: [Bool] = []
        for (i, d) in dims.enumerated() {
            let r = normal.contains(i)
            if let last = mergedReduced.last, last == r {
                merged[merged.count - 1] *= d
            } else {
                merged.append(d); mergedReduced.append(r)
            }
        }
        var result = try reshapedUnchecked(merged)
        let reducedCount = normal.reduce(1) { $0 * dims[$1] }
        // One axis at a time, last first so earlier axis indices stay valid.
        for a in mergedReduced.indices.reversed() where mergedReduced[a] {
            result = try result.reduceOneAxis(a, kind == .mean ? .sum : kind)
        }
        if kind == .mean {
            if dtype == .float32 {
                result = try Tensor.binary(.divide, result, Tensor(Float(reducedCount)))
            } else if reducedCount > 0 {
                result = try Tensor.binary(.divide, result, Tensor(Int32(clamping: reducedCount)))
            }
        }
        return try result.reshapedUnchecked(outShape.knownDimensions!)
    }

    /// Reduces axis `axis` to length 1 (kept). Sums along a contiguous last axis use NumPy's
    /// pairwise summation, so results match NumPy's float32 rounding.
    private func reduceOneAxis(_ axis: Int, _ kind: Reduction) throws -> Tensor {
        let d = dims
        let outer = d[..<axis].reduce(1, *), length = d[axis], inner = d[(axis + 1)...].reduce(1, *)
        var outDims = d
        outDims[axis] = 1
        let src = buffer!
        switch dtype {
        case .float32:
            let s = UnsafePointer(src.floats)
            return try Tensor.float32(outDims) { out, _ in
                reduceFloat(s, out, outer: outer, length: length, inner: inner, kind: kind)
            }
        case .int32:
            let s = UnsafePointer(src.ints)
            return try Tensor.int32(outDims) { out, _ in
                reduceInt(s, out, outer: outer, length: length, inner: inner, kind: kind)
            }
        }
    }

    /// Index of the largest element along `axis`, that axis removed; int32. The first index wins
    /// ties; NaN counts as largest (as NumPy).
    public func argmax(squeezingAxis axis: Int) throws -> Tensor {
        let a = try normalizedAxis(axis, rank: rank, operation: "argmax")
        var outDims = shape.dimensions
        outDims.remove(at: a)
        if isSymbolic { return Tensor(symbolicShape: TensorShape(outDims), dtype: .int32) }
        let d = dims
        guard d[a] > 0 else { throw TensorError("argmax: cannot reduce an empty axis \(axis) of shape \(shape)") }
        let outer = d[..<a].reduce(1, *), length = d[a], inner = d[(a + 1)...].reduce(1, *)
        let f = try converted(to: .float32)
        let s = f.buffer!.floats
        let intsSource = dtype == .int32 ? buffer!.ints : nil
        return try Tensor.int32(outDims.map { $0! }) { out, _ in
            for o in 0..<outer {
                for i in 0..<inner {
                    var best = 0
                    if let ints = intsSource {
                        var bv = ints[o * length * inner + i]
                        for j in 1..<Swift.max(length, 1) where ints[(o * length + j) * inner + i] > bv {
                            bv = ints[(o * length + j) * inner + i]; best = j
                        }
                    } else {
                        var bv = s[o * length * inner + i]
                        if !bv.isNaN {
                            for j in 1..<Swift.max(length, 1) {
                                let v = s[(o * length + j) * inner + i]
                                if v.isNaN { best = j; break }
                                if v > bv { bv = v; best = j }
                            }
                        }
                    }
                    out[o * inner + i] = Int32(best)
                }
            }
        }
    }

    // MARK: Public spellings

    /// Sum of every element, rank 0.
    public func sum() throws -> Tensor { try reduce(.sum, axes: [], keep: false) }
    public func sum(alongAxes axes: Int...) throws -> Tensor { try reduce(.sum, axes: axes, keep: true) }
    public func sum(alongAxes axes: [Int]) throws -> Tensor { try reduce(.sum, axes: axes, keep: true) }
    public func sum(squeezingAxes axes: Int...) throws -> Tensor { try reduce(.sum, axes: axes, keep: false) }
    public func sum(squeezingAxes axes: [Int]) throws -> Tensor { try reduce(.sum, axes: axes, keep: false) }

    /// Mean of every element, rank 0 (int32 tensors: truncated, as TensorFlow).
    public func mean() throws -> Tensor { try reduce(.mean, axes: [], keep: false) }
    public func mean(alongAxes axes: Int...) throws -> Tensor { try reduce(.mean, axes: axes, keep: true) }
    public func mean(alongAxes axes: [Int]) throws -> Tensor { try reduce(.mean, axes: axes, keep: true) }
    public func mean(squeezingAxes axes: Int...) throws -> Tensor { try reduce(.mean, axes: axes, keep: false) }
    public func mean(squeezingAxes axes: [Int]) throws -> Tensor { try reduce(.mean, axes: axes, keep: false) }

    public func max() throws -> Tensor { try reduce(.max, axes: [], keep: false) }
    public func max(alongAxes axes: Int...) throws -> Tensor { try reduce(.max, axes: axes, keep: true) }
    public func max(alongAxes axes: [Int]) throws -> Tensor { try reduce(.max, axes: axes, keep: true) }
    public func max(squeezingAxes axes: Int...) throws -> Tensor { try reduce(.max, axes: axes, keep: false) }
    public func max(squeezingAxes axes: [Int]) throws -> Tensor { try reduce(.max, axes: axes, keep: false) }

    public func min() throws -> Tensor { try reduce(.min, axes: [], keep: false) }
    public func min(alongAxes axes: Int...) throws -> Tensor { try reduce(.min, axes: axes, keep: true) }
    public func min(alongAxes axes: [Int]) throws -> Tensor { try reduce(.min, axes: axes, keep: true) }
    public func min(squeezingAxes axes: Int...) throws -> Tensor { try reduce(.min, axes: axes, keep: false) }
    public func min(squeezingAxes axes: [Int]) throws -> Tensor { try reduce(.min, axes: axes, keep: false) }
}

/// NaN-propagating max and min, as NumPy's.
@inline(__always) private func maxNaN(_ a: Float, _ b: Float) -> Float { a.isNaN || a > b ? a : b }
@inline(__always) private func minNaN(_ a: Float, _ b: Float) -> Float { a.isNaN || a < b ? a : b }

/// A one-axis float32 reduction over a `(outer, length, inner)` view (length > 0 for max/min).
private func reduceFloat(_ s: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>,
                         outer: Int, length: Int, inner: Int, kind: Tensor.Reduction) {
    if inner == 1 {
        Parallel.chunks(outer, costPerElement: Swift.max(length, 1)) { r in
            for o in r {
                let row = s + o * length
                switch kind {
                case .sum, .mean: out[o] = pairwiseSum(row, length, 1)
                case .max: var m = row[0]; for j in 1..<length { m = maxNaN(m, row[j]) }; out[o] = m
                case .min: var m = row[0]; for j in 1..<length { m = minNaN(m, row[j]) }; out[o] = m
                }
            }
        }
        return
    }
    // Inner axes contiguous: accumulate whole rows in order (NumPy does the same).
    Parallel.chunks(outer, costPerElement: Swift.max(length, 1) * inner) { r in
        for o in r {
            let dst = out + o * inner
            let base = s + o * length * inner
            if length == 0 { dst.initialize(repeating: 0, count: inner); continue }
            dst.update(from: base, count: inner)
            for j in 1..<length {
                let row = base + j * inner
                switch kind {
                case .sum, .mean: for i in 0..<inner { dst[i] += row[i] }
                case .max: for i in 0..<inner { dst[i] = maxNaN(dst[i], row[i]) }
                case .min: for i in 0..<inner { dst[i] = minNaN(dst[i], row[i]) }
                }
            }
        }
    }
}

/// A one-axis int32 reduction (sums wrap as TensorFlow's int32 sums).
private func reduceInt(_ s: UnsafePointer<Int32>, _ out: UnsafeMutablePointer<Int32>,
                       outer: Int, length: Int, inner: Int, kind: Tensor.Reduction) {
    for o in 0..<outer {
        let dst = out + o * inner
        let base = s + o * length * inner
        if length == 0 { dst.initialize(repeating: 0, count: inner); continue }
        dst.update(from: base, count: inner)
        for j in 1..<length {
            let row = base + j * inner
            switch kind {
            case .sum, .mean: for i in 0..<inner { dst[i] &+= row[i] }
            case .max: for i in 0..<inner { dst[i] = Swift.max(dst[i], row[i]) }
            case .min: for i in 0..<inner { dst[i] = Swift.min(dst[i], row[i]) }
            }
        }
    }
}

/// NumPy's pairwise summation of float32 (numpy/_core/src/umath/loops_utils.h.src): blocks of
/// up to 128 summed with 8 accumulators, halves summed recursively. Accumulates in Float.
func pairwiseSum(_ a: UnsafePointer<Float>, _ n: Int, _ stride: Int) -> Float {
    if stride == 1 { return pairwiseSumContiguous(a, n) }
    if n < 8 {
        var res: Float = 0
        for i in 0..<n { res += a[i * stride] }
        return res
    } else if n <= 128 {
        var r0 = a[0], r1 = a[stride], r2 = a[2 * stride], r3 = a[3 * stride]
        var r4 = a[4 * stride], r5 = a[5 * stride], r6 = a[6 * stride], r7 = a[7 * stride]
        var i = 8
        while i < n - (n % 8) {
            r0 += a[(i + 0) * stride]; r1 += a[(i + 1) * stride]
            r2 += a[(i + 2) * stride]; r3 += a[(i + 3) * stride]
            r4 += a[(i + 4) * stride]; r5 += a[(i + 5) * stride]
            r6 += a[(i + 6) * stride]; r7 += a[(i + 7) * stride]
            i += 8
        }
        var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        while i < n { res += a[i * stride]; i += 1 }
        return res
    } else {
        var n2 = n / 2
        n2 -= n2 % 8
        return pairwiseSum(a, n2, stride) + pairwiseSum(a + n2 * stride, n - n2, stride)
    }
}

/// `pairwiseSum` with stride 1, written so the 8 accumulators become vector lanes (the same
/// additions in the same order, so the same result).
func pairwiseSumContiguous(_ a: UnsafePointer<Float>, _ n: Int) -> Float {
    if n < 8 {
        var res: Float = 0
        for i in 0..<n { res += a[i] }
        return res
    } else if n <= 128 {
        var r = UnsafeRawPointer(a).loadUnaligned(as: SIMD8<Float>.self)
        var i = 8
        while i < n - (n % 8) {
            r += UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self)
            i += 8
        }
        var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        while i < n { res += a[i]; i += 1 }
        return res
    } else {
        var n2 = n / 2
        n2 -= n2 % 8
        return pairwiseSumContiguous(a, n2) + pairwiseSumContiguous(a + n2, n - n2)
    }
}
