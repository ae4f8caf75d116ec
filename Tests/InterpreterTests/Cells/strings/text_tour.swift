// Text processing in one cell: splitting, filtering, counting, formatting, key paths as functions,
// Unicode scalars (each line was once a probe for a gap).
import Foundation
let text = "The quick brown fox. It jumps! Over 2 dogs?"
let sentences = text.split(whereSeparator: { ".!?".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
print(sentences)
let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
print(words, words.count)
var freq: [String: Int] = [:]
for w in words { freq[w, default: 0] += 1 }
print(freq.filter { $0.value > 0 }.count, freq.max { $0.value < $1.value }!.value)
print(text.hasSuffix("?"), text.first!, text.last!, text.firstIndex(of: "q") != nil)
print("a1b2".filter(\.isNumber))
print(Array("hello").map { String($0) }.joined(separator: "."), String("hello".reversed()))
print("tab\tsep".split(separator: "\t"), "x".isEmpty, "".isEmpty, " a ".trimmingCharacters(in: .whitespacesAndNewlines))
print("CamelCase".map { $0.isUppercase ? "_" + $0.lowercased() : String($0) }.joined())
print("abc".unicodeScalars.map { $0.value }, Character("A").asciiValue! + 1)
print("résumé".uppercased(), "straße".count, "🇫🇷".count)
let padded = String(repeating: " ", count: 3) + "x"
print(padded.count, "|\(padded)|")
print(String(format: "%05.1f %e %x", 3.14159, 12345.678, 255))
print("one two  three".split(separator: " ", omittingEmptySubsequences: false))
print("key=value".split(separator: "=").map(String.init), "a,b".replacingOccurrences(of: ",", with: ", "))
print("Hello, World".lowercased().filter { $0.isLetter }.sorted().prefix(3))
print("abc" + String(5) + "\(1.5)", "x" == "x", "a" < "b")
var s = "start"
s += " end"
s.append("!")
print(s, s.count)
print("line1\nline2".split(separator: "\n").count, "a\\b", #"raw \n"#)
print(Int("  42".trimmingCharacters(in: .whitespaces))!, Double("3.5e2")!)
// expect: ["The quick brown fox", "It jumps", "Over 2 dogs"]
// expect: ["the", "quick", "brown", "fox", "it", "jumps", "over", "2", "dogs"] 9
// expect: 9 1
// expect: true T ? true
// expect: 12
// expect: h.e.l.l.o olleh
// expect: ["tab", "sep"] false true a
// expect: _camel_case
// expect: [97, 98, 99] 66
// expect: RÉSUMÉ 6 1
// expect: 4 |   x|
// expect: 003.1 1.234568e+04 ff
// expect: ["one", "two", "", "three"]
// expect: ["key", "value"] a, b
// expect: ["d", "e", "h"]
// expect: abc51.5 true true
// expect: start end! 10
// expect: 2 a\b raw \n
// expect: 42 350.0
