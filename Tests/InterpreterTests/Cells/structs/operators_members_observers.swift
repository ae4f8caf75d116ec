// Operator overloads chosen by their parameter types, a prefix operator, members that win over
// top-level names inside a type, assigning a property inside its own didSet, labelled tuple
// defaults, zip with a one-sided range.
struct Matrix: CustomStringConvertible {
    var a: Double, b: Double
    static func * (l: Matrix, r: Matrix) -> Matrix { Matrix(a: l.a * r.a, b: l.b * r.b) }
    static func * (l: Double, r: Matrix) -> Matrix { Matrix(a: l * r.a, b: l * r.b) }
    static func * (l: Matrix, r: Double) -> Matrix { Matrix(a: l.a * r + 100, b: l.b * r) }
    static prefix func - (m: Matrix) -> Matrix { Matrix(a: -m.a, b: -m.b) }
    var description: String { "[\(a), \(b)]" }
}
let m = Matrix(a: 2, b: 3)
print(m * m)
print(2.0 * m)
print(m * 2.0)
print(-m)
let grid = [1, 2, 3]
struct Board {
    var grid: [[Int]]
    init(n: Int) { grid = Array(repeating: Array(repeating: 0, count: n), count: n) }
    func total() -> Int { grid.count }
}
print(Board(n: 2).grid, Board(n: 3).total())
struct Temp {
    var c: Double = 0 {
        didSet { if c > 100 { c = 100 }; print("set", c) }
    }
}
var t = Temp()
t.c = 150
print(t.c)
struct P { var pos: (x: Double, y: Double) = (x: 0.0, y: 0.0) }
var p = P()
p.pos = (1, 2)
print(p.pos)
print(p)
for (i, v) in zip(1..., ["a", "b"]) { print(i, v) }
// expect: [4.0, 9.0]
// expect: [4.0, 6.0]
// expect: [104.0, 6.0]
// expect: [-2.0, -3.0]
// expect: [[0, 0], [0, 0]] 3
// expect: set 100.0
// expect: 100.0
// expect: (x: 1.0, y: 2.0)
// expect: P(pos: (x: 1.0, y: 2.0))
// expect: 1 a
// expect: 2 b
