// A subclass inherits its superclass's property observers and may add its own with override.
class Base {
    var value = 1 { didSet { print("base didSet", oldValue, value) } willSet { print("base willSet", newValue) } }
}
class Derived: Base {
    override var value: Int { didSet { print("derived didSet", value) } willSet { print("derived willSet") } }
}
class Plain: Base {}
let d = Derived()
d.value = 5
// expect: derived willSet
// expect: base willSet 5
// expect: base didSet 1 5
// expect: derived didSet 5
Plain().value = 7
// expect: base willSet 7
// expect: base didSet 1 7
let b: Base = Derived()
b.value = 9
// expect: derived willSet
// expect: base willSet 9
// expect: base didSet 1 9
// expect: derived didSet 9
