// swiftc: trap
var stack = [1]
print(stack.removeLast())           // expect: 1
let top = stack.removeLast()        // expect error: remove_last_empty.swift:4:11: Can't remove last element from an empty collection
