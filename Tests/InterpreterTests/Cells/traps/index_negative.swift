// swiftc: trap
// A negative index inside a function is also out of range.
func lookup(_ table: [String], _ i: Int) -> String {
    return table[i]   // expect error: index_negative.swift:4:12: Index out of range
}
print(lookup(["a", "b"], 1))   // expect: b
print(lookup(["a", "b"], -1))
// expect frame: lookup(_:_:) at index_negative.swift:7:7
