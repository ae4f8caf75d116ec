// swiftc: scopes
// A later cell may declare a name again: the new one shadows the old one from then on,
// while code written before keeps the binding it saw.
let x = 1
func show() -> String { "x is \(x)" }
struct Unit { var size = 1 }
print(x, show(), Unit().size)   // expect: 1 x is 1 1
// cell
let x = "now a string"
print(x, x.count)               // expect: now a string 12
print(show())                   // expect: x is 1
// cell
struct Unit { var name = "second" }
func show() -> String { "show 2" }
print(Unit().name, show())      // expect: second show 2
// cell
var x = [x, "more"]
x.append("last")
print(x)                        // expect: ["now a string", "more", "last"]
