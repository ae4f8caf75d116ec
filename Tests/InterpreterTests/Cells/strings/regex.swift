// Swift Regex for cleaning sentences.
let sentence = "Hello, World! 42 times."
let lettersOnly = sentence.replacing(#/[^A-Za-z ]/#, with: "")
print(lettersOnly)      // expect: Hello World  times
let digits = try Regex("[0-9]+")
print(sentence.replacing(digits, with: "#"))  // expect: Hello, World! # times.
print(sentence.contains(#/W.rld/#))           // expect: true
let spaced = "a   b c".replacing(#/\s+/#, with: " ")
print(spaced)           // expect: a b c
