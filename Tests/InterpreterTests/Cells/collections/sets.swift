// Sets: membership, algebra, printing in sorted order.
var seen: Set<String> = ["a", "b"]
seen.insert("c")
print(seen.insert("a").inserted)     // expect: false
print(seen.contains("b"), seen.count)  // expect: true 3
seen.remove("b")
print(seen.sorted())                 // expect: ["a", "c"]
let evens: Set = [2, 4, 6, 8]
let small: Set = [1, 2, 3, 4]
print(evens.intersection(small).sorted())  // expect: [2, 4]
print(evens.union(small).sorted())   // expect: [1, 2, 3, 4, 6, 8]
print(evens.subtracting(small).sorted())   // expect: [6, 8]
print(Set([1, 1, 2, 2, 3]).count)    // expect: 3
print(Set([1]) == Set([1]))          // expect: true
print([Int](Set([3])))               // expect: [3]
print(Set(["x"]))                    // expect: ["x"]
