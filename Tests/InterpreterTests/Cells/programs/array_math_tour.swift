// Numeric array code as a course writes it before tensors: dot products, softmax, matmul by
// index, argmax, Float arrays, descriptions of results (each line was once a probe for a gap).
import Foundation
let a: [Double] = [1, 2, 3], b = [4.0, 5, 6]
let dot = zip(a, b).map(*).reduce(0, +)
print(dot, sqrt(a.map { $0 * $0 }.reduce(0, +)))
func softmax(_ xs: [Double]) -> [Double] {
    let m = xs.max()!
    let e = xs.map { exp($0 - m) }
    let s = e.reduce(0, +)
    return e.map { $0 / s }
}
print(softmax([1, 2, 3]).map { String(format: "%.3f", $0) })
var w = Array(repeating: Array(repeating: 0.0, count: 2), count: 2)
for i in 0..<2 { for j in 0..<2 { w[i][j] = Double(i * 2 + j) / 10 } }
func matmul(_ x: [[Double]], _ y: [[Double]]) -> [[Double]] {
    (0..<x.count).map { i in (0..<y[0].count).map { j in (0..<y.count).reduce(0.0) { $0 + x[i][$1] * y[$1][j] } } }
}
print(matmul(w, w))
let scores = [0.2, 0.9, 0.4]
print(scores.firstIndex(of: scores.max()!)!, scores.enumerated().max { $0.element < $1.element }!.offset)
print(scores.sorted(by: >), scores.map { $0 > 0.3 ? 1 : 0 })
let f: [Float] = [0.1, 0.2]
print(f.reduce(0, +), f.map { $0 * 2 }, Float(1) / 3)
var loss = 1.0
for epoch in 1...3 { loss *= 0.5; print("epoch \(epoch): loss \(loss)") }
print(Double(7) / 2, 7 / 2, Double(7 / 2), Int(3.99), Int((3.5).rounded()), -7 / 2)
print(1e-5, 0.1 + 0.2, 1.0 / 3.0, Float(1.0 / 3.0), 100.0, 1e16, 123456789.0 * 10)
print(pow(2, 0.5), log10(1000.0), tanh(0.0), abs(-2.5), (2.0).squareRoot())
let m = [[1, 2], [3, 4]]
print(m.map { $0.map { Double($0) } }, m.flatMap { $0 }.max()!, m[0].indices.map { j in m.map { $0[j] } })
print((1...10).filter { $0 % 3 == 0 }.map { $0 * $0 }, Array(1...4).reversed().map { $0 })
print(Double.infinity > 1e308, Double.nan == Double.nan, (0.0 / 0.0).isNaN, Double.maximum(1, 2))
// expect: 32.0 3.7416573867739413
// expect: ["0.090", "0.245", "0.665"]
// expect: [[0.020000000000000004, 0.03], [0.06, 0.11]]
// expect: 1 1
// expect: [0.9, 0.4, 0.2] [0, 1, 1]
// expect: 0.3 [0.2, 0.4] 0.33333334
// expect: epoch 1: loss 0.5
// expect: epoch 2: loss 0.25
// expect: epoch 3: loss 0.125
// expect: 3.5 3 3.0 3 4 -3
// expect: 1e-05 0.30000000000000004 0.3333333333333333 0.33333334 100.0 1e+16 1234567890.0
// expect: 1.4142135623730951 3.0 0.0 2.5 1.4142135623730951
// expect: [[1.0, 2.0], [3.0, 4.0]] 4 [[1, 3], [2, 4]]
// expect: [9, 36, 81] [4, 3, 2, 1]
// expect: true false true 2.0
