// Dictionaries: lookup, default subscripts, updates, iteration in sorted order.
var ages = ["ann": 31]
ages["bob"] = 25
ages["cid", default: 0] += 40
print(ages["ann"]!)                 // expect: 31
print(ages["zed"] as Any)           // expect: nil
print(ages["zed", default: -1])     // expect: -1
print(ages.count)                   // expect: 3
print(ages.keys.sorted())           // expect: ["ann", "bob", "cid"]
print(ages.values.sorted())         // expect: [25, 31, 40]
for (name, age) in ages.sorted(by: { $0.key < $1.key }) { print(name, age) }
// expect: ann 31
// expect: bob 25
// expect: cid 40
ages["bob"] = nil
print(ages.keys.sorted())           // expect: ["ann", "cid"]
print(ages.removeValue(forKey: "ann")!)  // expect: 31
print(ages)                         // expect: ["cid": 40]
let old = ages.updateValue(41, forKey: "cid")
print(old!, ages["cid"]!)           // expect: 40 41
var counts: [String: Int] = [:]
for w in "the cat the hat the end".split(separator: " ") { counts[String(w), default: 0] += 1 }
print(counts["the"]!, counts["cat"]!)  // expect: 3 1
print(counts.isEmpty, [String: Int]().isEmpty)  // expect: false true
let byLength = Dictionary(grouping: ["a", "bb", "cc", "d"], by: { $0.count })
print(byLength[2]!)                 // expect: ["bb", "cc"]
let squares = Dictionary(uniqueKeysWithValues: (1...3).map { ($0, $0 * $0) })
print(squares[3]!)                  // expect: 9
print(squares.mapValues { $0 + 1 }[2]!)  // expect: 5
print(["2017": "Transformer"])      // expect: ["2017": "Transformer"]
print([1: [2.5]])                   // expect: [1: [2.5]]
print(counts.filter { $0.value > 1 }.keys.sorted())  // expect: ["the"]
print(counts.contains { $0.key == "hat" })  // expect: true
