// swiftc: trap
// Converting NaN or infinity to Int traps in Swift, so it is an error of the cell.
let losses = [0.5, 0.0]
print(Int(losses[0] * 10))          // expect: 5
let ratio = losses[1] / losses[1]
let bucket = Int(ratio)             // expect error: nan_to_int.swift:6:14: Double value cannot be converted to Int because it is either infinite or NaN
