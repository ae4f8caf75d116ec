// swiftc: trap
// Overflow while a dictionary entry is changed in place.
var counts: [String: Int] = ["a": Int.max - 1]
counts["a", default: 0] += 1
print(counts["a"]! == Int.max)   // expect: true
counts["a", default: 0] += 1     // expect error: element_overflow.swift:6:1: arithmetic overflow
