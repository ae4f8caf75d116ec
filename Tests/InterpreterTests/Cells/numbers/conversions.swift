// Numeric conversions and parsing.
print(Int(3.9))          // expect: 3
print(Int(-3.9))         // expect: -3
print(Double(3))         // expect: 3.0
print(Float(3))          // expect: 3.0
print(Int("42") as Any)  // expect: Optional(42)
print(Int("4x2") as Any) // expect: nil
print(Int("42")!)        // expect: 42
print(Double("2.5")!)    // expect: 2.5
print(Int("-17") ?? 0)   // expect: -17
print(Int("") ?? -1)     // expect: -1
print(String(42))        // expect: 42
print(String(2.5))       // expect: 2.5
print((2.5).rounded())   // expect: 3.0
print((2.4).rounded())   // expect: 2.0
print(Int((7.6).rounded()))  // expect: 8
print((-2.5).magnitude)  // expect: 2.5
print(Double(Float(0.1)))  // expect: 0.10000000149011612
