// Slices: a range of an array, split, prefix and dropFirst give ArraySlices (printed as Swift does);
// splitting a string gives its words. (A Substring is a String in cells: see language.md.)
let a = [1, 2, 3, 4, 5, 6]
let s = a[2..<5]
print(type(of: s), s, [s])  // expect: ArraySlice<Int> [3, 4, 5] [ArraySlice([3, 4, 5])]
print(s.startIndex, s.endIndex, s[2], s.first!)  // expect: 2 5 3 3
print(type(of: a.split(separator: 3)), a.split(separator: 3))
// expect: Array<ArraySlice<Int>> [ArraySlice([1, 2]), ArraySlice([4, 5, 6])]
print(type(of: a.split(whereSeparator: { $0 % 3 == 0 })), a.split(whereSeparator: { $0 % 3 == 0 }))
// expect: Array<ArraySlice<Int>> [ArraySlice([1, 2]), ArraySlice([4, 5])]
print([1, 0, 2, 0, 0, 3].split(separator: 0).map { $0.startIndex })  // expect: [0, 2, 5]
let words = "the quick  brown fox".split(separator: " ")
print(words, words.count)  // expect: ["the", "quick", "brown", "fox"] 4
print("a-b_c".split(whereSeparator: { $0 == "-" || $0 == "_" }))  // expect: ["a", "b", "c"]
print(Array(s), type(of: Array(s)))  // expect: [3, 4, 5] Array<Int>
print(a.prefix(2), type(of: a.prefix(2)), a.dropFirst(4), type(of: a.suffix(1)))
// expect: [1, 2] ArraySlice<Int> [5, 6] ArraySlice<Int>
print(words.map { $0.uppercased() }, words.map(String.init))
// expect: ["THE", "QUICK", "BROWN", "FOX"] ["the", "quick", "brown", "fox"]
