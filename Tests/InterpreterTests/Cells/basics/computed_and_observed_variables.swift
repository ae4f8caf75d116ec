// Computed variables (`var area: Double { ... }`, with `get` and `set`) at the top level and in
// functions, and `willSet`/`didSet` on a function's local variables.
var width = 3.0
var height = 4.0
var area: Double { width * height }
print(area)                              // expect: 12.0
width = 5
print(area)                              // expect: 20.0
var diagonal: Double {
    get { (width * width + height * height).squareRoot() }
    set { width = newValue * 0.6; height = newValue * 0.8 }
}
print(diagonal)                          // expect: 6.4031242374328485
diagonal = 10
print(width, height)                     // expect: 6.0 8.0
var counter = 0
var next: Int {
    counter += 1
    return counter
}
print(next, next, next)                  // expect: 1 2 3
// cell
func score() -> Int {
    var total = 0 {
        willSet { print("total will be \(newValue)") }
        didSet { print("total was \(oldValue), now \(total)") }
    }
    total += 5
    total = 7
    return total
}
print(score())
// expect: total will be 5
// expect: total was 0, now 5
// expect: total will be 7
// expect: total was 5, now 7
// expect: 7
func labelled() {
    var name = "a" {
        didSet(previous) { print("renamed \(previous) -> \(name)") }
    }
    name = "b"
    name += "c"
    let shout = { name = name.uppercased() }
    shout()
}
labelled()
// expect: renamed a -> b
// expect: renamed b -> bc
// expect: renamed bc -> BC
func clamped() -> [Int] {
    var level = 0 {
        didSet { if level > 10 { level = 10 } }
    }
    var seen: [Int] = []
    for step in [4, 5, 6] {
        level += step
        seen.append(level)
    }
    var half: Int { level / 2 }
    seen.append(half)
    return seen
}
print(clamped())                         // expect: [4, 9, 10, 5]
