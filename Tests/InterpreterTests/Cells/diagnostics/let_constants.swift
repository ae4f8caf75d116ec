// swiftc: compile-error
// Assigning to a `let` constant is an error of the cell, as in Swift.
let steps = 10
steps = 20                  // expect error: let_constants.swift:4:1: cannot assign to value: 'steps' is a 'let' constant
// cell
struct Config { var depth = 2 }
let config = Config()
config.depth = 3            // expect error: let_constants.swift:8:8: cannot assign to property: 'config' is a 'let' constant
// cell
let sizes = [1, 2]
sizes.append(3)             // expect error: let_constants.swift:11:7: cannot use mutating member on immutable value: 'sizes' is a 'let' constant
