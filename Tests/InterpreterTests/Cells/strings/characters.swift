// Characters and iterating over a string.
let word = "swift"
var letters: [Character] = []
for ch in word { letters.append(ch) }
print(letters)                     // expect: ["s", "w", "i", "f", "t"]
print(letters.count)               // expect: 5
let c: Character = "a"
print(c)                           // expect: a
print(c.isLetter, Character("7").isNumber)  // expect: true true
print(String(letters.reversed()))  // expect: tfiws
print(word.map { String($0).uppercased() }.joined())  // expect: SWIFT
var vowels = 0
for ch in "education" where "aeiou".contains(ch) { vowels += 1 }
print(vowels)                      // expect: 5
print("héllo".count, "héllo".utf8.count)  // expect: 5 6
print(Character("A").asciiValue!)  // expect: 65
