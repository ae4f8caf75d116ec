// swiftc: compile-error
// A member that does not exist is an error naming the type.
struct Point { var x = 1 }
let p = Point()
print(p.x)                  // expect: 1
print(p.z)                  // expect error: unknown_member.swift:6:9: value of type 'Point' has no member 'z'
// cell
let xs = [1, 2]
print(xs.cont)              // expect error: unknown_member.swift:9:10: value of type '[Int]' has no member 'cont'
