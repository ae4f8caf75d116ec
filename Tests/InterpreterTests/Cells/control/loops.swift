// for-in over ranges, arrays, dictionaries, enumerated, zip, stride, where; while; repeat.
var out: [String] = []
for i in 0..<3 { out.append("r\(i)") }
for w in ["a", "b"] { out.append(w) }
for (i, w) in ["x", "y"].enumerated() { out.append("\(i)\(w)") }
for (n, s) in zip([1, 2, 3], ["one", "two"]) { out.append("\(n)=\(s)") }
for k in stride(from: 10, to: 0, by: -4) { out.append(String(k)) }
for i in 1...10 where i % 4 == 0 { out.append("m\(i)") }
for _ in 1...2 { out.append("_") }
print(out.joined(separator: " "))  // expect: r0 r1 r2 a b 0x 1y 1=one 2=two 10 6 2 m4 m8 _ _
var n = 1
while n < 100 { n *= 3 }
print(n)  // expect: 243
var k = 10
repeat { k -= 1 } while k > 20
print(k)  // expect: 9
let table = ["b": 2, "a": 1]
var total = 0
for (_, v) in table { total += v }
print(total)  // expect: 3
for key in table.keys.sorted() { print(key, terminator: ";") }
print()  // expect: a;b;
