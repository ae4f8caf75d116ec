// swiftc: compile-error
// Arithmetic on constants that overflows its type is rejected before the cell runs.
print("not printed")
print(Int8(127) + 1)               // expect error: constant_overflow.swift:4:17: arithmetic operation '127 + 1' (on type 'Int8') results in an overflow
let a = Int.max + 1                // expect error: constant_overflow.swift:5:17: arithmetic operation '9223372036854775807 + 1' (on type 'Int') results in an overflow
let b: UInt8 = 200 * 2             // expect error: constant_overflow.swift:6:20: arithmetic operation '200 * 2' (on type 'UInt8') results in an overflow
let c = 5 - Int.min                // expect error: constant_overflow.swift:7:11: arithmetic operation '5 - -9223372036854775808' (on type 'Int') results in an overflow
let fine: Double = 9_223_372_036_854_775_807 + 1
