// Calls of top-level functions reuse the frames of finished calls: a frame that a closure still
// holds must stay that closure's, a void function must not return a previous call's result, and
// labels, defaults, literal coercion and inout keep working around the fast calls.
func makeAdder(_ n: Int) -> (Int) -> Int { { $0 + n } }
let add1 = makeAdder(1)
let add5 = makeAdder(5)
print(add1(10), add5(10), makeAdder(7)(1))      // expect: 11 15 8
func counter(_ start: Int) -> () -> Int {
    var count = start
    return { count += 1; return count }
}
let c1 = counter(0)
let c2 = counter(100)
print(c1(), c1(), c2(), c1())                   // expect: 1 2 101 3
func pair(_ a: Int, _ b: Int) -> Int { a * 10 + b }
print(pair(1, 2), pair(pair(1, 2), 3))          // expect: 12 123
func square(_ x: Int) -> Int {
    let y = x * x
    return y
}
var log: [String] = []
func note(_ s: String) { log.append(s) }
print(square(7))                                // expect: 49
note("a")
print(square(8), log)                           // expect: 64 ["a"]
func describe(_ x: Int) { if x > 0 { note("positive") } }
describe(3)
describe(-3)
print(log)                                      // expect: ["a", "positive"]
func scaled(_ x: Int, by factor: Int = 2, plus offset: Int = 0) -> Int { x * factor + offset }
print(scaled(5), scaled(5, by: 3), scaled(5, plus: 1), scaled(5, by: 3, plus: 1))  // expect: 10 15 11 16
func half(_ x: Double) -> Double { x / 2 }
print(half(3), half(2.5))                       // expect: 1.5 1.25
func bump(_ x: inout Int) { x += 1 }
var n = 1
bump(&n)
bump(&n)
print(n, square(n))                             // expect: 3 9
func sumTo(_ n: Int) -> Int { n == 0 ? 0 : n + sumTo(n - 1) }
print(sumTo(100), sumTo(3))                     // expect: 5050 6
// Closures called again and again (by `map`) and methods reuse frames too.
let makers = (1...3).map { n in { n * 10 } }
print(makers.map { $0() })                      // expect: [10, 20, 30]
struct Account {
    var balance = 0
    mutating func deposit(_ amount: Int) -> Int { balance += amount; return balance }
    func projected(_ years: Int) -> [Int] { (0...years).map { balance + $0 * 10 } }
}
var account = Account()
print(account.deposit(5), account.deposit(7), account.balance)  // expect: 5 12 12
print(account.projected(2), account.projected(1))  // expect: [12, 22, 32] [12, 22]
let adders = [1, 2, 3].map(makeAdder)
print(adders.map { $0(100) })                   // expect: [101, 102, 103]
// Ternaries comparing a local with a literal, and arguments `n ± literal`, on Ints and Doubles.
func sign(_ x: Int) -> Int { x > 0 ? 1 : x == 0 ? 0 : -1 }
print([-5, 0, 7].map(sign))                     // expect: [-1, 0, 1]
func clamp(_ x: Double) -> Double { x >= 1 ? 1 : x <= -1 ? -1 : x }
print(clamp(3), clamp(-0.5), clamp(-2))         // expect: 1.0 -0.5 -1.0
func countdown(_ n: Int) -> Int { n != 0 ? countdown(n - 1) + 1 : 0 }
print(countdown(50))                            // expect: 50
func up(_ n: Int) -> Int { n < 3 ? up(n + 1) : n }
print(up(-2))                                   // expect: 3
func halve(_ x: Double) -> Double { x < 1 ? x : halve(x - 1) }
print(halve(3.5))                               // expect: 0.5
