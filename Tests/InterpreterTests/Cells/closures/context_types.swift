// A closure written without types takes them from its context: the declared function type,
// the parameter it is passed to, the collection it is stored in.
let addOne: (Double) -> Double = { $0 + 1 }
print(addOne(2))                                   // expect: 3.0
let ratio: (Int, Int) -> Double = { a, b in Double(a) / Double(b) }
print(ratio(1, 4))                                 // expect: 0.25
let positive: (Int) -> Double = { x in x > 0 ? 1 : 0 }
print(positive(5), positive(-5))                   // expect: 1.0 0.0
func apply(_ f: (Double) -> Double, to x: Double) -> Double { f(x) }
print(apply({ $0 / 2 }, to: 3))                    // expect: 1.5
func twice(_ x: Double, _ f: (Double) -> Double) -> Double { f(f(x)) }
print(twice(1) { $0 * 3 })                         // expect: 9.0
let ops: [String: (Double, Double) -> Double] = ["+": { $0 + $1 }, "/": { $0 / $1 }]
print(ops["/"]!(1, 4), ops["+"]!(1, 4))            // expect: 0.25 5.0
var callback: ((Double) -> Void)? = { print($0 * 2) }
callback?(2)                                       // expect: 4.0
let scale: ((Double) -> Double)? = { $0 * 10 }
print(scale?(2) ?? 0, scale?(2).description ?? "none")  // expect: 20.0 20.0
callback = nil
callback?(3)
let none: ((Double) -> Double)? = nil
print(none?(2) ?? -1, none?(2).description ?? "none")   // expect: -1 none
let third: (Int) -> Float = { Float($0) / 3 }
print(third(1))                                    // expect: 0.33333334
let steps: [(Double) -> Double] = [{ $0 + 1 }, { $0 / 4 }]
print(steps.reduce(1.0) { acc, f in f(acc) })      // expect: 0.5
final class Hooks {
    var handlers: [(Double) -> Void] = []
    func on(_ f: @escaping (Double) -> Void) { handlers.append(f) }
}
let hooks = Hooks()
hooks.on { print($0 / 4) }
hooks.handlers[0](1)                               // expect: 0.25
struct Scale { let f: (Double) -> Double }
print(Scale { $0 / 2 }.f(3))                       // expect: 1.5
