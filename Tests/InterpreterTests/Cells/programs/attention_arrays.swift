// Dot-product attention with plain arrays, the way a course introduces it before tensors.
import Foundation
typealias Matrix = [[Double]]
func matmul(_ a: Matrix, _ b: Matrix) -> Matrix {
    a.map { row in (0..<b[0].count).map { j in zip(row, b.map { $0[j] }).map(*).reduce(0, +) } }
}
func transpose(_ m: Matrix) -> Matrix { (0..<m[0].count).map { j in m.map { $0[j] } } }
func softmax(_ row: [Double]) -> [Double] {
    let m = row.max()!
    let e = row.map { exp($0 - m) }
    let s = e.reduce(0, +)
    return e.map { $0 / s }
}
let queries: Matrix = [[1, 0], [0, 1]]
let keys: Matrix = [[1, 0], [0, 1], [1, 1]]
let values: Matrix = [[10, 0], [0, 10], [5, 5]]
let scores = matmul(queries, transpose(keys)).map { $0.map { $0 / 2.0.squareRoot() } }
print(scores.map { $0.map { ($0 * 1000).rounded() / 1000 } })  // expect: [[0.707, 0.0, 0.707], [0.0, 0.707, 0.707]]
let weights = scores.map(softmax)
print(weights.map { $0.map { ($0 * 1000).rounded() / 1000 } })  // expect: [[0.401, 0.198, 0.401], [0.198, 0.401, 0.401]]
print(weights.map { $0.reduce(0, +) }.allSatisfy { abs($0 - 1) < 1e-12 })  // expect: true
let context = matmul(weights, values)
print(context.map { $0.map { String(format: "%.4f", $0) } })  // expect: [["6.0167", "3.9833"], ["3.9833", "6.0167"]]
