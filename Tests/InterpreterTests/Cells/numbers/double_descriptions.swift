// Double and Float print as Swift's shortest round-trip description.
print(0.1)             // expect: 0.1
print(0.1 + 0.2)       // expect: 0.30000000000000004
print(1.0)             // expect: 1.0
print(2.5e-5)          // expect: 2.5e-05
print(0.00001)         // expect: 1e-05
print(0.0001)          // expect: 0.0001
print(123456789.0)     // expect: 123456789.0
print(1e16)            // expect: 1e+16
print(1e15)            // expect: 1000000000000000.0
print(12345678901234567.0)  // expect: 1.2345678901234568e+16
print(-0.5)            // expect: -0.5
print(1.0 / 3.0)       // expect: 0.3333333333333333
print(Double.pi)       // expect: 3.141592653589793
let f: Float = 0.1
print(f)               // expect: 0.1
print(Float(1) / 3)    // expect: 0.33333334
print(Float(2.5))      // expect: 2.5
print(1.0 / 0.0)       // expect: inf
print(-1.0 / 0.0)      // expect: -inf
print((0.0 / 0.0).isNaN)  // expect: true
print(Double(7) / 2)   // expect: 3.5
print(2.0 * 3)         // expect: 6.0
