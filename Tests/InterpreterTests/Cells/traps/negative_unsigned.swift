// swiftc: trap
// A negative value does not convert to an unsigned type.
let deltas = [3, -1]
let steps = deltas.map { UInt($0) }   // expect error: negative_unsigned.swift:4:26: Negative value is not representable
