// Audit of everyday Swift: The Swift Programming Language, "Protocols" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
protocol FullyNamed { var fullName: String { get } }
struct Person: FullyNamed { var fullName: String }
let john = Person(fullName: "John Appleseed")
class Starship: FullyNamed {
    var prefix: String?
    var name: String
    init(name: String, prefix: String? = nil) { self.name = name; self.prefix = prefix }
    var fullName: String { (prefix != nil ? prefix! + " " : "") + name }
}
var ncc1701 = Starship(name: "Enterprise", prefix: "USS")
print(john.fullName, ncc1701.fullName)
protocol RandomNumberGenerator { func random() -> Double }
class LinearCongruentialGenerator: RandomNumberGenerator {
    var lastRandom = 42.0
    let m = 139968.0, a = 3877.0, c = 29573.0
    func random() -> Double {
        lastRandom = ((lastRandom * a + c).truncatingRemainder(dividingBy: m))
        return lastRandom / m
    }
}
let generator = LinearCongruentialGenerator()
print("Here's a random number: \(generator.random())")
print("And another one: \(generator.random())")
protocol Togglable { mutating func toggle() }
enum OnOffSwitch: Togglable { case off, on
    mutating func toggle() { switch self { case .off: self = .on; case .on: self = .off } } }
var lightSwitch = OnOffSwitch.off
lightSwitch.toggle()
print(lightSwitch)
class Dice {
    let sides: Int
    let generator: RandomNumberGenerator
    init(sides: Int, generator: RandomNumberGenerator) { self.sides = sides; self.generator = generator }
    func roll() -> Int { Int(generator.random() * Double(sides)) + 1 }
}
var d6 = Dice(sides: 6, generator: LinearCongruentialGenerator())
for _ in 1...5 { print("Random dice roll is \(d6.roll())") }
protocol TextRepresentable { var textualDescription: String { get } }
extension Dice: TextRepresentable { var textualDescription: String { "A \(sides)-sided dice" } }
print(d6.textualDescription)
struct Hamster { var name: String; var textualDescription: String { "A hamster named \(name)" } }
extension Hamster: TextRepresentable {}
let things: [TextRepresentable] = [d6, Hamster(name: "Simon")]
for thing in things { print(thing.textualDescription) }
protocol PrettyTextRepresentable: TextRepresentable { var prettyTextualDescription: String { get } }
extension Hamster: PrettyTextRepresentable { var prettyTextualDescription: String { "~" + textualDescription + "~" } }
print(Hamster(name: "Bo").prettyTextualDescription)
protocol Named { var name: String { get } }
protocol Aged { var age: Int { get } }
struct Birthday: Named, Aged { var name: String; var age: Int }
func wishHappyBirthday(to celebrator: Named & Aged) { print("Happy birthday, \(celebrator.name), you're \(celebrator.age)!") }
wishHappyBirthday(to: Birthday(name: "Malcolm", age: 21))
extension RandomNumberGenerator { func randomBool() -> Bool { random() > 0.5 } }
print("And here's a random Boolean: \(generator.randomBool())")
extension Collection where Element: Equatable {
    func allEqual() -> Bool { for element in self { if element != self.first { return false } }; return true }
}
print([100, 100, 100].allEqual(), [100, 200].allEqual())
struct Vector3D: Equatable { var x = 0.0, y = 0.0, z = 0.0 }
print(Vector3D(x: 2.0, y: 3.0, z: 4.0) == Vector3D(x: 2.0, y: 3.0, z: 4.0))
enum SkillLevel: Comparable { case beginner, intermediate, expert(stars: Int) }
var levels = [SkillLevel.intermediate, SkillLevel.beginner, SkillLevel.expert(stars: 5), SkillLevel.expert(stars: 3)]
for level in levels.sorted() { print(level) }
protocol Shape { func area() -> Double }
struct Sq: Shape { var s: Double; func area() -> Double { s * s } }
func biggest(_ shapes: [any Shape]) -> Double { shapes.map { $0.area() }.max() ?? 0 }
print(biggest([Sq(s: 2), Sq(s: 3)]))
// expect: John Appleseed USS Enterprise
// expect: Here's a random number: 0.3746499199817101
// expect: And another one: 0.729023776863283
// expect: on
// expect: Random dice roll is 3
// expect: Random dice roll is 5
// expect: Random dice roll is 4
// expect: Random dice roll is 5
// expect: Random dice roll is 4
// expect: A 6-sided dice
// expect: A 6-sided dice
// expect: A hamster named Simon
// expect: ~A hamster named Bo~
// expect: Happy birthday, Malcolm, you're 21!
// expect: And here's a random Boolean: true
// expect: true false
// expect: true
// expect: beginner
// expect: intermediate
// expect: expert(stars: 3)
// expect: expert(stars: 5)
// expect: 9.0
