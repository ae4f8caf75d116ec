// Strides and ranges of Double.
print(Array(stride(from: 0.0, to: 1.0, by: 0.25)))      // expect: [0.0, 0.25, 0.5, 0.75]
print(Array(stride(from: 1.0, through: 0.0, by: -0.5)))  // expect: [1.0, 0.5, 0.0]
var xs: [Double] = []
for x in stride(from: 0.5, through: 2.0, by: 0.5) { xs.append(x * x) }
print(xs)                                               // expect: [0.25, 1.0, 2.25, 4.0]
print(stride(from: 0.0, to: 0.3, by: 0.1).map { $0 })   // expect: [0.0, 0.1, 0.2]
let unit = 0.0...1.0
print(unit.contains(0.5), unit.contains(1.0), unit.contains(1.5))  // expect: true true false
let half = 0.0..<0.5
print(half.contains(0.5), half.contains(0.25), half.isEmpty)       // expect: false true false
print(unit, half)                                       // expect: 0.0...1.0 0.0..<0.5
print(unit.lowerBound, half.upperBound)                 // expect: 0.0 0.5
let temperature = 21.5
switch temperature {
case ..<18.0: print("cold")
case 18.0..<25.0: print("mild")                          // expect: mild
default: print("hot")
}
print((1.5...2.5).contains(2), Float(0.5)..<Float(1) ~= 0.75)  // expect: true true
let a = Double.random(in: 0.0..<1.0), b = Float.random(in: -1...1), c = Double.random(in: 2.5...3.5)
print(a >= 0 && a < 1, b >= -1 && b <= 1, c >= 2.5 && c <= 3.5)   // expect: true true true
print(type(of: half), type(of: Float(1)...Float(2)))             // expect: Range<Double> ClosedRange<Float>
