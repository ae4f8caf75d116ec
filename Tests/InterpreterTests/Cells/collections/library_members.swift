// Standard library members a course reaches for: dictionaries, sets, arrays.
let counts = ["a": 1, "b": 2]
print(counts.merging(["b": 20, "c": 3]) { $0 + $1 }.sorted { $0.key < $1.key })   // expect: [(key: "a", value: 1), (key: "b", value: 22), (key: "c", value: 3)]
print(counts.merging(["b": 5], uniquingKeysWith: { old, _ in old })["b"]!)       // expect: 2
var small: Set = [1, 2, 3]
let other: Set = [2, 3, 4]
print(small.symmetricDifference(other).sorted(), small.isStrictSuperset(of: [1, 2]), small.isStrictSubset(of: [1, 2, 3]))   // expect: [1, 4] true false
small.formIntersection(other)
print(small.sorted())                                 // expect: [2, 3]
small.subtract([2])
print(small.sorted())                                 // expect: [3]
small.formSymmetricDifference([3, 9])
print(small.sorted())                                 // expect: [9]
// cell
let xs = [1, 2, 5, 1, 7]
print(xs.prefix(while: { $0 < 5 }), xs.drop(while: { $0 < 5 }))   // expect: [1, 2] [5, 1, 7]
print(xs.prefix { $0 < 2 })                           // expect: [1]
var ys = [1, 2, 3, 4]
ys.replaceSubrange(1..<3, with: [9, 9, 9])
print(ys)                                             // expect: [1, 9, 9, 9, 4]
ys.replaceSubrange(0...1, with: [])
print(ys)                                             // expect: [9, 9, 4]
