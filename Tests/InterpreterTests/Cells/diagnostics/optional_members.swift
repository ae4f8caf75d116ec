// swiftc: compile-error
// Members of an optional need `?` or unwrapping; comparisons and compound assignments too.
print("not printed")
var maybe: Int? = 1
let name: String? = "ada"
print(name.count)                  // expect error: optional_members.swift:6:7: value of optional type 'String?' must be unwrapped to refer to member 'count' of wrapped base type 'String'
print(name.uppercased())           // expect error: optional_members.swift:7:7: value of optional type 'String?' must be unwrapped to refer to member 'uppercased' of wrapped base type 'String'
print(maybe < 3)                   // expect error: optional_members.swift:8:7: value of optional type 'Int?' must be unwrapped to a value of type 'Int'
maybe += 1                         // expect error: optional_members.swift:9:1: value of optional type 'Int?' must be unwrapped to a value of type 'Int'
let count = 3
let width: Int32 = 2
print(width + count)               // expect error: optional_members.swift:12:13: binary operator '+' cannot be applied to operands of type 'Int32' and 'Int'
