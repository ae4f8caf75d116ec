// timeout: 0.5
// A cell past its time limit stops, even in `while true {}`, and keeps its printed output.
print("spinning")   // expect: spinning
while true {}       // expect error: timeout.swift:4:1: cell timed out after 0.5 seconds
// expect status: timed-out
