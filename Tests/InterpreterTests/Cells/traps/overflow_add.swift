// swiftc: trap
// Overflow in a compound assignment inside a function.
func total(_ xs: [Int]) -> Int {
    var sum = 0
    for x in xs {
        sum += x     // expect error: overflow_add.swift:6:9: arithmetic overflow
    }
    return sum
}
print(total([1, 2, 3]))       // expect: 6
print(total([Int.max, 1]))
// expect frame: total(_:) at overflow_add.swift:11:7
