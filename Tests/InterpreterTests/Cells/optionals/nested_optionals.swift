// Optionals inside collections and optionals of optionals print as Swift prints them.
let nested: [[Int?]] = [[1, nil], [3]]
print(nested)                                      // expect: [[Optional(1), nil], [Optional(3)]]
let twice: Int?? = 5
print(twice as Any)                                // expect: Optional(Optional(5))
let someNil: Int?? = .some(nil)
print(someNil as Any)                              // expect: Optional(nil)
let none: Int?? = .none
print(none as Any)                                 // expect: nil
let table: [String: Int?] = ["a": 1, "b": nil]
print(table["a"] as Any, table.count)              // expect: Optional(Optional(1)) 2
// cell
// Optional's flatMap: the closure's plain value is wrapped.
let first = [1, 2].first
print(first.flatMap { $0 > 0 ? "pos" : nil } as Any)   // expect: Optional("pos")
print(first.flatMap { x in x * 2 } as Any)             // expect: Optional(2)
print(first.map { $0 * 3 } ?? 0)                       // expect: 3
