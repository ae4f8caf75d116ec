// Argument labels, `_`, default values, variadics, inout, nested functions, overloads by label.
func greet(_ name: String, from place: String = "Paris", times: Int = 1) -> String {
    Array(repeating: "hi \(name) from \(place)", count: times).joined(separator: "; ")
}
print(greet("Ann"))                          // expect: hi Ann from Paris
print(greet("Bo", from: "Oslo"))             // expect: hi Bo from Oslo
print(greet("Cy", times: 2))                 // expect: hi Cy from Paris; hi Cy from Paris
func sum(_ xs: Int...) -> Int { xs.reduce(0, +) }
print(sum(), sum(1), sum(1, 2, 3))           // expect: 0 1 6
func swapped(_ a: inout Int, _ b: inout Int) { let t = a; a = b; b = t }
var p = 1, q = 2
swapped(&p, &q)
print(p, q)                                  // expect: 2 1
func increment(_ x: inout [Int]) { x.append(x.count) }
var list = [0]
increment(&list); increment(&list)
print(list)                                  // expect: [0, 1, 2]
func scale(value v: Double, by factor: Double) -> Double { v * factor }
print(scale(value: 2, by: 1.5))              // expect: 3.0
func area(width: Int, height: Int) -> Int { width * height }
func area(side: Int) -> Int { side * side }
print(area(width: 2, height: 3), area(side: 4))  // expect: 6 16
func outer(_ n: Int) -> Int {
    func inner(_ m: Int) -> Int { m * 10 }
    return inner(n) + 1
}
print(outer(4))                              // expect: 41
func nothing() {}
print(nothing())                             // expect: ()
func early(_ x: Int) -> String {
    if x > 0 { return "pos" }
    return "non-pos"
}
print(early(1), early(-1))                   // expect: pos non-pos
