// Constants, variables, type annotations and assignment.
let greeting = "hello"
var count = 1
count = count + 1
count += 10
let ratio: Double = 3
var name: String = "Ada"
name += " Lovelace"
print(greeting)  // expect: hello
print(count)     // expect: 12
print(ratio)     // expect: 3.0
print(name)      // expect: Ada Lovelace
let (a, b) = (1, 2)
print(a, b)      // expect: 1 2
var x = 5, y = 6
x = y
y = 7
print(x, y)      // expect: 6 7
let late: Int
late = 42
print(late)      // expect: 42
