// map, filter, reduce, compactMap and friends.
let nums = [1, 2, 3, 4, 5, 6]
print(nums.map { $0 * $0 })              // expect: [1, 4, 9, 16, 25, 36]
print(nums.filter { $0 % 2 == 0 })       // expect: [2, 4, 6]
print(nums.reduce(0, +))                 // expect: 21
print(nums.reduce(1) { $0 * $1 })        // expect: 720
print(nums.reduce(into: [Int]()) { acc, n in if n > 3 { acc.append(n) } })  // expect: [4, 5, 6]
print(["1", "x", "3"].compactMap { Int($0) })  // expect: [1, 3]
print(nums.first(where: { $0 > 3 })!)    // expect: 4
print(nums.contains(where: { $0 > 5 }))  // expect: true
print(nums.allSatisfy { $0 > 0 })        // expect: true
print(nums.map(String.init).joined(separator: "+"))  // expect: 1+2+3+4+5+6
print(nums.enumerated().map { i, n in i * n })  // expect: [0, 2, 6, 12, 20, 30]
print(nums.lazy.filter { $0 > 2 }.map { $0 * 10 }.first!)  // expect: 30
print(nums.max(by: { $0 % 4 < $1 % 4 })!)  // expect: 3
print(nums.sorted { $0 > $1 }.prefix(3).map { $0 })  // expect: [6, 5, 4]
print(zip(nums, nums.dropFirst()).map { $1 - $0 })   // expect: [1, 1, 1, 1, 1]
print(nums.count(where: { $0 > 4 }))     // expect: 2
