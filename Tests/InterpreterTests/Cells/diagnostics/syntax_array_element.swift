let sizes = [64, 128,, 512]
// expect error: syntax_array_element.swift:1:22: expected value in array element
// swiftc: compile-error
