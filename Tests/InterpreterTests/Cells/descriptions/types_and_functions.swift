// Descriptions of classes, types, functions and Void.
class Model { var layers = 2 }
struct Point { var x = 0 }
print(Model())                      // expect: Model
print([Model()].count)              // expect: 1
print(type(of: 1), type(of: 2.0), type(of: "s"), type(of: [1]))  // expect: Int Double String Array<Int>
print(Point.self, type(of: Point()))  // expect: Point Point
let f = { (x: Int) in x }
print(f)                            // expect: (Function)
print(())                           // expect: ()
print(type(of: Optional(1)))        // expect: Optional<Int>
print(type(of: ["a": 1.0]))         // expect: Dictionary<String, Double>
print(Float(1.5), type(of: Float(1.5)))  // expect: 1.5 Float
