// swiftc: trap
func attend(heads: Int) -> Int {
    precondition(heads > 0, "heads must be positive")  // expect error: precondition.swift:3:5: Precondition failed: heads must be positive
    return 512 / heads
}
print(attend(heads: 8))   // expect: 64
print(attend(heads: 0))
// expect frame: attend(heads:) at precondition.swift:7:7
