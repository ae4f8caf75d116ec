// swiftc: compile-error
// A name declared inside a block is not known outside it.
let threshold = 0.5
if threshold > 0 {
    let inner = threshold * 2
    print(inner)
}
print(inner)                  // expect error: scopes.swift:8:7: cannot find 'inner' in scope
// cell
for step in 0..<3 { _ = step }
print(step)                   // expect error: scopes.swift:11:7: cannot find 'step' in scope
// cell
func train() { let epochs = 3; _ = epochs }
print(epochs)                 // expect error: scopes.swift:14:7: cannot find 'epochs' in scope
