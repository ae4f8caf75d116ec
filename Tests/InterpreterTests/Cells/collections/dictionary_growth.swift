// A dictionary that grows through many resizes, loses keys and gets them back keeps every entry
// (nbrun's dictionary keeps insertion order with its own hash table; Swift's answers are the truth).
var counts: [String: Int] = [:]
for i in 0..<5000 { counts["k\(i % 1000)", default: 0] += 1 }
print(counts.count, counts["k0"]!, counts["k999"]!)   // expect: 1000 5 5
print(counts["k1000"] as Any)                          // expect: nil
for i in stride(from: 0, to: 1000, by: 2) { counts["k\(i)"] = nil }
print(counts.count, counts["k0"] as Any, counts["k1"]!)   // expect: 500 nil 5
counts["k0", default: 10] += 1
print(counts.count, counts["k0"]!)                     // expect: 501 11
print(counts.removeValue(forKey: "k1")!, counts.count)  // expect: 5 500
var squares: [Int: Int] = [:]
for n in -300...300 { squares[n] = n * n }
print(squares.count, squares[-300]!, squares[17]!)     // expect: 601 90000 289
print(squares.keys.sorted().prefix(3))                 // expect: [-300, -299, -298]
var hist = [0, 0, 0]
for n in 0..<10 { hist[n % 3] += 1 }
print(hist)                                            // expect: [4, 3, 3]
var small: [String: Int] = ["a": 1]
small["a"] = nil
print(small.isEmpty, small["a"] as Any)                // expect: true nil
small["b"] = 2
print(small)                                           // expect: ["b": 2]
