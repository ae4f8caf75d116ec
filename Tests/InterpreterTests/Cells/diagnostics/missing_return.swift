// swiftc: compile-error
// A function that can end without returning its value is an error before the cell runs.
print("not printed")
func score(_ x: Int) -> Int {
    if x > 0 { return x }
}                             // expect error: missing_return.swift:6:1: missing return in global function expected to return 'Int'
