// Class and static members are found through a subclass; type(of:) compares with X.self.
class Animal {
    class func make() -> String { "animal" }
    static func kind() -> String { "static animal" }
    static var count = 0
    func name() -> String { "\(type(of: self))" }
}
class Dog: Animal {}
Dog.count += 2
print(Dog.make(), Dog.kind(), Dog.count, Animal.count)   // expect: animal static animal 2 2
let pet: Animal = Dog()
print(type(of: pet) == Dog.self, type(of: pet) == Animal.self, pet.name())   // expect: true false Dog
print(type(of: 3) == Int.self, type(of: [1.5]) == [Double].self)               // expect: true true
// cell
// A property of an optional `let` reference to a class can be changed through `?.` and `!`.
class Box { var value = 1 }
let maybe: Box? = Box()
maybe?.value = 7
maybe!.value += 1
print(maybe!.value)                                 // expect: 8
let gone: Box? = nil
gone?.value = 3
print(gone?.value as Any)                           // expect: nil
