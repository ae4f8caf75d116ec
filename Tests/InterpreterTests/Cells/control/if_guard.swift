// if / else if / else, guard, and conditions with commas.
func classify(_ n: Int) -> String {
    if n < 0 {
        return "negative"
    } else if n == 0 {
        return "zero"
    } else {
        return "positive"
    }
}
print(classify(-3), classify(0), classify(8))  // expect: negative zero positive
func firstEven(_ xs: [Int]) -> Int {
    guard let e = xs.first(where: { $0 % 2 == 0 }) else { return -1 }
    return e
}
print(firstEven([1, 3, 6, 8]), firstEven([1]))  // expect: 6 -1
let t = 5
if t > 1, t < 10, t != 7 { print("in range") }  // expect: in range
if !(t == 5) { print("never") } else { print("five") }  // expect: five
print(t > 3 && t < 4 || t == 5)  // expect: true
let label = t % 2 == 0 ? "even" : "odd"
print(label)  // expect: odd
