// Array literals, mutation and the common methods.
var xs = [3, 1, 2]
xs.append(5)
xs.append(contentsOf: [8, 13])
print(xs)                    // expect: [3, 1, 2, 5, 8, 13]
print(xs.count, xs.isEmpty)  // expect: 6 false
print(xs[0], xs[xs.count - 1])  // expect: 3 13
xs[1] = 10
print(xs.first!, xs.last!)   // expect: 3 13
print(xs.sorted())           // expect: [2, 3, 5, 8, 10, 13]
print(xs.sorted(by: >))      // expect: [13, 10, 8, 5, 3, 2]
print(xs.contains(8), xs.contains(9))  // expect: true false
print(xs.firstIndex(of: 2)!) // expect: 2
print(xs.min()!, xs.max()!)  // expect: 2 13
print(xs.reversed().map { $0 })  // expect: [13, 8, 5, 2, 10, 3]
xs.insert(0, at: 0)
print(xs)                    // expect: [0, 3, 10, 2, 5, 8, 13]
print(xs.remove(at: 1))      // expect: 3
print(xs.removeLast())       // expect: 13
print(xs)                    // expect: [0, 10, 2, 5, 8]
print(Array(xs[1...2]))      // expect: [10, 2]
print(xs[1..<3])             // expect: [10, 2]
print(Array(xs.prefix(2)), Array(xs.suffix(2)))  // expect: [0, 10] [5, 8]
print(Array(xs.dropFirst()), Array(xs.dropLast(2)))  // expect: [10, 2, 5, 8] [0, 10, 2]
print([Int](repeating: 0, count: 3))  // expect: [0, 0, 0]
print(Array(repeating: "-", count: 2))  // expect: ["-", "-"]
let empty: [Int] = []
print(empty, empty.first as Any)  // expect: [] nil
print([[1, 2], [3]].flatMap { $0 })  // expect: [1, 2, 3]
print([1, 2] + [3])          // expect: [1, 2, 3]
xs.removeAll()
print(xs.count)              // expect: 0
print([1, 2, 3] == [1, 2, 3])  // expect: true
print(Array(1...4))          // expect: [1, 2, 3, 4]
print([5, 6, 7].indices.map { $0 })  // expect: [0, 1, 2]
print(["b", "a", "c"].sorted().joined())  // expect: abc
print([3, 1, 2].shuffled().sorted())  // expect: [1, 2, 3]
