// Foundation's String methods for cleaning text.
import Foundation
let line = "  The cat, the HAT.  "
print(line.trimmingCharacters(in: .whitespaces))  // expect: The cat, the HAT.
print("[" + line.replacingOccurrences(of: "at", with: "og") + "]")  // expect: [  The cog, the HAT.  ]
print("a b  c".components(separatedBy: " "))     // expect: ["a", "b", "", "c"]
let cleaned = line.lowercased().replacingOccurrences(of: "[^a-z ]", with: "", options: .regularExpression)
print("[\(cleaned)]")   // expect: [  the cat the hat  ]
let squeezed = "too    many   spaces".replacingOccurrences(of: " +", with: " ", options: .regularExpression)
print(squeezed)         // expect: too many spaces
print("Hello".capitalized, "hello world".capitalized)  // expect: Hello Hello World
