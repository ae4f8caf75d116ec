// `split(separator:)` on Strings with an ASCII separator, and the cases where a separator is part
// of a larger Character (a combining accent after a space), which must not split.
let words = "the  cat sat ".split(separator: " ")
print(words)                                            // expect: ["the", "cat", "sat"]
print("the  cat".split(separator: " ", omittingEmptySubsequences: false))  // expect: ["the", "", "cat"]
print(" a b c ".split(separator: " ", maxSplits: 1))   // expect: ["a", "b c "]
print("a,b,,c,".split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false))  // expect: ["a", "b", ",c,"]
print("".split(separator: " "), ",".split(separator: ",", omittingEmptySubsequences: false))  // expect: [] ["", ""]
print("abc".split(separator: " ", maxSplits: 0))        // expect: ["abc"]
print("héllo wörld".split(separator: " "))              // expect: ["héllo", "wörld"]
print("e \u{301}x y".split(separator: " ").count)       // expect: 2
print("日本 語".split(separator: " ").count)               // expect: 2
print("a\r\nb\nc".split(separator: "\n"))               // expect: ["a\r\nb", "c"]
let parts = "x=1;y=22;z=333".split(separator: ";").map { $0.split(separator: "=") }
print(parts.map { String($0[1]) })                      // expect: ["1", "22", "333"]
let word = "abc"
print(String(word), String(42), String(3.5), String(Character("x")), String(true))  // expect: abc 42 3.5 x true
