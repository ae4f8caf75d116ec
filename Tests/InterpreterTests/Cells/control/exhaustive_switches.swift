// Switches that cover every value: all enum cases, both Bools, a catch-all pattern, `default`.
enum Shape { case circle(Double), square(side: Double), point }
func area(_ s: Shape) -> Double {
    switch s {
    case .circle(let r): return 3 * r * r
    case let .square(side): return side * side
    case .point: return 0
    }
}
print([Shape.circle(1), .square(side: 2), .point].map(area))   // expect: [3.0, 4.0, 0.0]
func describe(_ b: Bool) -> String {
    switch b {
    case true: return "on"
    case false: return "off"
    }
}
print(describe(true), describe(false))                         // expect: on off
let pair = (1, "a")
switch pair {
case (0, _): print("zero")
case (let n, let s): print(n, s)                               // expect: 1 a
}
let n = 7
switch n {
case ..<0: print("negative")
case let x where x % 2 == 0: print("even")
case _: print("odd")                                           // expect: odd
}
enum Level: Int { case low = 1, high }
let level = Level.high
switch level {
case .low: print("low")
case Level.high: print("high")                                 // expect: high
}
