// A uniform weight drawn when it is needed: an Embedding table of 30000 rows of which a cell
// looks up three is mostly never read, and drawing it whole cost the attention notebook ~30 ms
// (the numbers and the page faults of 30 MB) per table.
/// The numbers `WeightValues.uniform(count: rows · columns, ...)` would have drawn from a
/// generator at one point of its stream, drawn later: one row at a time, or whole. Philox is
/// counter-based, so row r is words r · columns ..< (r + 1) · columns after that point, the same
/// numbers in any order. Making one moves the generator past the whole table, as drawing it would.
public struct DeferredUniform: Sendable {
    public let rows: Int
    public let columns: Int
    public let lowerBound: Float
    public let upperBound: Float
    /// The generator as it stood at the table's first word.
    private let start: RandomGenerator

    public init(rows: Int, columns: Int, lowerBound: Float, upperBound: Float, generator: inout RandomGenerator) {
        (self.rows, self.columns, self.lowerBound, self.upperBound) = (rows, columns, lowerBound, upperBound)
        start = generator
        generator.skip(to: generator.position + UInt64(rows * columns))
    }

    /// Row `row` (in 0..<rows), or the part of it in `part`, into `out[0..<part.count]`.
    public func draw(row: Int, columns part: Range<Int>? = nil, into out: UnsafeMutablePointer<Float>) {
        let part = part ?? 0..<columns
        precondition(row >= 0 && row < rows && part.lowerBound >= 0 && part.upperBound <= columns,
                     "DeferredUniform: row \(row), columns \(part) outside \(rows) x \(columns)")
        var generator = start
        generator.skip(to: start.position + UInt64(row * columns + part.lowerBound))
        generator.fillUniform(out, count: part.count, lowerBound: lowerBound, upperBound: upperBound)
    }

    /// The whole table, row-major: what `WeightValues.uniform` would have returned.
    public func values() -> [Float] {
        var generator = start
        return WeightValues.uniform(count: rows * columns, lowerBound: lowerBound, upperBound: upperBound, generator: &generator)
    }
}
