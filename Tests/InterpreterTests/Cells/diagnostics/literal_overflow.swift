// swiftc: compile-error
// A literal that does not fit its fixed-width type is rejected before the cell runs.
print("not printed")
let byte: UInt8 = 300        // expect error: literal_overflow.swift:4:19: integer literal '300' overflows when stored into 'UInt8'
