// swiftc: compile-error
// Every body that can end without its value is reported, in Swift's words for each kind of body.
print("not printed")
func wrap(_ x: Int) -> [Int] {
    if x > 0 { return [x] }
}                                  // expect error: missing_return_kinds.swift:6:1: missing return in global function expected to return '[Int]'
struct Grid {
    func first(_ x: Int) -> Int? {
        while x > 0 { return 1 }
    }                              // expect error: missing_return_kinds.swift:10:5: missing return in instance method expected to return 'Int?'
    static func name(_ x: Int) -> String {
        switch x {
        case 0: return "zero"
        default: break
        }
    }                              // expect error: missing_return_kinds.swift:16:5: missing return in static method expected to return 'String'
    var area: Double {
        if Bool.random() { return 1 }
    }                              // expect error: missing_return_kinds.swift:19:5: missing return in getter expected to return 'Double'
}
func outer() -> Int {
    func inner(_ y: Int) -> Int {
        for _ in 0..<y { return 1 }
    }                              // expect error: missing_return_kinds.swift:24:5: missing return in local function expected to return 'Int'
    return inner(1)
}
let sign = { (x: Int) -> Int in
    if x > 0 { return 1 } else if x < 0 { return -1 }
}                                  // expect error: missing_return_kinds.swift:29:1: missing return in closure expected to return 'Int'
func untilLucky() -> Int {
    while true { if Bool.random() { break } }
}                                  // expect error: missing_return_kinds.swift:32:1: missing return in global function expected to return 'Int'
func leaves() -> Int {
    outer: while true {
        while true { break outer }
    }
}                                  // expect error: missing_return_kinds.swift:37:1: missing return in global function expected to return 'Int'
func positive(_ x: Int) -> Int {
    guard x > 0 else { print("negative") }  // expect error: missing_return_kinds.swift:39:42: 'guard' body must not fall through, consider using a 'return' or 'throw' to exit the scope
    return x
}
