// swiftc: compile-error
// Names from earlier cells are known; a typo of one of them is suggested.
let hiddenSize = 128
// cell
print(hiddenSize * 2)        // expect: 256
// cell
let units = hiddenSzie / 2   // expect error: unknown_across_cells.swift:7:13: cannot find 'hiddenSzie' in scope; did you mean 'hiddenSize'?
// cell
struct Encoder { var units: Int }
let enc = Encodr(units: 4)   // expect error: unknown_across_cells.swift:10:11: cannot find 'Encodr' in scope; did you mean 'Encoder'?
