// swiftc: trap
// Arithmetic on Int8 traps at Int8's width, not at Int's.
var level: Int8 = 120
for _ in 0..<10 {
    level += 1         // expect error: overflow_int8.swift:5:5: arithmetic overflow
    if level == 127 { print(level) }  // expect: 127
}
