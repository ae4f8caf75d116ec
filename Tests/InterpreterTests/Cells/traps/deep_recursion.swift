// swiftc: trap
// Runaway recursion is a cell error after 10000 calls, never a crash of nbrun.
func depth(_ n: Int) -> Int {
    if n < 0 { return 0 }
    return 1 + depth(n + 1)   // expect error: deep_recursion.swift:5:16: stack overflow after 10000 calls
}
print("before")             // expect: before
print(depth(0))
