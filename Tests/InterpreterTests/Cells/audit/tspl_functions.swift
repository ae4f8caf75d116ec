// Audit of everyday Swift: The Swift Programming Language, "Functions" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
func greet(person: String) -> String { "Hello, " + person + "!" }
print(greet(person: "Anna"))
func sayHelloWorld() -> String { "hello, world" }
print(sayHelloWorld())
func greet(person: String, alreadyGreeted: Bool) -> String { alreadyGreeted ? "Hello again, \(person)!" : greet(person: person) }
print(greet(person: "Tim", alreadyGreeted: true))
func printAndCount(string: String) -> Int { print(string); return string.count }
let _ = printAndCount(string: "hello, world")
func minMax(array: [Int]) -> (min: Int, max: Int)? {
    if array.isEmpty { return nil }
    var currentMin = array[0], currentMax = array[0]
    for value in array[1..<array.count] { if value < currentMin { currentMin = value } else if value > currentMax { currentMax = value } }
    return (currentMin, currentMax)
}
if let bounds = minMax(array: [8, -6, 2, 109, 3, 71]) { print("min is \(bounds.min) and max is \(bounds.max)") }
func greeting(for person: String) -> String { "Hello, " + person + "!" }
print(greeting(for: "Dave"))
func greet(person: String, from hometown: String) -> String { "Hello \(person)!  Glad you could visit from \(hometown)." }
print(greet(person: "Bill", from: "Cupertino"))
func someFunction(_ firstParameterName: Int, secondParameterName: Int = 12) -> Int { firstParameterName + secondParameterName }
print(someFunction(1, secondParameterName: 2), someFunction(4))
func arithmeticMean(_ numbers: Double...) -> Double {
    var total: Double = 0
    for number in numbers { total += number }
    return total / Double(numbers.count)
}
print(arithmeticMean(1, 2, 3, 4, 5), arithmeticMean(3, 8.25, 18.75))
func swapTwoInts(_ a: inout Int, _ b: inout Int) { let temporaryA = a; a = b; b = temporaryA }
var someInt = 3, anotherInt = 107
swapTwoInts(&someInt, &anotherInt)
print("someInt is now \(someInt), and anotherInt is now \(anotherInt)")
func addTwoInts(_ a: Int, _ b: Int) -> Int { a + b }
func multiplyTwoInts(_ a: Int, _ b: Int) -> Int { a * b }
var mathFunction: (Int, Int) -> Int = addTwoInts
print("Result: \(mathFunction(2, 3))")
mathFunction = multiplyTwoInts
print("Result: \(mathFunction(2, 3))")
func printMathResult(_ mathFunction: (Int, Int) -> Int, _ a: Int, _ b: Int) { print("Result: \(mathFunction(a, b))") }
printMathResult(addTwoInts, 3, 5)
func stepForward(_ input: Int) -> Int { input + 1 }
func stepBackward(_ input: Int) -> Int { input - 1 }
func chooseStepFunction(backward: Bool) -> (Int) -> Int { backward ? stepBackward : stepForward }
var currentValue = 3
let moveNearerToZero = chooseStepFunction(backward: currentValue > 0)
while currentValue != 0 { print("\(currentValue)... ", terminator: ""); currentValue = moveNearerToZero(currentValue) }
print("zero!")
func chooseStep(backward: Bool) -> (Int) -> Int {
    func stepForward(input: Int) -> Int { input + 1 }
    func stepBackward(input: Int) -> Int { input - 1 }
    return backward ? stepBackward : stepForward
}
var value = -4
let nearer = chooseStep(backward: value > 0)
while value != 0 { value = nearer(value) }
print(value)
func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
print(fib(20))
// expect: Hello, Anna!
// expect: hello, world
// expect: Hello again, Tim!
// expect: hello, world
// expect: min is -6 and max is 109
// expect: Hello, Dave!
// expect: Hello Bill!  Glad you could visit from Cupertino.
// expect: 3 16
// expect: 3.0 10.0
// expect: someInt is now 107, and anotherInt is now 3
// expect: Result: 5
// expect: Result: 6
// expect: Result: 8
// expect: 3... 2... 1... zero!
// expect: 0
// expect: 6765
