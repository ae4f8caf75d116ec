// swiftc: compile-error
// What Swift rejects in computed and weak variables is an error at the same place.
var noType { 3 }                     // expect error: variable_errors.swift:3:5: computed property must have an explicit type
// cell
let fixed: Int { 4 }                 // expect error: variable_errors.swift:5:16: 'let' declarations cannot be computed properties
// cell
var readOnly: Int { 5 }
readOnly = 6                         // expect error: variable_errors.swift:8:1: cannot assign to value: 'readOnly' is a get-only property
// cell
class Node {}
weak var strongOnly: Node = Node()   // expect error: variable_errors.swift:11:10: 'weak' variable should have optional type 'Node?'
// cell
struct Point {
    deinit { }                       // expect error: variable_errors.swift:14:5: deinitializer cannot be declared in struct 'Point' that conforms to 'Copyable'
}
// cell
class Tree {
    weak var parent: Tree                // expect error: variable_errors.swift:18:14: 'weak' variable should have optional type 'Tree?'
}
