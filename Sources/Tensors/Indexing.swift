// Indexing and slicing: x[0], x[0, 1], x[1..<3], x[..., 0] (NumPy basic indexing; negative
// indices count from the end).

/// One entry of a subscript.
public enum TensorIndex: Equatable, Sendable {
    /// A single position (the axis disappears); negative counts from the end.
    case at(Int)
    /// Positions `lower..<upper` by `stride` (the axis stays); nil bounds mean the whole axis;
    /// bounds are clamped as NumPy clamps slices.
    case range(lower: Int?, upper: Int?, stride: Int)
    /// `...`: as many whole axes as needed.
    case ellipsis
    /// A new axis of size 1.
    case newAxis

    public static func range(_ r: Range<Int>) -> TensorIndex { .range(lower: r.lowerBound, upper: r.upperBound, stride: 1) }
    public static func range(_ r: ClosedRange<Int>) -> TensorIndex { .range(lower: r.lowerBound, upper: r.upperBound + 1, stride: 1) }
    public static var all: TensorIndex { .range(lower: nil, upper: nil, stride: 1) }
}

extension Tensor {
    /// `x[0]`, `x[0, 1]`.
    public subscript(_ indices: Int...) -> Tensor {
        get throws { try indexed(indices.map { .at($0) }) }
    }

    /// `x[1..<3]`.
    public subscript(_ range: Range<Int>) -> Tensor {
        get throws { try indexed([.range(range)]) }
    }

    /// General form: `x[.ellipsis, .at(0)]`.
    public subscript(_ indices: TensorIndex...) -> Tensor {
        get throws { try indexed(indices) }
    }

    /// The element or slice selected by `indices`.
    public func indexed(_ indices: [TensorIndex]) throws -> Tensor {
        let op = "index"
        let consumed = indices.filter { $0 != .ellipsis && $0 != .newAxis }.count
        guard consumed <= rank else {
            throw TensorError("\(op): \(consumed) indices for shape \(shape) of rank \(rank)")
        }
        guard indices.filter({ $0 == .ellipsis }).count <= 1 else {
            throw TensorError("\(op): at most one ellipsis (...) in an index")
        }
        // Expand the ellipsis (or pad at the end) with whole axes.
        var expanded: [TensorIndex] = []
        for i in indices {
            if i == .ellipsis {
                expanded += Array(repeating: .all, count: rank - consumed)
            } else {
                expanded.append(i)
            }
        }
        if !indices.contains(.ellipsis) { expanded += Array(repeating: .all, count: rank - consumed) }

        // Per input axis: start, step, count; and the output shape.
        var starts: [Int] = [], steps: [Int] = [], counts: [Int?] = []
        var outDims: [Int?] = []
        var axis = 0
        for idx in expanded {
            switch idx {
            case .newAxis:
                outDims.append(1)
            case .ellipsis:
                break
            case .at(let i):
                let size = shape.dimensions[axis]
                var p = i
                if let size {
                    if p < 0 { p += size }
                    guard p >= 0 && p < size else {
                        throw TensorError("\(op): index \(i) is out of range for axis \(axis) of size \(size) in shape \(shape)")
                    }
                }
                starts.append(p); steps.append(1); counts.append(1)
                axis += 1
            case let .range(lower, upper, step):
                guard step != 0, step != Int.min else { throw TensorError("\(op): slice stride cannot be \(step)") }
                guard let size = shape.dimensions[axis] else {
                    guard lower == nil && upper == nil && step == 1 else {
                        throw TensorError("\(op): cannot slice unknown axis \(axis) of shape \(shape)")
                    }
                    starts.append(0); steps.append(1); counts.append(nil); outDims.append(nil)
                    axis += 1
                    continue
                }
                let (s, n) = sliceBounds(lower, upper, step, size)
                starts.append(s); steps.append(step); counts.append(n); outDims.append(n)
                axis += 1
            }
        }
        if isSymbolic { return Tensor(symbolicShape: TensorShape(outDims), dtype: dtype) }
        let inDims = dims
        var inStrides = [Int](repeating: 1, count: rank)
        if rank > 1 { for i in stride(from: rank - 2, through: 0, by: -1) { inStrides[i] = inStrides[i + 1] * inDims[i + 1] } }
        let n = counts.map { $0! }
        let base = zip(starts, inStrides).reduce(0) { $0 + $1.0 * $1.1 }
        let strides = zip(steps, inStrides).map { $0 * $1 }
        let src = UnsafeRawPointer(buffer!.raw)
        let y = try Tensor.raw(dtype, outDims.map { $0! }) { out, total in
            guard total > 0 else { return }
            var dst = out.assumingMemoryBound(to: UInt8.self)
            gather(src, base: base, counts: n, strides: strides, axis: 0, dst: &dst)
        }
        guard Tape.tracked(self) else { return y }
        // The gradient written back at the selected positions (distinct ones), zeros elsewhere.
        return y.recorded(self) { g in
            let gs = UnsafeRawPointer(g.buffer!.raw)
            return [try Tensor.float32(inDims) { out, total in
                out.initialize(repeating: 0, count: total)
                guard g.scalarCount > 0 else { return }
                var from = gs.assumingMemoryBound(to: UInt8.self)
                scatter(UnsafeMutableRawPointer(out), base: base, counts: n, strides: strides, axis: 0, src: &from)
            }]
        }
    }
}

/// Start and count of a Python slice `lower:upper:step` over `size`, clamped as Python does.
func sliceBounds(_ lower: Int?, _ upper: Int?, _ step: Int, _ size: Int) -> (Int, Int) {
    func clamp(_ v: Int?, _ dflt: Int, _ lo: Int, _ hi: Int) -> Int {
        guard var v else { return dflt }
        if v < 0 { v += size }
        return Swift.min(Swift.max(v, lo), hi)
    }
    if step > 0 {
        let s = clamp(lower, 0, 0, size), e = clamp(upper, size, 0, size)
        return (s, e > s ? (e - s + step - 1) / step : 0)
    } else {
        let s = clamp(lower, size - 1, -1, size - 1), e = clamp(upper, -1, -1, size - 1)
        let eAdj = upper == nil ? -1 : e
        return (s, s > eAdj ? (s - eAdj - step - 1) / -step : 0)
    }
}

/// Copies the elements at `base + sum(i_k * strides[k])` for every index tuple into `dst`
/// (4-byte elements, copied as raw bytes).
private func gather(_ src: UnsafeRawPointer, base: Int, counts: [Int], strides: [Int], axis: Int,
                    dst: inout UnsafeMutablePointer<UInt8>) {
    if axis == counts.count {
        (UnsafeMutableRawPointer(dst)).copyMemory(from: src + base * 4, byteCount: 4)
        dst += 4
        return
    }
    if axis == counts.count - 1 && strides[axis] == 1 {
        UnsafeMutableRawPointer(dst).copyMemory(from: src + base * 4, byteCount: counts[axis] * 4)
        dst += counts[axis] * 4
        return
    }
    for i in 0..<counts[axis] {
        gather(src, base: base + i * strides[axis], counts: counts, strides: strides, axis: axis + 1, dst: &dst)
    }
}

/// The inverse of `gather`: writes consecutive elements of `src` to `dst + base + sum(i_k * strides[k])`.
private func scatter(_ dst: UnsafeMutableRawPointer, base: Int, counts: [Int], strides: [Int], axis: Int,
                     src: inout UnsafePointer<UInt8>) {
    if axis == counts.count {
        (dst + base * 4).copyMemory(from: src, byteCount: 4)
        src += 4
        return
    }
    for i in 0..<counts[axis] {
        scatter(dst, base: base + i * strides[axis], counts: counts, strides: strides, axis: axis + 1, src: &src)
    }
}

extension Tensor {
    /// Rows of this table `(rows, columns)` picked by the int32 `ids` (any shape):
    /// `(ids..., columns)`, as `tf.gather(table, ids)`. An id outside the table is an error.
    /// Differentiable in the table: its gradient adds each id's row gradient to that row.
    public func gatheringRows(_ ids: Tensor) throws -> Tensor {
        let op = "gatheringRows"
        guard rank == 2, dtype == .float32 else { throw TensorError("\(op): needs a float32 table of rank 2, got \(dtype) \(shape)") }
        guard ids.dtype == .int32 else { throw TensorError("\(op): ids must be int32, got \(ids.dtype) \(ids.shape)") }
        let outShape = TensorShape(ids.shape.dimensions + [shape.dimensions[1]])
        if isSymbolic || ids.isSymbolic { return Tensor(symbolicShape: outShape, dtype: .float32) }
        let (rows, columns) = (dims[0], dims[1])
        let idValues = ids.int32Scalars
        if let bad = idValues.first(where: { $0 < 0 || Int($0) >= rows }) {
            throw TensorError("\(op): id \(bad) is outside the table's \(rows) rows")
        }
        let table = UnsafePointer(buffer!.floats)
        let y = try Tensor.float32(ids.dims + [columns]) { out, _ in
            for (k, id) in idValues.enumerated() { (out + k * columns).update(from: table + Int(id) * columns, count: columns) }
        }
        guard Tape.tracked(self) else { return y }
        return y.recorded(self) { g in
            let gp = g.buffer!.floats
            return [try Tensor.float32([rows, columns]) { out, count in
                out.initialize(repeating: 0, count: count)
                for (k, id) in idValues.enumerated() {
                    let row = out + Int(id) * columns, src = gp + k * columns
                    for j in 0..<columns { row[j] += src[j] }
                }
            }]
        }
    }
}
