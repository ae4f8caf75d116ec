// switch with literal, range, tuple, let-binding, where and multiple patterns.
func describe(_ n: Int) -> String {
    switch n {
    case 0: return "zero"
    case 1, 2, 3: return "small"
    case 4..<10: return "medium"
    case let x where x < 0: return "negative \(x)"
    case 10...: return "large"
    default: return "unreachable"
    }
}
print([0, 2, 7, -4, 50].map(describe))  // expect: ["zero", "small", "medium", "negative -4", "large"]
func quadrant(_ p: (Int, Int)) -> String {
    switch p {
    case (0, 0): return "origin"
    case (_, 0): return "x-axis"
    case (0, let y): return "y-axis at \(y)"
    case let (x, y) where x == y: return "diagonal"
    case (1...5, 1...5): return "near"
    default: return "far"
    }
}
print(quadrant((0, 0)), quadrant((3, 0)), quadrant((0, 7)))  // expect: origin x-axis y-axis at 7
print(quadrant((2, 2)), quadrant((1, 4)), quadrant((9, 1)))  // expect: diagonal near far
func kind(_ s: String) -> String {
    switch s {
    case "relu", "gelu": return "activation"
    case let other where other.hasPrefix("drop"): return "regularizer"
    default: return "unknown"
    }
}
print(kind("gelu"), kind("dropout"), kind("x"))  // expect: activation regularizer unknown
let opt: Int? = 4
switch opt {
case .some(let v) where v > 3: print("big \(v)")
case .some(let v): print("small \(v)")
case .none: print("none")
}
// expect: big 4
switch 3.5 {
case ..<0.0: print("neg")
case 0.0..<5.0: print("low")
default: print("high")
}
// expect: low
switch (1, "a") {
case (1, "b"): print("no")
case (1, _): print("fallthrough to wildcard")
default: print("default")
}
// expect: fallthrough to wildcard
switch 1 {
case 1:
    print("one")
    fallthrough
case 2:
    print("two")
default:
    print("other")
}
// expect: one
// expect: two
