// What an optional allows without unwrapping, and the ways to unwrap it.
var maybe: Int? = 4
let name: String? = "ada"
print(maybe.map { $0 * 2 } as Any, name?.count as Any, name?.uppercased() as Any)  // expect: Optional(8) Optional(3) Optional("ADA")
print(maybe == nil, maybe != 4, (maybe ?? 0) + 1, maybe! * 2)  // expect: false false 5 8
if let m = maybe, m > 3 { print(m + 1) }                       // expect: 5
guard let n = name else { fatalError() }
print(n.count, name.debugDescription)                          // expect: 3 Optional("ada")
var rate: Double! = 1
print(rate * 2, rate + 0.5)                                    // expect: 2.0 1.5
maybe = nil
print(maybe.flatMap { $0 > 0 ? $0 : nil } as Any)              // expect: nil
func scaled(_ x: Double!) -> Double { x * 10 }
print(scaled(0.5))                                             // expect: 5.0
