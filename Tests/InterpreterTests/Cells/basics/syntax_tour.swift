// Syntax in one cell: if-let shorthand, for case let x?, while var, tuple swap, number and string
// literal forms, multiple trailing closures (each line was once a probe for a gap).
let maybeA: Int? = 1, maybeB: Int? = 2
if let maybeA, let maybeB { print(maybeA + maybeB) }
func first(_ xs: [Int]) -> Int {
    guard let x = xs.first else { return -1 }
    return x
}
print(first([]), first([7]))
let opts: [Int?] = [1, nil, 3]
for case let x? in opts { print(x, terminator: " ") }
print()
var queue = [3, 2, 1]
while var top = queue.popLast() { top *= 10; print(top, terminator: " ") }
print()
var p = 1, q = 2
(p, q) = (q, p)
print(p, q)
_ = first([1])
let _ = first([2])
print(1_000, 0x1F, 0b101, 0o17, 1e3, 0x1p3)
let name = "Ada"
print(#"raw \(name) \#(name)"#, "quote \"\(name)\"", "\u{1F600}".count)
let poem = """
    Roses
      indented
    end \(name)
    """
print(poem)
func run(_ a: () -> Int, then b: (Int) -> String) -> String { b(a()) }
print(run { 2 } then: { "got \($0)" })
print(" \t".allSatisfy(\.isWhitespace), Character("a") < Character("b"))
let nested = [[1, 2], [3]]
print(nested.map { $0.count }, nested.joined().count, nested.reduce([], +))
var dict: [String: [Int]] = [:]
dict["a", default: []].append(1)
dict["a", default: []].append(2)
print(dict)
// expect: 3
// expect: -1 7
// expect: 1 3 
// expect: 10 20 30 
// expect: 2 1
// expect: 1000 31 5 15 1000.0 8.0
// expect: raw \(name) Ada quote "Ada" 1
// expect: Roses
// expect:   indented
// expect: end Ada
// expect: got 2
// expect: true true
// expect: [2, 1] 3 [1, 2, 3]
// expect: ["a": [1, 2]]
