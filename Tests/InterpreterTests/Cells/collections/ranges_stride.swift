// Ranges and strides.
let r = 1..<5
print(r.count, r.contains(4), r.contains(5))  // expect: 4 true false
print(r)                              // expect: 1..<5
print(0...3)                          // expect: 0...3
print((0...3).map { $0 * 2 })         // expect: [0, 2, 4, 6]
print(Array(stride(from: 0, to: 10, by: 3)))   // expect: [0, 3, 6, 9]
print(Array(stride(from: 10, through: 0, by: -5)))  // expect: [10, 5, 0]
print(Array(stride(from: 0.0, to: 1.0, by: 0.25)))  // expect: [0.0, 0.25, 0.5, 0.75]
print((1...5).reduce(0, +))           // expect: 15
print((1...4).reversed().map { $0 })  // expect: [4, 3, 2, 1]
print(r.lowerBound, r.upperBound)     // expect: 1 5
print((5..<5).isEmpty)                // expect: true
print((0..<3).map { _ in "x" }.joined())  // expect: xxx
