import Tensors

/// scikit-learn's `train_test_split` for tensors with the same first dimension: rows are shuffled
/// with `generator` (the session's, so the split is the same on every run) and the last
/// `ceil(testFraction · rows)` go to the test set. Returns (aTrain, aTest, bTrain, bTest).
public func trainTestSplit(_ a: Tensor, _ b: Tensor, testFraction: Double,
                           generator: inout RandomGenerator) throws -> (Tensor, Tensor, Tensor, Tensor) {
    guard testFraction > 0 && testFraction < 1 else {
        throw PreprocessingError("trainTestSplit: testFraction must be between 0 and 1 (got \(testFraction))")
    }
    guard a.rank >= 1, b.rank >= 1, a.shape.dimensions[0] == b.shape.dimensions[0] else {
        throw PreprocessingError("trainTestSplit: both tensors need the same number of rows: \(a.shape) and \(b.shape)")
    }
    let rows = a.shape.dimensions[0] ?? 0
    let testCount = Int((testFraction * Double(rows)).rounded(.up))
    guard testCount < rows else {
        throw PreprocessingError("trainTestSplit: \(rows) rows leave none for training with testFraction \(testFraction)")
    }
    // Fisher–Yates with the seeded generator.
    var order = Array(0..<rows)
    for i in stride(from: rows - 1, to: 0, by: -1) {
        let j = Int(generator.nextInt32(lower: 0, upper: Int32(i + 1)))
        order.swapAt(i, j)
    }
    let train = Array(order[..<(rows - testCount)]), test = Array(order[(rows - testCount)...])
    return (try rowsOf(a, train), try rowsOf(a, test), try rowsOf(b, train), try rowsOf(b, test))
}

/// The rows of `t` at `indices`, in that order.
func rowsOf(_ t: Tensor, _ indices: [Int]) throws -> Tensor {
    let rows = try indices.map { try t.indexed([.range($0..<($0 + 1))]) }
    if rows.isEmpty {
        var shape = t.shape.dimensions.map { $0 ?? 0 }
        shape[0] = 0
        return try Tensor(zeros: shape, dtype: t.dtype)
    }
    return try Tensor(concatenating: rows, alongAxis: 0)
}
