// Joining and repeating tensors: concatenate, stack, repeat (tf.repeat), tile.

extension Tensor {
    /// The tensors joined along `axis`; every other dimension must agree.
    public init(concatenating tensors: [Tensor], alongAxis axis: Int = 0) throws {
        let op = "concatenate"
        guard let first = tensors.first else { throw TensorError("\(op): needs at least one tensor") }
        for t in tensors where t.dtype != first.dtype {
            throw TensorError("\(op): dtypes differ: \(first.dtype) and \(t.dtype)")
        }
        for t in tensors where t.rank != first.rank {
            throw TensorError("\(op): ranks differ: \(first.shape) and \(t.shape)")
        }
        guard first.rank > 0 else { throw TensorError("\(op): cannot concatenate rank-0 tensors") }
        let a = try normalizedAxis(axis, rank: first.rank, operation: op)
        var dims = first.shape.dimensions
        dims[a] = 0
        for t in tensors {
            for i in 0..<first.rank where i != a {
                switch (dims[i], t.shape.dimensions[i]) {
                case let (x?, y?) where x != y:
                    throw TensorError("\(op): shapes \(first.shape) and \(t.shape) differ outside axis \(axis)")
                case (nil, let y): dims[i] = y
                default: break
                }
            }
            if let d = dims[a], let e = t.shape.dimensions[a] { dims[a] = d + e } else { dims[a] = nil }
        }
        if tensors.contains(where: \.isSymbolic) {
            self.init(symbolicShape: TensorShape(dims), dtype: first.dtype)
            return
        }
        let outDims = dims.map { $0! }
        let outer = outDims[..<a].reduce(1, *)
        let inner = outDims[(a + 1)...].reduce(1, *)
        let chunks = tensors.map { $0.dims[a] * inner * 4 }
        let sources = tensors.map { UnsafeRawPointer($0.buffer!.raw) }
        let rowBytes = outDims[a] * inner * 4
        // Initializer parameters are owned: without this, the optimiser may release `tensors`
        // (and a temporary tensor only it holds) right after `sources` is read.
        let y = try withExtendedLifetime(tensors) {
            try Tensor.raw(first.dtype, outDims) { out, count in
                guard count > 0 else { return }
                Parallel.chunks(outer, costPerElement: rowBytes / 4) { r in
                    for o in r {
                        var dst = out + o * rowBytes
                        for (src, bytes) in zip(sources, chunks) {
                            dst.copyMemory(from: src + o * bytes, byteCount: bytes)
                            dst += bytes
                        }
                    }
                }
            }
        }
        guard Tape.tracked(tensors) else { self = y; return }
        // Each input's gradient is its slice of the result's gradient along the axis.
        let lengths = tensors.map { $0.dims[a] }
        self = y.recorded(tensors) { g in
            var start = 0
            return try lengths.map { length in
                var index = [TensorIndex](repeating: .all, count: a)
                index.append(.range(start..<(start + length)))
                start += length
                return try g.indexed(index)
            }
        }
    }

    /// The tensors (all the same shape) stacked along a new axis at `axis`.
    public init(stacking tensors: [Tensor], alongAxis axis: Int = 0) throws {
        guard let first = tensors.first else { throw TensorError("stack: needs at least one tensor") }
        for t in tensors where t.shape.rank != first.rank || !shapesCompatible(t.shape, first.shape) {
            throw TensorError("stack: shapes differ: \(first.shape) and \(t.shape)")
        }
        let a = try normalizedAxis(axis, rank: first.rank + 1, operation: "stack")
        try self.init(concatenating: try tensors.map { try $0.expandingShape(at: a) }, alongAxis: a)
    }

    /// Each element repeated `count` times along `axis`, as `tf.repeat`:
    /// `[[1, 2]]` repeated 2 along axis 1 is `[[1, 1, 2, 2]]`.
    public func repeated(_ count: Int, alongAxis axis: Int) throws -> Tensor {
        let op = "repeated(_:alongAxis:)"
        guard count >= 0, count <= Int(Int32.max) else { throw TensorError("\(op): count \(count) is negative or too large") }
        let a = try normalizedAxis(axis, rank: rank, operation: op)
        var dims = shape.dimensions
        dims[a] = dims[a].map { $0 * count }
        if isSymbolic { return Tensor(symbolicShape: TensorShape(dims), dtype: dtype) }
        let outDims = dims.map { $0! }
        let inDims = self.dims
        let outer = inDims[..<a].reduce(1, *), length = inDims[a]
        let innerBytes = inDims[(a + 1)...].reduce(1, *) * 4
        let src = UnsafeRawPointer(buffer!.raw)
        let y = try Tensor.raw(dtype, outDims) { out, total in
            guard total > 0 else { return }
            var dst = out
            for o in 0..<outer {
                for j in 0..<length {
                    let s = src + (o * length + j) * innerBytes
                    for _ in 0..<count { dst.copyMemory(from: s, byteCount: innerBytes); dst += innerBytes }
                }
            }
        }
        guard Tape.tracked(self) else { return y }
        // The gradient of each element: the sum of its `count` copies.
        let inner = inDims[(a + 1)...].reduce(1, *)
        return y.recorded(self) { g in
            [try g.reshapedUnchecked([outer, length, count, inner]).reduce(.sum, axes: [2], keep: false)
                .reshapedUnchecked(inDims)]
        }
    }

    /// The tensor repeated `multiples[i]` times along each axis i, as `tf.tile`.
    public func tiled(multiples: [Int]) throws -> Tensor {
        let op = "tiled(multiples:)"
        guard multiples.count == rank else {
            throw TensorError("\(op): \(multiples.count) multiples for shape \(shape) of rank \(rank)")
        }
        guard multiples.allSatisfy({ $0 >= 0 && $0 <= Int(Int32.max) }) else {
            throw TensorError("\(op): negative or too large multiple in \(multiples)")
        }
        let dims = zip(shape.dimensions, multiples).map { d, m in d.map { $0 * m } }
        if isSymbolic { return Tensor(symbolicShape: TensorShape(dims), dtype: dtype) }
        var result = self
        // One axis at a time: tiling axis i is repeating the block of axes i... as a whole.
        for (i, m) in multiples.enumerated() where m != 1 {
            result = try result.tileAxis(i, m)
        }
        guard Tape.tracked(self) else { return result }
        // The gradient of each element: the sum over its tiles, seen as axes (m0, d0, m1, d1, ...).
        let inDims = self.dims
        return result.recorded(self) { g in
            let split = zip(multiples, inDims).flatMap { [$0, $1] }
            let tileAxes = Array(stride(from: 0, to: split.count, by: 2))
            return [try g.reshapedUnchecked(split).reduce(.sum, axes: tileAxes, keep: false).reshapedUnchecked(inDims)]
        }
    }

    private func tileAxis(_ a: Int, _ m: Int) throws -> Tensor {
        var outDims = dims
        outDims[a] *= m
        let outer = dims[..<a].reduce(1, *)
        let blockBytes = dims[a...].reduce(1, *) * 4
        let src = UnsafeRawPointer(buffer!.raw)
        return try Tensor.raw(dtype, outDims) { out, total in
            guard total > 0 else { return }
            var dst = out
            for o in 0..<outer {
                for _ in 0..<m { dst.copyMemory(from: src + o * blockBytes, byteCount: blockBytes); dst += blockBytes }
            }
        }
    }
}

/// Shapes that can describe the same tensor (unknown dimensions match anything).
func shapesCompatible(_ a: TensorShape, _ b: TensorShape) -> Bool {
    a.rank == b.rank && zip(a.dimensions, b.dimensions).allSatisfy { x, y in x == nil || y == nil || x == y }
}
