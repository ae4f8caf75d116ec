// Enums (indirect, associated values), observers, subscripts, classes, errors, defer, and
// everyday Array/Dictionary/String API in one cell (each line was once a probe for a gap).
import Foundation
indirect enum Expr {
    case num(Int)
    case add(Expr, Expr)
    func eval() -> Int {
        switch self {
        case .num(let n): return n
        case let .add(a, b): return a.eval() + b.eval()
        }
    }
}
print(Expr.add(.num(2), .add(.num(3), .num(4))).eval())
enum Shape { case circle(r: Double), rect(w: Double, h: Double) }
let shapes: [Shape] = [.circle(r: 1), .rect(w: 2, h: 3)]
for case let .rect(w, h) in shapes { print("rect", w * h) }
struct Temp {
    var c: Double = 0 { didSet { print("changed from", oldValue, "to", c) } }
    subscript(scale: String) -> Double { scale == "F" ? c * 9 / 5 + 32 : c }
}
var t = Temp()
t.c = 100
print(t["F"])
class Animal { let name: String; init(name: String) { self.name = name }; func speak() -> String { "..." } }
class Dog: Animal { override func speak() -> String { "\(name): woof" } }
let pets: [Animal] = [Dog(name: "rex"), Animal(name: "x")]
print(pets.map { $0.speak() }, pets[0] is Dog, (pets[1] as? Dog)?.name as Any)
print(String(10, radix: 2), Int("ff", radix: 16)!, pow(2.0, 10.0), sqrt(2.0), exp(0.0), log(1.0))
print((-7) % 3, 7 / -2, Double.pi.rounded(.up), 2.5.rounded(), (-2.5).rounded(.towardZero))
var a = [5, 3, 8, 1]
a.removeAll { $0 > 6 }
a.insert(9, at: 1)
let removed = a.remove(at: 0)
a.swapAt(0, 1)
print(a, removed, Array(a.reversed()), a.map(String.init).joined(separator: "-"))
print([("a", 3), ("b", 5)].sorted { $0.1 > $1.1 }.first!.0, (1, "b") < (1, "c"))
print("a-b-c".split(separator: "-", maxSplits: 1), "Hello".uppercased(), "x".padding(toLength: 3, withPad: ".", startingAt: 0))
print("héllo".count, "héllo".utf8.count, "ABc".filter { $0.isUppercase }, "a b".replacingOccurrences(of: " ", with: "_"))
print(String(describing: [1.5]), "\([1: "x"])", Int.max.description.count)
struct Oops: Error {}
func risky(_ x: Int) throws -> Int { if x < 0 { throw Oops() }; return x }
print((try? risky(-1)) as Any, (try? risky(2)) as Any)
func order() { defer { print("deferred") }; print("body") }
order()
var d = ["a": 1]
d["b", default: 0] += 2
d["a"] = nil
print(d, d.isEmpty, d.keys.sorted(), ["x": nil, "y": 2].compactMapValues { $0 })
let matrix = [[1, 2], [3, 4]]
print(matrix.map { $0.reduce(0, +) }, matrix[1][1], matrix.joined().map { $0 * 10 })
var s = Set<Int>()
s.insert(3); s.insert(3)
print(s.count, s.contains(3))
// expect: 9
// expect: rect 6.0
// expect: changed from 0.0 to 100.0
// expect: 212.0
// expect: ["rex: woof", "..."] true nil
// expect: 1010 255 1024.0 1.4142135623730951 1.0 0.0
// expect: -1 -3 4.0 3.0 -2.0
// expect: [3, 9, 1] 5 [1, 9, 3] 3-9-1
// expect: b true
// expect: ["a", "b-c"] HELLO x..
// expect: 5 6 AB a_b
// expect: [1.5] [1: "x"] 19
// expect: nil Optional(2)
// expect: body
// expect: deferred
// expect: ["b": 2] false ["b"] ["y": 2]
// expect: [3, 7] 4 [10, 20, 30, 40]
// expect: 1 true
