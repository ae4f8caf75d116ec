// swiftc: trap
let counts = [4, 0]
print(counts[0] / 2)                // expect: 2
print(10 / counts[1])               // expect error: division_by_zero.swift:4:7: Division by zero
