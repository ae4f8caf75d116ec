// swiftc: compile-error
// Calls with wrong labels or missing arguments are errors with Swift's messages.
func dense(units: Int, activation: String = "relu") -> String { "\(units) \(activation)" }
// cell
let a = dense(unit: 4)      // expect error: call_arguments.swift:5:14: incorrect argument label in call (have 'unit:', expected 'units:')
// cell
let b = dense()             // expect error: call_arguments.swift:7:15: missing argument for parameter 'units' in call
// cell
let c = dense(units: 4, "tanh")  // expect error: call_arguments.swift:9:14: missing argument label 'activation:' in call
