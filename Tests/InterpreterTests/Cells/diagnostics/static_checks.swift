// swiftc: compile-error
// Slips found before the cell runs: conversions Swift never makes implicitly, non-exhaustive switches.
print("not printed")
func answer() -> Int {
    return "42"                    // expect error: static_checks.swift:5:12: cannot convert return expression of type 'String' to return type 'Int'
}
let rate = 0.5
let steps: Int = rate              // expect error: static_checks.swift:8:18: cannot convert value of type 'Double' to specified type 'Int'
func halve(_ n: Int) -> Double {
    return n                       // expect error: static_checks.swift:10:12: cannot convert return expression of type 'Int' to return type 'Double'
}
enum Direction { case up, down, left }
let heading = Direction.up
switch heading {                   // expect error: static_checks.swift:14:1: switch must be exhaustive
case .up: print("up")
case .down: print("down")
}
let count = 3
switch count {                     // expect error: static_checks.swift:19:1: switch must be exhaustive
case 0: print("none")
case 1...: print("some")
}
let flag = true
switch flag {                      // expect error: static_checks.swift:24:1: switch must be exhaustive
case true: print("yes")
}
