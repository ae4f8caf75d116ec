// Protocols: requirements, extensions with default implementations, inheritance, existentials,
// is/as? against a protocol, conformance in an extension, extensions of builtin types.
protocol Shape {
    var name: String { get }
    func area() -> Double
}
extension Shape {
    func describe() -> String { "\(name) with area \(area())" }
    var isLarge: Bool { area() > 10 }
}
protocol Polygon: Shape {
    var sides: Int { get }
}
struct Circle: Shape {
    var r: Double
    var name: String { "circle" }
    func area() -> Double { 3.0 * r * r }
}
struct Square: Polygon {
    var side: Double
    let name = "square"
    var sides: Int { 4 }
    func area() -> Double { side * side }

}
let shapes: [any Shape] = [Circle(r: 1), Square(side: 4)]
for s in shapes { print(s.describe(), s.isLarge) }
print(shapes.map { $0.area() })
for s in shapes {
    if let p = s as? Polygon { print(p.name, "has", p.sides, "sides") }
    print(s is Polygon)
}
func largest(_ xs: [any Shape]) -> any Shape { xs.max { $0.area() < $1.area() }! }
func unit() -> some Shape { Circle(r: 0.5) }
print(unit().area())
print(largest(shapes).name)
protocol Counter {
    var count: Int { get set }
    mutating func increment()
    init()
    static var unit: String { get }
}
extension Counter {
    mutating func increment() { count += 1 }
    static var unit: String { "times" }
}
struct Clicks: Counter {
    var count = 0
    init() {}
}
var c = Clicks()
c.increment(); c.increment()
print(c.count, Clicks.unit)
protocol Named { var name: String { get } }
class Animal: Named {
    var name: String
    init(name: String) { self.name = name }
}
class Dog: Animal {}
extension Animal: CustomStringConvertible { var description: String { "Animal(\(name))" } }
let d: Named = Dog(name: "Rex")
print(d.name, d is Animal, d)
extension Int {
    var squared: Int { self * self }
    func times(_ f: () -> Void) { for _ in 0..<self { f() } }
}
print(5.squared)
3.times { print("hi") }
extension Array where Element == Int {
    func total() -> Int { reduce(0, +) }
}
print([1, 2, 3].total())
extension String { func shout() -> String { uppercased() + "!" } }
print("hey".shout())
// expect: circle with area 3.0 false
// expect: square with area 16.0 true
// expect: [3.0, 16.0]
// expect: false
// expect: square has 4 sides
// expect: true
// expect: 0.75
// expect: square
// expect: 2 times
// expect: Rex true Animal(Rex)
// expect: 25
// expect: hi
// expect: hi
// expect: hi
// expect: 6
// expect: HEY!
