// Common String methods.
let s = "Attention Is All You Need"
print(s.count)                      // expect: 25
print(s.lowercased())               // expect: attention is all you need
print(s.uppercased())               // expect: ATTENTION IS ALL YOU NEED
print(s.hasPrefix("Att"), s.hasSuffix("Need"))  // expect: true true
print(s.contains("All"))            // expect: true
print(s.contains("all"))            // expect: false
print(s.split(separator: " "))      // expect: ["Attention", "Is", "All", "You", "Need"]
print(s.split(separator: " ").map(String.init).count)  // expect: 5
print(String(s.prefix(9)))          // expect: Attention
print(String(s.suffix(4)))          // expect: Need
print(s.isEmpty, "".isEmpty)        // expect: false true
print(String(s.reversed()))         // expect: deeN uoY llA sI noitnettA
print(s.first!, s.last!)            // expect: A d
print("a,b,,c".split(separator: ",")) // expect: ["a", "b", "c"]
print("a-b".split(separator: "-").map { $0.uppercased() })  // expect: ["A", "B"]
print(["x", "y", "z"].joined())     // expect: xyz
print(["x", "y"].joined(separator: ", "))  // expect: x, y
print(String(repeating: "ab", count: 3))  // expect: ababab
print("abc" == "abc", "abc" < "abd")      // expect: true true
print("Hello" + ", " + "world")     // expect: Hello, world
print(s.dropFirst(10).prefix(2))    // expect: Is
print(Array("hey"))                 // expect: ["h", "e", "y"]
