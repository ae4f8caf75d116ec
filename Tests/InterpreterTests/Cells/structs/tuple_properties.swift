// A tuple property or variable keeps its declared element types and labels when assigned.
struct Sprite { var position = (x: 0.0, y: 0.0) }
var s = Sprite()
s.position = (1, 2)
print(s.position, s.position.x)                     // expect: (x: 1.0, y: 2.0) 1.0
var pair: (a: Int, b: Int) = (0, 0)
pair = (3, 4)
print(pair, pair.a)                                 // expect: (a: 3, b: 4) 3
var mixed = (name: "n", score: 0.5)
mixed = ("m", 2)
print(mixed)                                        // expect: (name: "m", score: 2.0)
