// Audit of everyday Swift: The Swift Programming Language, "Inheritance" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
class Vehicle {
    var currentSpeed = 0.0
    var description: String { "traveling at \(currentSpeed) miles per hour" }
    func makeNoise() { }
}
let someVehicle = Vehicle()
print("Vehicle: \(someVehicle.description)")
class Bicycle: Vehicle { var hasBasket = false }
let bicycle = Bicycle()
bicycle.hasBasket = true
bicycle.currentSpeed = 15.0
print("Bicycle: \(bicycle.description)")
class Tandem: Bicycle { var currentNumberOfPassengers = 0 }
let tandem = Tandem()
tandem.hasBasket = true
tandem.currentNumberOfPassengers = 2
tandem.currentSpeed = 22.0
print("Tandem: \(tandem.description)")
class Train: Vehicle { override func makeNoise() { print("Choo Choo") } }
let train = Train()
train.makeNoise()
class Car: Vehicle {
    var gear = 1
    override var description: String { super.description + " in gear \(gear)" }
}
let car = Car()
car.currentSpeed = 25.0
car.gear = 3
print("Car: \(car.description)")
class AutomaticCar: Car {
    override var currentSpeed: Double { didSet { gear = Int(currentSpeed / 10.0) + 1 } }
}
let automatic = AutomaticCar()
automatic.currentSpeed = 35.0
print("AutomaticCar: \(automatic.description)")
let vehicles: [Vehicle] = [car, train, bicycle]
for v in vehicles { if let c = v as? Car { print("car in gear", c.gear) } else if v is Train { print("a train") } else { print("other") } }
class Animal { func speak() -> String { "..." }; final func kind() -> String { "animal" } }
class Dog: Animal { override func speak() -> String { "Woof, " + super.speak() } }
print(Dog().speak(), Dog().kind())
// expect: Vehicle: traveling at 0.0 miles per hour
// expect: Bicycle: traveling at 15.0 miles per hour
// expect: Tandem: traveling at 22.0 miles per hour
// expect: Choo Choo
// expect: Car: traveling at 25.0 miles per hour in gear 3
// expect: AutomaticCar: traveling at 35.0 miles per hour in gear 4
// expect: car in gear 3
// expect: a train
// expect: other
// expect: Woof, ... animal
