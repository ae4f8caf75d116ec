// Audit of everyday Swift: The Swift Programming Language, "Strings and Characters" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
import Foundation
let someString = "Some string literal value"
let quotation = """
The White Rabbit put on his spectacles.  "Where shall I begin,
please your Majesty?" he asked.
"""
print(someString.count, quotation.count)
let wiseWords = "\"Imagination is more important than knowledge\" - Einstein"
let dollarSign = "\u{24}", blackHeart = "\u{2665}", sparklingHeart = "\u{1F496}"
print(wiseWords, dollarSign, blackHeart, sparklingHeart)
print(#"Line 1\nLine 2"#)
var emptyString = ""
let anotherEmptyString = String()
if emptyString.isEmpty && anotherEmptyString.isEmpty { print("Nothing to see here") }
var variableString = "Horse"
variableString += " and carriage"
print(variableString)
for character in "Dog!🐶" { print(character, terminator: " ") }
print()
let catCharacters: [Character] = ["C", "a", "t", "!", "🐱"]
let catString = String(catCharacters)
print(catString)
var instruction = "look over"
instruction += " there"
let exclamationMark: Character = "!"
instruction.append(exclamationMark)
print(instruction)
let multiplier = 3
let message = "\(multiplier) times 2.5 is \(Double(multiplier) * 2.5)"
print(message)
let unusualMenagerie = "Koala 🐨, Snail 🐌, Penguin 🐧, Dromedary 🐪"
print("unusualMenagerie has \(unusualMenagerie.count) characters")
var word = "cafe"
print("the number of characters in \(word) is \(word.count)")
word += "\u{301}"
print("the number of characters in \(word) is \(word.count)")
let greeting = "Guten Tag!"
print(greeting.first!, greeting.last!, greeting.uppercased(), greeting.lowercased())
print(greeting.hasPrefix("Guten"), greeting.hasSuffix("Tag!"), greeting.contains("Tag"))
let quote = "We're a lot alike, you and I."
let sameQuote = "We're a lot alike, you and I."
if quote == sameQuote { print("These two strings are considered equal") }
let romeoAndJuliet = ["Act 1 Scene 1: Verona, A public place", "Act 1 Scene 2: Capulet's mansion", "Act 2 Scene 1: Outside Capulet's mansion"]
var act1SceneCount = 0
for scene in romeoAndJuliet where scene.hasPrefix("Act 1 ") { act1SceneCount += 1 }
print("There are \(act1SceneCount) scenes in Act 1")
let dogString = "Dog‼🐶"
print(dogString.utf8.count, dogString.unicodeScalars.count, Array(dogString.utf8).prefix(4))
print("a,b,,c".split(separator: ",").map(String.init), "a-b".replacingOccurrences(of: "-", with: "+"))
print(String(repeating: "ab", count: 3), "  trim  ".trimmingCharacters(in: .whitespaces), "x".isEmpty)
// expect: 25 94
// expect: "Imagination is more important than knowledge" - Einstein $ ♥ 💖
// expect: Line 1\nLine 2
// expect: Nothing to see here
// expect: Horse and carriage
// expect: D o g ! 🐶 
// expect: Cat!🐱
// expect: look over there!
// expect: 3 times 2.5 is 7.5
// expect: unusualMenagerie has 40 characters
// expect: the number of characters in cafe is 4
// expect: the number of characters in café is 4
// expect: G ! GUTEN TAG! guten tag!
// expect: true true true
// expect: These two strings are considered equal
// expect: There are 2 scenes in Act 1
// expect: 10 5 [68, 111, 103, 226]
// expect: ["a", "b", "c"] a+b
// expect: ababab trim false
