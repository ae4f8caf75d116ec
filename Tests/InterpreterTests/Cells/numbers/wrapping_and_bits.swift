// Wrapping operators and integer helpers never trap.
let big = Int.max
print(big &+ 1)          // expect: -9223372036854775808
print(Int.min &- 1)      // expect: 9223372036854775807
print(5 & 3, 5 | 3, 5 ^ 3)   // expect: 1 7 6
print(1 << 10, 1024 >> 3)    // expect: 1024 128
print(10.isMultiple(of: 5))  // expect: true
print((-7).signum(), 0.signum())  // expect: -1 0
print(17.quotientAndRemainder(dividingBy: 5))  // expect: (quotient: 3, remainder: 2)
