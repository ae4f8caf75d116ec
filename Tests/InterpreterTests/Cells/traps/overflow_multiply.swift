// swiftc: trap
// Int overflow traps, as in compiled Swift.
var v = 1
var doublings = 0
while true {
    v = v * 2        // expect error: overflow_multiply.swift:6:9: arithmetic overflow
    doublings += 1
    if doublings == 62 { print(v) }  // expect: 4611686018427387904
}
