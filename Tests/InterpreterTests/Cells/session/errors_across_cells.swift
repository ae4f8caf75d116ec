// An error inside a function declared in an earlier cell points into that cell, and the
// chain of calls names the call in the failing cell; the session goes on afterwards.
func normalize(_ xs: [Double]) -> [Double] {
    let total = xs.reduce(0, +)
    precondition(total != 0, "sum is zero")
    return xs.map { $0 / total }
}
// cell
print(normalize([1, 3]))             // expect: [0.25, 0.75]
// cell
let weights = normalize([0, 0])
// expect error: errors_across_cells.swift:5:5: Precondition failed: sum is zero
// expect frame: normalize(_:) at errors_across_cells.swift:11:15
// cell
print("still running", normalize([2, 2]))  // expect: still running [0.5, 0.5]
