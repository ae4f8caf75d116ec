// swiftc: trap
// Converting an Int that does not fit into a smaller integer type traps, as in Swift.
let counts = [12, 300]
print(UInt8(counts[0]))             // expect: 12
let byte = UInt8(counts[1])         // expect error: narrowing_conversion.swift:5:12: Not enough bits to represent the passed value
