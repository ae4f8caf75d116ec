// swiftc: compile-error
// Unknown names are reported before any statement of the cell runs, with the closest name.
let embedding = [0.1, 0.2]
print("this line must not run")
let size = embeding.count   // expect error: unknown_name.swift:5:12: cannot find 'embeding' in scope; did you mean 'embedding'?
