// callAsFunction makes a value callable; conformance lists are accepted.
protocol Layer {}
struct Scale: Layer {
    var factor: Double
    func callAsFunction(_ x: Double) -> Double { x * factor }
}
struct Shift: Layer {
    var offset: Double
    func callAsFunction(_ x: Double) -> Double { x + offset }
}
struct Sequential {
    var first: Scale
    var second: Shift
    func callAsFunction(_ x: Double) -> Double { second(first(x)) }
}
let model = Sequential(first: Scale(factor: 2), second: Shift(offset: 1))
print(model(3))                                  // expect: 7.0
print([1.0, 2.0].map { model($0) })              // expect: [3.0, 5.0]
print(model)                                     // expect: Sequential(first: Scale(factor: 2.0), second: Shift(offset: 1.0))
struct Accumulator {
    var total = 0
    mutating func callAsFunction(_ x: Int) { total += x }
}
var acc = Accumulator()
acc(5); acc(6)
print(acc.total)                                 // expect: 11
typealias Vector = [Double]
func dot(_ a: Vector, _ b: Vector) -> Double { zip(a, b).map { $0 * $1 }.reduce(0, +) }
print(dot([1, 2, 3], [4, 5, 6]))                 // expect: 32.0
