// Closures: full syntax, shorthand, trailing, as values, returning closures.
let add = { (a: Int, b: Int) -> Int in a + b }
print(add(2, 3))                          // expect: 5
let double: (Int) -> Int = { $0 * 2 }
print(double(21))                         // expect: 42
let shout = { (s: String) in s.uppercased() + "!" }
print(shout("hey"))                       // expect: HEY!
func apply(_ f: (Int) -> Int, to x: Int) -> Int { f(x) }
print(apply({ $0 + 1 }, to: 9))           // expect: 10
print(apply(double, to: 4))               // expect: 8
func transform(_ xs: [Int], _ f: (Int) -> Int) -> [Int] { xs.map(f) }
print(transform([1, 2]) { x in x * 100 }) // expect: [100, 200]
func makeMultiplier(_ k: Int) -> (Int) -> Int { { $0 * k } }
let triple = makeMultiplier(3)
print(triple(7))                          // expect: 21
let ops: [(Int, Int) -> Int] = [(+), (-), (*), { a, b in a * 10 + b }]
print(ops.map { $0(6, 3) })               // expect: [9, 3, 18, 63]
let compose = { (f: @escaping (Int) -> Int, g: @escaping (Int) -> Int) -> (Int) -> Int in { g(f($0)) } }
print(compose(double, triple)(5))         // expect: 30
let noArgs = { "called" }
print(noArgs())                           // expect: called
let sorted = ["pear", "fig", "apple"].sorted { $0.count < $1.count }
print(sorted)                             // expect: ["fig", "pear", "apple"]
let byKey = ["pear", "fig", "apple"].sorted(by: { a, b in a < b })
print(byKey)                              // expect: ["apple", "fig", "pear"]
