// swiftc: compile-error
// Common slips of Swift learners get Swift's own messages.
let n = 1
let called = n()              // expect error: misuse.swift:4:14: cannot call value of non-function type 'Int'
// cell
let word = "abc"
let letter = word[0]          // expect error: misuse.swift:7:14: 'subscript(_:)' is unavailable: cannot subscript String with an Int, use a String.Index instead.
// cell
let maybe: Int? = 1
let sum = maybe + 1           // expect error: misuse.swift:10:11: value of optional type 'Int?' must be unwrapped to a value of type 'Int'
