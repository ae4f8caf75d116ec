// Closures capture variables, not values: they see and make later changes.
func makeCounter() -> () -> Int {
    var count = 0
    return {
        count += 1
        return count
    }
}
let c1 = makeCounter()
let c2 = makeCounter()
print(c1(), c1(), c1())    // expect: 1 2 3
print(c2())                // expect: 1
var total = 0
let addToTotal = { (x: Int) in total += x }
addToTotal(5)
addToTotal(7)
print(total)               // expect: 12
var message = "before"
let show = { message }
message = "after"
print(show())              // expect: after
var handlers: [() -> String] = []
for i in 1...3 { handlers.append { "handler \(i)" } }
print(handlers.map { $0() })  // expect: ["handler 1", "handler 2", "handler 3"]
var x = 1
let captureList = { [x] in x * 10 }
x = 2
print(captureList())       // expect: 10
func runTwice(_ f: () -> Void) { f(); f() }
var calls = 0
runTwice { calls += 1 }
print(calls)               // expect: 2
