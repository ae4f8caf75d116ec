// Slices keep their base's indices; sorting is stable; descriptions of zipped and enumerated pairs.
let xs = [10, 20, 30, 40, 50]
let tail = xs[2...]
print(tail, tail.count)            // expect: [30, 40, 50] 3
print(tail.startIndex, tail[2], tail.first!)  // expect: 2 30 30
print(Array(tail)[0])              // expect: 30
let head = xs[..<2]
print(head, xs[1..<4].reduce(0, +))  // expect: [10, 20] 90
struct Item { let key: Int; let name: String }
let items = [Item(key: 2, name: "b1"), Item(key: 1, name: "a1"), Item(key: 2, name: "b2"), Item(key: 1, name: "a2")]
print(items.sorted { $0.key < $1.key }.map { $0.name })  // expect: ["a1", "a2", "b1", "b2"]
print(Array(zip([1, 2], ["a", "b"])))   // expect: [(1, "a"), (2, "b")]
print(Array(["x", "y"].enumerated()))   // expect: [(offset: 0, element: "x"), (offset: 1, element: "y")]
print(["b", "a", "c"].max()!, ["b", "a"].min()!)  // expect: c a
print("a" < "B", "B" < "a")        // expect: false true
var words = ["pear", "fig", "apple"]
words.sort()
print(words)                       // expect: ["apple", "fig", "pear"]
words.sort { $0.count > $1.count }
print(words)                       // expect: ["apple", "pear", "fig"]
words.reverse()
print(words, words.firstIndex(of: "pear")!)  // expect: ["fig", "pear", "apple"] 1
print(xs.split(separator: 30))     // expect: [ArraySlice([10, 20]), ArraySlice([40, 50])]
