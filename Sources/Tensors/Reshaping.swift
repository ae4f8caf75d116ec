// Reshape, expand, squeeze and transpose.

extension Tensor {
    /// The same elements in a new shape; one dimension may be -1 (inferred).
    public func reshaped(to newShape: [Int]) throws -> Tensor {
        let op = "reshaped(to:)"
        let target = TensorShape(newShape.map { $0 == -1 ? nil : $0 })
        guard newShape.filter({ $0 == -1 }).count <= 1, newShape.allSatisfy({ $0 >= -1 }) else {
            throw TensorError("\(op): invalid target shape \(newShape) for \(shape): at most one -1 and no other negative sizes")
        }
        let known = newShape.filter { $0 != -1 }.reduce(1, *)
        var dims = target.dimensions
        if let count = shape.elementCount {
            if let i = newShape.firstIndex(of: -1) {
                guard known != 0 && count % known == 0 else {
                    throw TensorError("\(op): cannot reshape \(shape) (\(count) elements) to \(target)")
                }
                dims[i] = count / known
            } else if known != count {
                throw TensorError("\(op): cannot reshape \(shape) (\(count) elements) to \(TensorShape(newShape)) (\(known) elements)")
            }
        }
        if isSymbolic { return Tensor(symbolicShape: TensorShape(dims), dtype: dtype) }
        return try reshapedUnchecked(dims.map { $0! }).recordedReshape(of: self)
    }

    /// A reshape's result recorded: the gradient takes the input's shape back.
    func recordedReshape(of x: Tensor) -> Tensor {
        guard Tape.tracked(x) else { return self }
        return recorded(x) { g in [try g.reshapedUnchecked(x.dims)] }
    }

    /// Same storage, new dims with the same element count (our own callers only).
    func reshapedUnchecked(_ newDims: [Int]) throws -> Tensor {
        if isSymbolic { return Tensor(symbolicShape: TensorShape(newDims), dtype: dtype) }
        precondition(newDims.reduce(1, *) == scalarCount, "reshape count mismatch")
        return Tensor(dtype: dtype, dims: newDims, buffer: buffer!)
    }

    /// Inserts a dimension of 1 at `axis` (-1 appends): `(2, 3)` at 1 gives `(2, 1, 3)`.
    public func expandingShape(at axis: Int) throws -> Tensor {
        let a = try normalizedAxis(axis, rank: rank + 1, operation: "expandingShape(at:)")
        var dims = shape.dimensions
        dims.insert(1, at: a)
        if isSymbolic { return Tensor(symbolicShape: TensorShape(dims), dtype: dtype) }
        return try reshapedUnchecked(dims.map { $0! }).recordedReshape(of: self)
    }

    /// Removes the dimensions of size 1 at `axes`; with no axes, every dimension of size 1.
    public func squeezingShape(at axes: Int...) throws -> Tensor {
        try squeezingShape(at: axes)
    }

    public func squeezingShape(at axes: [Int]) throws -> Tensor {
        let op = "squeezingShape(at:)"
        var remove = Set<Int>()
        if axes.isEmpty {
            for (i, d) in shape.dimensions.enumerated() where d == 1 { remove.insert(i) }
        }
        for axis in axes {
            let a = try normalizedAxis(axis, rank: rank, operation: op)
            if let d = shape.dimensions[a], d != 1 {
                throw TensorError("\(op): cannot squeeze axis \(axis) of size \(d) in shape \(shape)")
            }
            remove.insert(a)
        }
        let dims = shape.dimensions.enumerated().filter { !remove.contains($0.offset) }.map(\.element)
        if isSymbolic { return Tensor(symbolicShape: TensorShape(dims), dtype: dtype) }
        return try reshapedUnchecked(dims.map { $0! }).recordedReshape(of: self)
    }

    /// Axes reversed: `(a, b, c)` becomes `(c, b, a)`.
    public func transposed() throws -> Tensor {
        try transposed(permutation: Array((0..<rank).reversed()))
    }

    /// Axes reordered: result axis i is input axis `permutation[i]`.
    public func transposed(permutation: Int...) throws -> Tensor {
        try transposed(permutation: permutation)
    }

    public func transposed(permutation: [Int]) throws -> Tensor {
        let op = "transposed(permutation:)"
        let perm = try permutation.map { try normalizedAxis($0, rank: rank, operation: op) }
        guard perm.count == rank, Set(perm).count == rank else {
            throw TensorError("\(op): \(permutation) is not a permutation of the axes of shape \(shape)")
        }
        let outShape = TensorShape(perm.map { shape.dimensions[$0] })
        if isSymbolic { return Tensor(symbolicShape: outShape, dtype: dtype) }
        if perm == Array(0..<rank) { return self }
        let y = try permuted(perm, outShape)
        guard Tape.tracked(self) else { return y }
        // The gradient goes back through the inverse permutation.
        var inverse = perm
        for (i, p) in perm.enumerated() { inverse[p] = i }
        return y.recorded(self) { g in [try g.transposed(permutation: inverse)] }
    }

    private func permuted(_ perm: [Int], _ outShape: TensorShape) throws -> Tensor {
        let inDims = dims
        let outDims = outShape.knownDimensions!
        var inStrides = [Int](repeating: 1, count: rank)
        for i in stride(from: rank - 2, through: 0, by: -1) { inStrides[i] = inStrides[i + 1] * inDims[i + 1] }
        let strides = perm.map { inStrides[$0] }
        let src = buffer!
        switch dtype {
        case .float32:
            return try Tensor.float32(outDims) { out, count in
                if count > 0 { permute(UnsafePointer(src.floats), out, outDims: outDims, strides: strides) }
            }
        case .int32:
            return try Tensor.int32(outDims) { out, count in
                if count > 0 { permute(UnsafePointer(src.ints), out, outDims: outDims, strides: strides) }
            }
        }
    }
}

/// Writes `out` (row-major over `outDims`) from `src` read at `strides` (input strides in
/// output axis order). The output's last axis and the axis the input walks contiguously are
/// copied in 32 x 32 tiles, so both reads and writes stay in cache; when they are the same
/// axis, whole rows are copied.
private func permute<T>(_ src: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>,
                        outDims: [Int], strides: [Int]) {
    let rank = outDims.count
    var outStrides = [Int](repeating: 1, count: rank)
    for i in stride(from: rank - 2, through: 0, by: -1) { outStrides[i] = outStrides[i + 1] * outDims[i + 1] }
    let last = rank - 1
    // The axis whose input stride is 1 (the input's last axis, moved).
    let p = strides.firstIndex(of: 1) ?? last
    let planeAxes = p == last ? [last] : [p, last]
    let others = (0..<rank).filter { !planeAxes.contains($0) }
    let otherCount = others.reduce(1) { $0 * outDims[$1] }
    let rows = outDims[p], cols = outDims[last]
    let rowIn = strides[p], rowOut = outStrides[p]       // p == last: unused
    let colIn = strides[last]
    let tile = 32
    Parallel.chunks(otherCount, costPerElement: p == last ? cols : rows * cols) { range in
        for o in range {
            // Offsets of this combination of the other axes.
            var r = o, inOff = 0, outOff = 0
            for axis in others.reversed() {
                let idx = r % outDims[axis]
                r /= outDims[axis]
                inOff += idx * strides[axis]
                outOff += idx * outStrides[axis]
            }
            let s = src + inOff, d = out + outOff
            if p == last {
                if colIn == 1 { d.update(from: s, count: cols) } else { for j in 0..<cols { d[j] = s[j * colIn] } }
                continue
            }
            var i0 = 0
            while i0 < rows {
                let i1 = Swift.min(rows, i0 + tile)
                var j0 = 0
                while j0 < cols {
                    let j1 = Swift.min(cols, j0 + tile)
                    for i in i0..<i1 {
                        for j in j0..<j1 { d[i * rowOut + j] = s[i * rowIn + j * colIn] }
                    }
                    j0 = j1
                }
                i0 = i1
            }
        }
    }
}
