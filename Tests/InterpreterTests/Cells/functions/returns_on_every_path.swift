// Bodies that return (or stop) on every path are accepted: no missing return.
func sign(_ x: Int) -> Int {
    if x > 0 { return 1 } else if x < 0 { return -1 } else { return 0 }
}
enum Light { case red, green }
func go(_ l: Light) -> Bool {
    switch l {
    case .red: return false
    case .green: return true
    }
}
func half(_ x: Int) -> Int {
    guard x % 2 == 0 else { fatalError("odd") }
    return x / 2
}
func firstNegative(_ xs: [Int]) -> Int {
    var i = 0
    while true {
        if xs[i] < 0 { return xs[i] }
        i += 1
    }
}
func always(_ x: Int) -> Int {
    if true { return x }
}
func parse(_ s: String) -> Int {
    do { return try checked(s) } catch { return -1 }
}
struct Bad: Error {}
func checked(_ s: String) throws -> Int {
    if let n = Int(s) { return n }
    throw Bad()
}
func label(_ x: Int) -> String {
    switch x {
    case 0: return "zero"
    case 1: fallthrough
    case 2: return "small"
    default: preconditionFailure("big")
    }
}
func scan(_ xs: [Int]) -> Int {
    outer: while true {
        for x in xs { if x > 2 { break } }
        return xs.count
    }
}
struct Steps {
    var total: Int {
        var s = 0
        for i in 1...3 { s += i }
        return s
    }
}
let pick = { (b: Bool) -> String in
    if b { return "yes" }
    return "no"
}
func ternary(_ b: Bool) -> Int { b ? 1 : 0 }
func chosen(_ b: Bool) -> Int {
    if b { 1 } else { 2 }
}
print(sign(-3), sign(0), go(.green), half(8), firstNegative([3, -2, 5]), always(4))  // expect: -1 0 true 4 -2 4
print(parse("12"), parse("x"), label(1), scan([1, 5]), Steps().total, pick(false))       // expect: 12 -1 small 2 6 no
print(ternary(true), chosen(false))                                              // expect: 1 2
