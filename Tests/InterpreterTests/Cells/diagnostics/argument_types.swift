// swiftc: compile-error
// An argument Swift would not convert to its parameter's type is rejected before the cell runs.
print("not printed")
func repeatWord(_ word: String, times: Int) -> String { String(repeating: word, count: times) }
let twice = repeatWord("ab", times: 2.5)    // expect error: argument_types.swift:5:37: cannot convert value of type 'Double' to expected argument type 'Int'
let count = 3
let label = repeatWord(count, times: 1)     // expect error: argument_types.swift:7:24: cannot convert value of type 'Int' to expected argument type 'String'
struct Point { var x: Double; var y: Double }
let p = Point(x: 1, y: "2")                 // expect error: argument_types.swift:9:24: cannot convert value of type 'String' to expected argument type 'Double'
var scores: [Int] = [1]
scores.append("3")                          // expect error: argument_types.swift:11:15: cannot convert value of type 'String' to expected argument type 'Int'
