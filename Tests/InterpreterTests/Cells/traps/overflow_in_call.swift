// swiftc: trap
// Overflow in a function whose body is one expression, reached through recursive calls.
func grow(_ x: Int, _ steps: Int) -> Int { steps == 0 ? x * 2 : grow(x, steps - 1) }
print(grow(3, 4))                  // expect: 6
print(grow(Int.max / 2 + 1, 2))
// expect error: overflow_in_call.swift:3:57: arithmetic overflow
// expect frame: grow(_:_:) at overflow_in_call.swift:3:65
// expect frame: grow(_:_:) at overflow_in_call.swift:3:65
// expect frame: grow(_:_:) at overflow_in_call.swift:5:7
