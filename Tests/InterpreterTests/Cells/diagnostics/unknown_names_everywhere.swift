// swiftc: compile-error
// Every unknown name of the cell is reported, also in code that would never run.
let learningRate = 0.01
func neverCalled() {
    pritn("x")               // expect error: unknown_names_everywhere.swift:5:5: cannot find 'pritn' in scope; did you mean 'print'?
}
if false {
    print(learningRat)       // expect error: unknown_names_everywhere.swift:8:11: cannot find 'learningRat' in scope; did you mean 'learningRate'?
}
print(qqzzxxv)               // expect error: unknown_names_everywhere.swift:10:7: cannot find 'qqzzxxv' in scope
