// Audit of everyday Swift: The Swift Programming Language, "Basic Operators" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
let b = 10
var a = 5
a = b
let (x, y) = (1, 2)
print(a, x, y)
print(1 + 2, 5 - 3, 2 * 3, 10.0 / 2.5, "hello, " + "world")
print(9 % 4, -9 % 4, 9 % -4)
let three = 3
let minusThree = -three
let plusThree = -minusThree
print(minusThree, plusThree, +minusThree)
var c = 1
c += 2
c *= 10
c -= 4
c /= 2
print(c)
print(1 == 1, 2 != 1, 2 > 1, 1 < 2, 1 >= 1, 2 <= 1)
print((1, "zebra") < (2, "apple"), (3, "apple") < (3, "bird"), (4, "dog") == (4, "dog"))
let contentHeight = 40
let hasHeader = true
let rowHeight = contentHeight + (hasHeader ? 50 : 20)
print(rowHeight)
let defaultColorName = "red"
var userDefinedColorName: String?
var colorNameToUse = userDefinedColorName ?? defaultColorName
print(colorNameToUse)
userDefinedColorName = "green"
colorNameToUse = userDefinedColorName ?? defaultColorName
print(colorNameToUse)
for index in 1...5 { print("\(index) times 5 is \(index * 5)", terminator: "; ") }
print()
let names = ["Anna", "Alex", "Brian", "Jack"]
for i in 0..<names.count { print("Person \(i + 1) is called \(names[i])") }
for name in names[2...] { print(name) }
for name in names[...2] { print(name) }
for name in names[..<2] { print(name) }
let range = ...5
print(range.contains(7), range.contains(4), range.contains(-1))
let allowedEntry = false
if !allowedEntry { print("ACCESS DENIED") }
let enteredDoorCode = true, passedRetinaScan = false, hasDoorKey = false, knowsOverridePassword = true
if enteredDoorCode && passedRetinaScan || hasDoorKey || knowsOverridePassword { print("Welcome!") } else { print("ACCESS DENIED") }
if (enteredDoorCode && passedRetinaScan) || hasDoorKey || knowsOverridePassword { print("Welcome!") }
// expect: 10 1 2
// expect: 3 2 6 4.0 hello, world
// expect: 1 -1 1
// expect: -3 3 -3
// expect: 13
// expect: true true true true true false
// expect: true true true
// expect: 90
// expect: red
// expect: green
// expect: 1 times 5 is 5; 2 times 5 is 10; 3 times 5 is 15; 4 times 5 is 20; 5 times 5 is 25; 
// expect: Person 1 is called Anna
// expect: Person 2 is called Alex
// expect: Person 3 is called Brian
// expect: Person 4 is called Jack
// expect: Brian
// expect: Jack
// expect: Anna
// expect: Alex
// expect: Brian
// expect: Anna
// expect: Alex
// expect: false true true
// expect: ACCESS DENIED
// expect: Welcome!
// expect: Welcome!
