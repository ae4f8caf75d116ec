// swiftc: trap
// A range whose upper bound is below its lower bound traps.
let n = [0][0]
for i in 1...3 { print(i) }
// expect: 1
// expect: 2
// expect: 3
for i in 1...n { print(i) }         // expect error: range_bounds.swift:8:10: Range requires lowerBound <= upperBound
