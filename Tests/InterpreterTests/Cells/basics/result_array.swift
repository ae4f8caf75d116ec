// A collection result is shown as Swift describes it (strings quoted inside).
let names = ["b", "a"]
print(names.count)  // expect: 2
names.sorted() // expect result: ["a", "b"]
