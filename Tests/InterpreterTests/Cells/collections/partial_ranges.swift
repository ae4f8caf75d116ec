// Partial ranges in subscripts (`xs[2...]`, `xs[..<3]`, `xs[...2]`) on arrays and strings, and
// the slices they give.
let xs = [10, 20, 30, 40, 50]
print(xs[2...], xs[..<3], xs[...2])          // expect: [30, 40, 50] [10, 20, 30] [10, 20, 30]
print([xs[3...]], xs[1...].count)            // expect: [ArraySlice([40, 50])] 4
let middle = xs[1...3]
print(middle[2], middle.first!, middle.last!)  // expect: 30 20 40
print(Array(xs[1...].dropFirst()), xs[..<0].isEmpty)  // expect: [30, 40, 50] true
print(xs[2...].map { $0 / 10 }, xs[...1].reduce(0, +))  // expect: [3, 4, 5] 30
print(xs.prefix(2), xs.suffix(2), xs.dropFirst(3), xs.dropLast(3))  // expect: [10, 20] [40, 50] [40, 50] [10, 20]
var ys = xs
ys[1...2] = [0, 0]
print(ys)                                    // expect: [10, 0, 0, 40, 50]
let word = "notebook"
print(word.prefix(4), word.suffix(4), word.dropFirst(3), word.dropLast(4))  // expect: note book ebook note
let letters = Array(word)
print(letters[4...], String(letters[..<4]), String(letters[...4]))  // expect: ["b", "o", "o", "k"] note noteb
print(String(word.prefix(3)).uppercased(), word.prefix(20))  // expect: NOT notebook
