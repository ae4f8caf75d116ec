// Descriptions of numbers at the edges: exponents, special values, Float vs Double, sized Ints.
print(Double(Int.max))             // expect: 9.223372036854776e+18
print(100.0 / 3)                   // expect: 33.333333333333336
print(1e6, 1e-4, 1.5e300)          // expect: 1000000.0 0.0001 1.5e+300
print(Double.nan, Double.infinity, -Double.infinity)  // expect: nan inf -inf
print(Float.nan, Float.infinity)   // expect: nan inf
print(Float(16777217))             // expect: 16777216.0
print(Float(1e7), Float(123456.7)) // expect: 10000000.0 123456.7
print(Float(0.1) * 3)              // expect: 0.3
print(Double(Float(0.3)))          // expect: 0.30000001192092896
print(Float.pi, Double(Float.pi))  // expect: 3.1415925 3.141592502593994
print(5e-324, Double.leastNormalMagnitude)  // expect: 5e-324 2.2250738585072014e-308
print(Double.greatestFiniteMagnitude)  // expect: 1.7976931348623157e+308
print(Int32(5) + 1, Int32.max)     // expect: 6 2147483647
print(UInt8(255) &+ 1, UInt8.max)  // expect: 0 255
print(Int(exactly: 2.5) as Any, Int(exactly: 4.0) as Any)  // expect: nil Optional(4)
print(Int("+5")!, Int(" 5") as Any, Int("0x10") as Any)  // expect: 5 nil nil
print(Double("1e3")!, Double("abc") as Any, Double(".5")!)  // expect: 1000.0 nil 0.5
print(7.0.truncatingRemainder(dividingBy: 2.5))  // expect: 2.0
print((-7).quotientAndRemainder(dividingBy: 2))  // expect: (quotient: -3, remainder: -1)
print(2.0.squareRoot() * 2.0.squareRoot() == 2.0)  // expect: false
print(0.1 + 0.2 - 0.3)             // expect: 5.551115123125783e-17
