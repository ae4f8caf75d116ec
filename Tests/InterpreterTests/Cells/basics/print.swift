// print(_:separator:terminator:) and its defaults.
print("a", "b", "c")                     // expect: a b c
print("a", "b", "c", separator: "-")     // expect: a-b-c
print(1, 2.5, true, "s")                 // expect: 1 2.5 true s
print("no newline", terminator: "")
print(" then more")                      // expect: no newline then more
print("x", "y", separator: ", ", terminator: "!\n")  // expect: x, y!
print()                                  // expect:
print("", terminator: "")
print("after empty")                     // expect: after empty
for i in 1...3 { print(i, terminator: i < 3 ? " " : "\n") }  // expect: 1 2 3
print([1, 2], [3], separator: " + ")     // expect: [1, 2] + [3]
