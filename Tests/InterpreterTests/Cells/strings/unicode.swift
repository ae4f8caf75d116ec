// Strings are Unicode: characters are grapheme clusters, equality is canonical.
print("e\u{301}" == "é")           // expect: true
print("e\u{301}".count, "é".unicodeScalars.count)  // expect: 1 1
print("🇫🇷🇩🇪".count)                 // expect: 2
print("naïve".uppercased())        // expect: NAÏVE
print(Array("añb"))                // expect: ["a", "ñ", "b"]
print("straße".count, "straße".utf8.count)  // expect: 6 7
let word = "héllo"
print(word.first!, word.last!, String(word.reversed()))  // expect: h o olléh
print(word.contains("é"), word.hasPrefix("hé"))  // expect: true true
