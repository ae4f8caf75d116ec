// Elements changed in place with compound assignments: counters, sums of Doubles (an Int
// literal becomes a Double), strings appended, products, and the dictionary left unshared.
var counts: [String: Int] = [:]
for w in "b a b c b a".split(separator: " ") { counts[String(w), default: 0] += 1 }
print(counts["a"]!, counts["b"]!, counts["c"]!, counts.count)   // expect: 2 3 1 3
let before = counts
counts["a", default: 0] -= 2
print(counts["a"]!, before["a"]!)                 // expect: 0 2
var sums: [Int: Double] = [:]
for (i, x) in [0.5, 1.5, 2.0].enumerated() { sums[i % 2, default: 0] += x }
sums[1, default: 0] += 1
print(sums[0]!, sums[1]!)                         // expect: 2.5 2.5
var names: [String: String] = [:]
names["x", default: ""] += "ab"
names["x", default: ""] += "c"
print(names["x"]!)                                // expect: abc
var grid = [1, 2, 3]
var copy = grid
for i in grid.indices { grid[i] *= 10 }
grid[0] += grid[2]
print(grid, copy)                                 // expect: [40, 20, 30] [1, 2, 3]
var scores = [1.0, 2.0]
scores[1] += 1
print(scores)                                     // expect: [1.0, 3.0]
copy[0] -= 1
print(copy)                                       // expect: [0, 2, 3]
