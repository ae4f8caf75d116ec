// A trailing closure goes to the overload that takes a closure, never to one that takes a value.
let xs = [1, 5, 3, 5, 2]
print(xs.lastIndex { $0 == 5 } as Any)             // expect: Optional(3)
print(xs.lastIndex(where: { $0 > 2 }) as Any)      // expect: Optional(3)
print(xs.lastIndex(of: 5) as Any)                  // expect: Optional(3)
print(xs.firstIndex { $0 == 5 } as Any)            // expect: Optional(1)
print(xs.contains { $0 > 4 }, xs.contains(4))      // expect: true false
print(xs.max { $0 > $1 } as Any)                   // expect: Optional(1)
// cell
// A set literal where a Set is expected, also inside an array.
let sets: [Set<String>] = [["a"], ["b", "b"]]
print(sets.map { $0.count })                       // expect: [1, 1]
var grown = sets
grown[0].insert("c")
print(grown[0].count, grown[0].contains("c"))      // expect: 2 true
let maybeSet: Set<Int>? = [1, 1, 2]
print(maybeSet?.count as Any)                      // expect: Optional(2)
