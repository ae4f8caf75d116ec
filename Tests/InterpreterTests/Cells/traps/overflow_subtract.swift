// swiftc: trap
let values = [Int.min, 1]
print(values[0])                    // expect: -9223372036854775808
let below = values[0] - values[1]   // expect error: overflow_subtract.swift:4:13: arithmetic overflow
