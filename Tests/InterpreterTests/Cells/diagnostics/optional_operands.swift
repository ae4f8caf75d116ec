// swiftc: compile-error
// An optional in arithmetic must be unwrapped first; Swift says so before anything runs.
print("not printed")
let scale: Double? = 2
let doubled = scale * 2              // expect error: optional_operands.swift:5:15: value of optional type 'Double?' must be unwrapped to a value of type 'Double'
func next(_ n: Int?) -> Int {
    return 1 + n                     // expect error: optional_operands.swift:7:16: value of optional type 'Int?' must be unwrapped to a value of type 'Int'
}
var name: String? = "x"
let greeting = name + "!"            // expect error: optional_operands.swift:10:16: value of optional type 'String?' must be unwrapped to a value of type 'String'
let fine = (scale ?? 1) * 2 + (name == nil ? 0 : 1)
