// swiftc: compile-error
// Inside one cell Swift's redeclaration rule holds, and the cell runs nothing.
let x = 1
print("not printed")
let x = 2                  // expect error: redeclaration.swift:5:5: invalid redeclaration of 'x'
// cell
func train() {}
func train() {}            // expect error: redeclaration.swift:8:6: invalid redeclaration of 'train()'
// cell
struct Model {}
class Model {}             // expect error: redeclaration.swift:11:7: invalid redeclaration of 'Model'
