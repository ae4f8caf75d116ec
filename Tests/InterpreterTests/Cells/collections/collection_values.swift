// Arrays, dictionaries and sets are values: a copy never sees later changes.
var a = [1, 2, 3]
var b = a
b.append(4)
b[0] = 100
print(a)       // expect: [1, 2, 3]
print(b)       // expect: [100, 2, 3, 4]
var d = ["k": [1]]
var e = d
e["k"]!.append(2)
print(d, e)    // expect: ["k": [1]] ["k": [1, 2]]
func appendOne(_ xs: [Int]) -> [Int] {
    var copy = xs
    copy.append(1)
    return copy
}
let base = [0]
print(appendOne(base), base)  // expect: [0, 1] [0]
var grid = [[0, 0], [0, 0]]
grid[1][0] = 5
var row = grid[1]
row[1] = 9
print(grid)    // expect: [[0, 0], [5, 0]]
print(row)     // expect: [5, 9]
