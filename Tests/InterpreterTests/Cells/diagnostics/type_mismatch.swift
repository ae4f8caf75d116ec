// swiftc: compile-error
// Int and Double do not mix without a conversion, as in Swift.
let count = 3
let mean = 1.5
let total = count * mean    // expect error: type_mismatch.swift:5:19: binary operator '*' cannot be applied to operands of type 'Int' and 'Double'
// cell
let label: String = 5       // expect error: type_mismatch.swift:7:21: cannot convert value of type 'Int' to specified type 'String'
// cell
// Constants of two integer types are a type error, not an overflow of either type.
let mixed = Int8(1) + UInt8(2)     // expect error: type_mismatch.swift:10:21: binary operator '+' cannot be applied to operands of type 'Int8' and 'UInt8'
// cell
let wide = Int(100) + Int8(100)    // expect error: type_mismatch.swift:12:21: binary operator '+' cannot be applied to operands of type 'Int' and 'Int8'
