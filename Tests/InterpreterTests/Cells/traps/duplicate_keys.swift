// swiftc: trap
// A dictionary literal with a repeated key traps, as in Swift.
let key = ["a"][0]
print([key: 1])                    // expect: ["a": 1]
let table = [key: 1, "a": 2]       // expect error: duplicate_keys.swift:5:13: Dictionary literal contains duplicate keys
