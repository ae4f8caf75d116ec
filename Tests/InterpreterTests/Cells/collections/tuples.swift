// Tuples: labels, destructuring, comparison, nesting.
let pair = (1, "one")
print(pair.0, pair.1)              // expect: 1 one
print(pair)                        // expect: (1, "one")
let point = (x: 3, y: 4)
print(point.x * point.y)           // expect: 12
print(point)                       // expect: (x: 3, y: 4)
let (a, b) = point
print(a + b)                       // expect: 7
let (_, second) = pair
print(second)                      // expect: one
func minMax(_ xs: [Int]) -> (min: Int, max: Int) { (xs.min()!, xs.max()!) }
let bounds = minMax([4, 9, 1])
print(bounds.min, bounds.max)      // expect: 1 9
print(bounds)                      // expect: (min: 1, max: 9)
var swapA = 1, swapB = 2
(swapA, swapB) = (swapB, swapA)
print(swapA, swapB)                // expect: 2 1
print((1, 2) < (1, 3), (2, "a") == (2, "a"))  // expect: true true
let nested = ((1, 2), [3.5])
print(nested)                      // expect: ((1, 2), [3.5])
print(nested.0.1)                  // expect: 2
var mutable = (count: 0, label: "x")
mutable.count += 5
print(mutable)                     // expect: (count: 5, label: "x")
