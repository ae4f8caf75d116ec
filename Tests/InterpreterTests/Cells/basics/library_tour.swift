// A tour of everyday language and library features in one cell (each line was once a probe for a gap).
import Foundation
enum Suit: String, CaseIterable { case hearts, spades }
print(Suit.allCases.map { $0.rawValue }, Suit(rawValue: "spades") as Any)
struct Lazy { lazy var big: [Int] = Array(0..<3) }
var lz = Lazy()
print(lz.big)
var stack = [1, 2, 3]
while let top = stack.popLast() { print(top, terminator: " ") }
print()
let pair = (name: "a", score: 3)
switch pair {
case (let n, 3) where n == "a": print("match", n)
default: print("no")
}
let opt: Int? = 4
if case .some(let v) = opt, v > 3 { print("big", v) }
print(Dictionary(uniqueKeysWithValues: [(1, "a"), (2, "b")]).mapValues { $0.uppercased() }.sorted { $0.key < $1.key })
print([[1, 2], [3]].flatMap { $0 }, ["1", "x"].compactMap { Int($0) })
print([3, 1, 2].max(by: >)!, [1, 2].contains(where: { $0 > 1 }), [2, 4].allSatisfy { $0 % 2 == 0 })
print(Set([1, 2]).union([3]).count, Set([1]).isSubset(of: [1, 2]))
print("a,b,,c".components(separatedBy: ","), "  hi  ".trimmingCharacters(in: .whitespaces))
print("hello world".split(separator: " ").map(String.init))
print(String(format: "%.2f|%5d|%@", 3.14159, 42, "s"))
print(type(of: 3.0), type(of: [1]))
print(String(repeating: "ab", count: 2), Character("a").asciiValue!, Character("7").isNumber)
print([1, 2, 3].count(where: { $0 > 1 }))
let nums = [1, 2, 3, 4]
print(nums.reduce(into: [:]) { d, x in d[x % 2 == 0 ? "even" : "odd", default: 0] += x }.sorted { $0.key < $1.key })
print(nums.lazy.filter { $0 > 1 }.map { $0 * 2 }.first!)
var grid = Array(repeating: Array(repeating: 0, count: 2), count: 2)
grid[1][0] = 5
print(grid)
func swapper(_ a: inout Int, _ b: inout Int) { (a, b) = (b, a) }
var p = 1, q = 2
swapper(&p, &q)
print(p, q)
print(max(1, 5, 3), min(2.5, 1), abs(-3))
print(nums.indices, nums.last!, nums.firstIndex(where: { $0 > 2 })!)
print(zip(nums, nums.dropFirst()).map { $1 - $0 })
print("Swift".reversed().map { String($0) }.joined(), "abc".contains("b"), "Hello".lowercased().hasPrefix("he"))
print(nums.shuffled().count, nums.enumerated().map { $0.offset * $0.element })
let t: (Int, String) = (1, "x")
print(t.0, t.1)
// expect: ["hearts", "spades"] Optional(Suit.spades)
// expect: [0, 1, 2]
// expect: 3 2 1 
// expect: match a
// expect: big 4
// expect: [(key: 1, value: "A"), (key: 2, value: "B")]
// expect: [1, 2, 3] [1]
// expect: 1 true true
// expect: 3 true
// expect: ["a", "b", "", "c"] hi
// expect: ["hello", "world"]
// expect: 3.14|   42|s
// expect: Double Array<Int>
// expect: abab 97 true
// expect: 2
// expect: [(key: "even", value: 6), (key: "odd", value: 4)]
// expect: 4
// expect: [[0, 0], [5, 0]]
// expect: 2 1
// expect: 5 1.0 3
// expect: 0..<4 4 2
// expect: [1, 1, 1]
// expect: tfiwS true true
// expect: 4 [0, 2, 6, 12]
// expect: 1 x
