// swiftc: trap
let index = ["relu": 0]
print(index["relu"]!)               // expect: 0
let missing = index["gelu"]!        // expect error: nil_unwrap.swift:4:15: Unexpectedly found nil while unwrapping an Optional value
