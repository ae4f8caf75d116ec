// timeout: 0.5
// The time limit also stops a runaway loop inside a function.
func spin() -> Int {
    var n = 0
    while n >= 0 { n = (n + 1) % 1000 }  // expect error: timeout_in_function.swift:5:5: cell timed out after 0.5 seconds
    return n
}
let result = spin()
// expect status: timed-out
