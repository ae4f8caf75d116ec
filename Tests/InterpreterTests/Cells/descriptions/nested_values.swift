// Swift's descriptions of values inside values.
struct Point { var x: Int; var y: Int }
struct Line { var from: Point; var to: Point }
print(Point(x: 1, y: 2))                    // expect: Point(x: 1, y: 2)
print(Line(from: Point(x: 0, y: 0), to: Point(x: 1, y: 1)))  // expect: Line(from: Point(x: 0, y: 0), to: Point(x: 1, y: 1))
print([Point(x: 3, y: 4)])                  // expect: [Point(x: 3, y: 4)]
print((Point(x: 5, y: 6), 1))               // expect: (Point(x: 5, y: 6), 1)
struct Empty {}
print(Empty())                              // expect: Empty()
struct Named { var name: String; var tags: [String]; var score: Double?; var ch: Character }
print(Named(name: "a\"b", tags: ["x"], score: 0.5, ch: "c"))  // expect: Named(name: "a\"b", tags: ["x"], score: Optional(0.5), ch: "c")
print(Named(name: "", tags: [], score: nil, ch: " "))  // expect: Named(name: "", tags: [], score: nil, ch: " ")
enum Kind { case token(String), number(Int), end }
print(Kind.token("x"), Kind.number(3), Kind.end)  // expect: token("x") number(3) end
print([Kind.end, Kind.number(1)])           // expect: [Kind.end, Kind.number(1)]
print(Optional(Kind.end) as Any)            // expect: Optional(Kind.end)
struct Wrapper { var kind: Kind; var point: Point? }
print(Wrapper(kind: .token("t"), point: Point(x: 1, y: 1)))  // expect: Wrapper(kind: Kind.token("t"), point: Optional(Point(x: 1, y: 1)))
print(["a": Point(x: 0, y: 1)])             // expect: ["a": Point(x: 0, y: 1)]
print([[1, 2], []], [[String]]())           // expect: [[1, 2], []] []
print([1.0, 2.5], [Float(1.5)])             // expect: [1.0, 2.5] [1.5]
print([true, false], [Optional(1), nil])    // expect: [true, false] [Optional(1), nil]
print(("a", ["b": 1], (2, 3.0)))            // expect: ("a", ["b": 1], (2, 3.0))
print(String(describing: [1, 2]), String(describing: "s"))  // expect: [1, 2] s
print(String(describing: Point(x: 7, y: 8)))  // expect: Point(x: 7, y: 8)
print("\(Point(x: 9, y: 9))")               // expect: Point(x: 9, y: 9)
print(["s"], "s", [Character("c")])         // expect: ["s"] s ["c"]
print([-0.0, 1e-7, 1e21])                   // expect: [-0.0, 1e-07, 1e+21]
print(Int8(-5), UInt8(250), Int32(7))       // expect: -5 250 7
