// Enums: cases, raw values, associated values, methods, switch, CaseIterable.
enum Direction: CaseIterable {
    case north, east, south, west
    var opposite: Direction {
        switch self {
        case .north: return .south
        case .south: return .north
        case .east: return .west
        case .west: return .east
        }
    }
}
print(Direction.north)                  // expect: north
print(Direction.east.opposite)          // expect: west
print(Direction.allCases.count)         // expect: 4
print(Direction.allCases.map { "\($0)" })  // expect: ["north", "east", "south", "west"]
let d: Direction = .south
print(d == .south, d != .north)         // expect: true true
enum Planet: Int { case mercury = 1, venus, earth }
print(Planet.earth.rawValue)            // expect: 3
print(Planet(rawValue: 2)!)             // expect: venus
print(Planet(rawValue: 9) as Any)       // expect: nil
enum Token: String { case plus = "+", minus = "-", word }
print(Token.plus.rawValue, Token.word.rawValue)  // expect: + word
enum Shape {
    case circle(radius: Double)
    case rect(Double, Double)
    case empty
    var area: Double {
        switch self {
        case .circle(let r): return 3 * r * r
        case let .rect(w, h): return w * h
        case .empty: return 0
        }
    }
}
let shapes: [Shape] = [.circle(radius: 2), .rect(3, 4), .empty]
print(shapes.map { $0.area })           // expect: [12.0, 12.0, 0.0]
print(shapes[0])                        // expect: circle(radius: 2.0)
print(shapes[1])                        // expect: rect(3.0, 4.0)
if case .rect(let w, _) = shapes[1] { print("width \(w)") }  // expect: width 3.0
for case .circle(let r) in shapes { print("radius \(r)") }   // expect: radius 2.0
enum Activation { case relu, tanh }
func act(_ a: Activation, _ x: Double) -> Double { a == .relu ? max(0, x) : x }
print(act(.relu, -1), act(.tanh, -1))   // expect: 0.0 -1.0
enum Counter {
    case value(Int)
    mutating func increment() { if case .value(let n) = self { self = .value(n + 1) } }
}
var counter = Counter.value(1)
counter.increment()
print(counter)                          // expect: value(2)
