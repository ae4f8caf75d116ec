// swiftc: trap
// Index out of range is an error of the cell, never a crash.
let xs = [1, 2, 3]
print(xs[2])     // expect: 3
let i = xs.count
print(xs[i])     // expect error: index_out_of_range.swift:6:7: Index out of range
