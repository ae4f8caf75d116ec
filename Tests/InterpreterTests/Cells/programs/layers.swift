// A struct hierarchy of layers with callAsFunction, in plain Swift (no tensors).
import Foundation
protocol Layer {}
struct Dense: Layer {
    var weights: [[Double]]
    var bias: [Double]
    var activation: (Double) -> Double = { $0 }
    func callAsFunction(_ x: [Double]) -> [Double] {
        weights.indices.map { row in
            activation(zip(weights[row], x).map { $0 * $1 }.reduce(bias[row], +))
        }
    }
}
func relu(_ x: Double) -> Double { max(0, x) }
struct MLP: Layer {
    var hidden: Dense
    var output: Dense
    func callAsFunction(_ x: [Double]) -> [Double] { output(hidden(x)) }
}
let mlp = MLP(
    hidden: Dense(weights: [[1, -1], [0.5, 2]], bias: [0, -1], activation: relu),
    output: Dense(weights: [[1, 1]], bias: [0.25])
)
print(mlp([2, 1]))            // expect: [3.25]
print(mlp([-1, 3]))           // expect: [4.75]
struct Embedding: Layer {
    var table: [[Double]]
    func callAsFunction(_ ids: [Int]) -> [[Double]] { ids.map { table[$0] } }
}
let embed = Embedding(table: [[0, 0], [1, 0.5], [-1, 2]])
let vectors = embed([2, 1, 1])
print(vectors)                // expect: [[-1.0, 2.0], [1.0, 0.5], [1.0, 0.5]]
func meanPool(_ xs: [[Double]]) -> [Double] {
    (0..<xs[0].count).map { j in xs.map { $0[j] }.reduce(0, +) / Double(xs.count) }
}
print(meanPool(vectors))      // expect: [0.3333333333333333, 1.0]
func softmax(_ xs: [Double]) -> [Double] {
    let m = xs.max()!
    let e = xs.map { exp($0 - m) }
    let s = e.reduce(0, +)
    return e.map { $0 / s }
}
let p = softmax([1, 2, 3])
print(p.map { ($0 * 1000).rounded() / 1000 })  // expect: [0.09, 0.245, 0.665]
class Module {
    var training = true
    func parameters() -> Int { 0 }
}
final class Linear: Module {
    let inputs: Int, outputs: Int
    init(_ inputs: Int, _ outputs: Int) { self.inputs = inputs; self.outputs = outputs }
    override func parameters() -> Int { inputs * outputs + outputs }
}
final class Stack: Module {
    let layers: [Module]
    init(_ layers: [Module]) { self.layers = layers }
    override func parameters() -> Int { layers.map { $0.parameters() }.reduce(0, +) }
}
let net = Stack([Linear(784, 128), Linear(128, 10)])
print(net.parameters())       // expect: 101770
