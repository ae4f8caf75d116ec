// The shape of a tensor: a list of dimensions, each known or unknown (`None`).

/// A tensor's shape. Concrete tensors have every dimension known; symbolic tensors (model
/// building) may have unknown ones, usually the batch: `(None, 500, 128)`.
/// Prints like a Python tuple, as TensorFlow prints `x.shape`: `(1, 3, 256)`, `(5,)`, `()`.
public struct TensorShape: Equatable, Hashable, Sendable, CustomStringConvertible,
                           ExpressibleByArrayLiteral {
    /// The dimensions; `nil` is unknown.
    public var dimensions: [Int?]

    public init(_ dimensions: [Int?]) {
        self.dimensions = dimensions
    }

    public init(_ dimensions: [Int]) {
        self.dimensions = dimensions.map { Optional($0) }
    }

    /// `[nil, 500, 128]` or `[2, 3]`.
    public init(arrayLiteral elements: Int?...) {
        self.init(elements)
    }

    public var rank: Int { dimensions.count }

    /// True when every dimension is known.
    public var isFullyKnown: Bool { dimensions.allSatisfy { $0 != nil } }

    /// The dimensions when all are known.
    public var knownDimensions: [Int]? {
        isFullyKnown ? dimensions.map { $0! } : nil
    }

    /// Number of elements, or nil when a dimension is unknown.
    public var elementCount: Int? {
        knownDimensions.map { $0.reduce(1, *) }
    }

    /// The dimension at `index` (negative counts from the end); nil when unknown.
    /// The index must be in range: use `dimension(at:)` for a checked, throwing version.
    public subscript(index: Int) -> Int? {
        let i = index < 0 ? index + rank : index
        precondition(i >= 0 && i < rank, "TensorShape index out of range")
        return dimensions[i]
    }

    /// The dimension at `axis` (negative counts from the end), checked.
    public func dimension(at axis: Int) throws -> Int? {
        let i = try normalizedAxis(axis, rank: rank, operation: "shape")
        return dimensions[i]
    }

    public var description: String {
        let parts = dimensions.map { $0.map(String.init) ?? "None" }
        if parts.count == 1 { return "(\(parts[0]),)" }
        return "(" + parts.joined(separator: ", ") + ")"
    }
}

/// Turns a possibly negative axis into an index in `0..<rank`, or throws naming the operation.
func normalizedAxis(_ axis: Int, rank: Int, operation: String) throws -> Int {
    let a = axis < 0 ? axis + rank : axis
    guard a >= 0 && a < rank else {
        throw TensorError("\(operation): axis \(axis) is out of range for rank \(rank)")
    }
    return a
}
