// Constructs nbrun does not run are errors at their location, by name; the cell runs nothing.
print("not printed")
actor Counter { var n = 0 }          // expect error: unsupported.swift:3:1: 'actor' is not supported in notebook cells
// cell
func load() async -> Int { 1 }       // expect error: unsupported.swift:5:13: 'async' is not supported in notebook cells
// cell
infix operator +++                   // expect error: unsupported.swift:7:1: 'operator' is not supported in notebook cells
// cell
class Node {}
struct Link { weak var node: Node? }  // expect error: unsupported.swift:10:15: 'weak' property of a struct is not supported in notebook cells
