// Each cell's last expression, when not Void, is its result.
let a = 2
a * 21 // expect result: 42
// cell
"text" + "!" // expect result: text!
// cell
[1.5, 2] // expect result: [1.5, 2.0]
// cell
(1, "a") // expect result: (1, "a")
// cell
let o: Int? = 3
o // expect result: Optional(3)
// cell
struct P { var x = 1; var y = 2 }
P() // expect result: P(x: 1, y: 2)
// cell
var counter = 0
counter += 1
// cell
print("a print is not a result")  // expect: a print is not a result
// cell
counter == 1 // expect result: true
// cell
["k": 0.5] // expect result: ["k": 0.5]
