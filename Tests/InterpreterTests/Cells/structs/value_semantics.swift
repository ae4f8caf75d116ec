// Structs: memberwise init, default values, value semantics, mutating methods.
struct Point {
    var x: Double
    var y: Double = 0
    mutating func move(by dx: Double) { x += dx }
    func distance(to other: Point) -> Double {
        ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
    }
}
var p = Point(x: 1, y: 2)
var q = p
q.x = 10
print(p)                         // expect: Point(x: 1.0, y: 2.0)
print(q)                         // expect: Point(x: 10.0, y: 2.0)
p.move(by: 2)
print(p.x)                       // expect: 3.0
print(Point(x: 5))               // expect: Point(x: 5.0, y: 0.0)
print(Point(x: 0, y: 0).distance(to: Point(x: 3, y: 4)))  // expect: 5.0
var points = [p, q]
points[0].x = -1
print(p.x, points[0].x)          // expect: 3.0 -1.0
struct Counter {
    private(set) var count = 0
    mutating func tick() { count += 1 }
}
var c = Counter()
c.tick(); c.tick()
let frozen = c
c.tick()
print(frozen.count, c.count)     // expect: 2 3
print(c)                         // expect: Counter(count: 3)
