// swiftc: skip
// Nesting that swift-syntax cannot parse in reasonable time is refused before it parses
// (issue 18): a run of more than 12 '[' (its time doubles with each), or more than 256 brackets
// of any kind (that one is tested end to end: swift-syntax words its own error). (swiftc: skip, as swiftc itself takes minutes on such lines.)
let ok = [[[[[[[[[[[[1]]]]]]]]]]]]
print(ok)  // expect: [[[[[[[[[[[[1]]]]]]]]]]]]
// cell
let tooDeep = [[[[[[[[[[[[[1]]]]]]]]]]]]]
// expect error: deep_nesting.swift:8:27: brackets '[' nested more than 12 deep in a row; give the inner arrays names with 'let'
