// Property observers: willSet and didSet run around every change of the property.
struct Logged {
    var value = 0 {
        willSet { print("will set \(newValue)") }
        didSet { print("changed \(oldValue) -> \(value)") }
    }
}
var l = Logged()
l.value = 4
// expect: will set 4
// expect: changed 0 -> 4
l.value += 1
// expect: will set 5
// expect: changed 4 -> 5
let start = Logged(value: 9)
print(start.value)               // expect: 9
