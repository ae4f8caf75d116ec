// Audit of everyday Swift: The Swift Programming Language, "Closures" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
let names = ["Chris", "Alex", "Ewa", "Barry", "Daniella"]
func backward(_ s1: String, _ s2: String) -> Bool { s1 > s2 }
print(names.sorted(by: backward))  // expect: ["Ewa", "Daniella", "Chris", "Barry", "Alex"]
print(names.sorted(by: { (s1: String, s2: String) -> Bool in return s1 > s2 }))
// expect: ["Ewa", "Daniella", "Chris", "Barry", "Alex"]
print(names.sorted(by: { s1, s2 in s1 > s2 }))  // expect: ["Ewa", "Daniella", "Chris", "Barry", "Alex"]
print(names.sorted { $0 > $1 })  // expect: ["Ewa", "Daniella", "Chris", "Barry", "Alex"]
print(names.sorted(by: >))  // expect: ["Ewa", "Daniella", "Chris", "Barry", "Alex"]
let digitNames = [0: "Zero", 1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven", 8: "Eight", 9: "Nine"]
let numbers = [16, 58, 510]
let strings = numbers.map { (number) -> String in
    var number = number
    var output = ""
    repeat {
        output = digitNames[number % 10]! + output
        number /= 10
    } while number > 0
    return output
}
print(strings)  // expect: ["OneSix", "FiveEight", "FiveOneZero"]
func makeIncrementer(forIncrement amount: Int) -> () -> Int {
    var runningTotal = 0
    func incrementer() -> Int {
        runningTotal += amount
        return runningTotal
    }
    return incrementer
}
let incrementByTen = makeIncrementer(forIncrement: 10)
print(incrementByTen(), incrementByTen(), incrementByTen())  // expect: 10 20 30
let incrementBySeven = makeIncrementer(forIncrement: 7)
print(incrementBySeven())  // expect: 7
print(incrementByTen())  // expect: 40
let alsoIncrementByTen = incrementByTen
print(alsoIncrementByTen(), incrementByTen())  // expect: 50 60
var completionHandlers: [() -> Void] = []
func someFunctionWithEscapingClosure(completionHandler: @escaping () -> Void) {
    completionHandlers.append(completionHandler)
}
func someFunctionWithNonescapingClosure(closure: () -> Void) { closure() }
class SomeClass {
    var x = 10
    func doSomething() {
        someFunctionWithEscapingClosure { self.x = 100 }
        someFunctionWithNonescapingClosure { x = 200 }
    }
}
let instance = SomeClass()
instance.doSomething()
print(instance.x)  // expect: 200
completionHandlers.first?()
print(instance.x)  // expect: 100
struct SomeStruct {
    var x = 10
    mutating func doSomething() { someFunctionWithNonescapingClosure { x = 200 } }
}
var st = SomeStruct()
st.doSomething()
print(st.x)  // expect: 200
var customersInLine = ["Chris", "Alex", "Ewa", "Barry", "Daniella"]
print(customersInLine.count)  // expect: 5
let customerProvider = { customersInLine.remove(at: 0) }
print(customersInLine.count)  // expect: 5
print("Now serving \(customerProvider())!")  // expect: Now serving Chris!
print(customersInLine.count)  // expect: 4
func serveNow(customer customerProvider: () -> String) { print("Now serving \(customerProvider())!") }
// expect: Now serving Alex!
serveNow(customer: { customersInLine.remove(at: 0) })
func serve(customer customerProvider: @autoclosure () -> String) { print("Now serving \(customerProvider())!") }
// expect: Now serving Ewa!
serve(customer: customersInLine.remove(at: 0))
var customerProviders: [() -> String] = []
func collectCustomerProviders(_ customerProvider: @autoclosure @escaping () -> String) {
    customerProviders.append(customerProvider)
}
collectCustomerProviders(customersInLine.remove(at: 0))
collectCustomerProviders(customersInLine.remove(at: 0))
print("Collected \(customerProviders.count) closures.")  // expect: Collected 2 closures.
print(customersInLine.count)  // expect: 2
for customerProvider in customerProviders { print("Now serving \(customerProvider())!") }
// expect: Now serving Barry!
// expect: Now serving Daniella!
print(customersInLine.count)  // expect: 0
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { print("failed: " + message()) }  // expect: failed: expensive message
}
var evaluated = 0
func expensive() -> String { evaluated += 1; return "expensive message" }
check(true, expensive())
check(false, expensive())
print(evaluated)  // expect: 1
