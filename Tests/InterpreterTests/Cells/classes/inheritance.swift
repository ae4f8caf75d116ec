// Inheritance, override, super, class methods, type checks with is/as.
class Layer {
    let name: String
    init(name: String) { self.name = name }
    func forward(_ x: Double) -> Double { x }
    func describe() -> String { "Layer \(name)" }
}
class Dense: Layer {
    let weight: Double
    init(name: String, weight: Double) {
        self.weight = weight
        super.init(name: name)
    }
    override func forward(_ x: Double) -> Double { x * weight }
    override func describe() -> String { super.describe() + " (dense \(weight))" }
}
class ReLU: Layer {
    override func forward(_ x: Double) -> Double { max(0, x) }
}
let layers: [Layer] = [Dense(name: "d1", weight: -2), ReLU(name: "act"), Dense(name: "d2", weight: 3)]
print(layers.reduce(-1.5) { $1.forward($0) })   // expect: 9.0
print(layers.map { $0.describe() })
// expect: ["Layer d1 (dense -2.0)", "Layer act", "Layer d2 (dense 3.0)"]
print(layers.filter { $0 is Dense }.count)      // expect: 2
if let d = layers[2] as? Dense { print(d.weight) }  // expect: 3.0
print((layers[1] as? Dense) == nil)             // expect: true
class Animal {
    class func kind() -> String { "animal" }
    var sound: String { "..." }
    func speak() -> String { "\(Self.kind()) says \(sound)" }
}
class Dog: Animal {
    override class func kind() -> String { "dog" }
    override var sound: String { "woof" }
}
print(Dog().speak(), Animal().speak())          // expect: dog says woof animal says ...
class Base { var log: [String] = []; init() { log.append("base") } }
class Derived: Base { override init() { super.init(); log.append("derived") } }
print(Derived().log)                            // expect: ["base", "derived"]
