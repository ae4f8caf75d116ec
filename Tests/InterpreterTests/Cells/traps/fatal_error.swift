// swiftc: trap
// fatalError stops the cell with its message; the call chain names the caller.
func loadWeights(_ name: String) -> [Double] {
    if name.isEmpty { fatalError("model not trained") }  // expect error: fatal_error.swift:4:23: Fatal error: model not trained
    return [1, 2]
}
print(loadWeights("w"))   // expect: [1.0, 2.0]
let w = loadWeights("")
// expect frame: loadWeights(_:) at fatal_error.swift:8:9
