// String.Index: walking a string by its own indices, slicing, inserting and removing.
let greeting = "Guten Tag!"
print(greeting[greeting.startIndex])  // expect: G
print(greeting[greeting.index(before: greeting.endIndex)])  // expect: !
print(greeting[greeting.index(after: greeting.startIndex)])  // expect: u
let index = greeting.index(greeting.startIndex, offsetBy: 7)
print(greeting[index])  // expect: a
for i in greeting.indices { print(greeting[i], terminator: " ") }
print()  // expect: G u t e n   T a g ! 
var welcome = "hello"
welcome.insert("!", at: welcome.endIndex)
print(welcome)  // expect: hello!
welcome.insert(contentsOf: " there", at: welcome.index(before: welcome.endIndex))
print(welcome)  // expect: hello there!
let removed = welcome.remove(at: welcome.index(before: welcome.endIndex))
print(welcome, removed)  // expect: hello there !
let range = welcome.index(welcome.endIndex, offsetBy: -6)..<welcome.endIndex
welcome.removeSubrange(range)
print(welcome)  // expect: hello
// cell
let hello = "Hello, world!"
let comma = hello.firstIndex(of: ",") ?? hello.endIndex
let beginning = hello[..<comma]
print(beginning)  // expect: Hello
print(String(hello[hello.index(after: comma)...]))  // expect:  world!
print(hello.distance(from: hello.startIndex, to: comma))  // expect: 5
let a = hello.index(hello.startIndex, offsetBy: 7)
let b = hello.index(a, offsetBy: 5)
print(hello[a..<b], hello[a...b])  // expect: world world!
print(a < b, a == b, hello.startIndex == hello.index(hello.endIndex, offsetBy: -13))
// expect: true false true
print(hello.index(hello.startIndex, offsetBy: 20, limitedBy: hello.endIndex) == nil)  // expect: true
print(hello.lastIndex(of: "o").map { hello.distance(from: hello.startIndex, to: $0) } ?? -1)  // expect: 8
// cell
let s = "one two one three one"
print(s.ranges(of: "one").count)  // expect: 3
for r in s.ranges(of: "one") { print(s.distance(from: s.startIndex, to: r.lowerBound), terminator: " ") }
print()  // expect: 0 8 18 
if let r = s.firstRange(of: "two") { print(s[r]) }  // expect: two
let e = "café"
print(e.count, e.distance(from: e.startIndex, to: e.endIndex))  // expect: 4 4
print(e[e.index(e.startIndex, offsetBy: 3)])  // expect: é
if let sp = s.firstIndex(where: { $0 == " " }) { print(s[s.startIndex..<sp]) }  // expect: one
