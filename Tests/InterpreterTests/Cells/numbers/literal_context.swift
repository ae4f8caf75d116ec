// Integer literals adapt to the type the context asks for.
let d: Double = 1
print(d)                 // expect: 1.0
let half = 1 / 2.0
print(half)              // expect: 0.5
let scaled = 3 * 0.5
print(scaled)            // expect: 1.5
func area(_ w: Double, _ h: Double) -> Double { w * h }
print(area(2, 3))        // expect: 6.0
let values: [Double] = [1, 2, 3]
print(values)            // expect: [1.0, 2.0, 3.0]
let floats: [Float] = [1, 0.5]
print(floats)            // expect: [1.0, 0.5]
var acc = 0.0
acc += 2
print(acc)               // expect: 2.0
let i = 7
print(Double(i) / 2)     // expect: 3.5
print(i / 2)             // expect: 3
let mixed = [1, 2.5]
print(mixed)             // expect: [1.0, 2.5]
let t: (Int, Double) = (1, 1)
print(t)                 // expect: (1, 1.0)
