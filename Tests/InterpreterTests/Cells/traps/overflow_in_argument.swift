// swiftc: trap
// Overflow computing the argument of a recursive call.
func walk(_ n: Int) -> Int { n > 0 ? walk(n + 1) : n }
print(walk(-3))                    // expect: -3
print(walk(Int.max - 1))
// expect error: overflow_in_argument.swift:3:43: arithmetic overflow
// expect frame: walk(_:) at overflow_in_argument.swift:3:38
// expect frame: walk(_:) at overflow_in_argument.swift:5:7
