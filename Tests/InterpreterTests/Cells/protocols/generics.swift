// Generic functions and types, constraints and where clauses, Result, associated types.
func swapped<T>(_ a: T, _ b: T) -> (T, T) { (b, a) }
print(swapped(1, 2), swapped("a", "b"))
func largest<T: Comparable>(_ xs: [T]) -> T? {
    guard var best = xs.first else { return nil }
    for x in xs where x > best { best = x }
    return best
}
print(largest([3, 9, 2]) as Any, largest(["b", "a"]) as Any, largest([Double]()) as Any)
struct Stack<Element> {
    private var items: [Element] = []
    mutating func push(_ x: Element) { items.append(x) }
    mutating func pop() -> Element? { items.popLast() }
    var top: Element? { items.last }
    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }
}
var s = Stack<Int>()
s.push(1); s.push(2)
print(s.pop() as Any, s.top as Any, s.count)
var names = Stack<String>()
names.push("x")
print(names)
extension Stack where Element: Numeric {
    func sum() -> Element { items.reduce(0, +) }
}
print(s.sum())
func allEqual<C: Collection>(_ c: C) -> Bool where C.Element: Equatable {
    guard let f = c.first else { return true }
    return c.allSatisfy { $0 == f }
}
print(allEqual([1, 1, 1]), allEqual("aab"))
enum ParseError: Error { case bad(String) }
func parse(_ s: String) -> Result<Int, ParseError> {
    if let n = Int(s) { return .success(n) }
    return .failure(.bad(s))
}
for input in ["12", "x"] {
    switch parse(input) {
    case .success(let n): print("ok", n)
    case .failure: print("error")
    }
}
let r = parse("5")
print(try! r.get(), r)
let mapped = parse("4").map { $0 * 10 }
print(mapped)
struct Pair<A, B> { let first: A; let second: B }
let pr = Pair(first: 1, second: "one")
print(pr, pr.first)
func firstIndex<T: Equatable>(of x: T, in xs: [T]) -> Int? {
    for (i, v) in xs.enumerated() where v == x { return i }
    return nil
}
print(firstIndex(of: "c", in: ["a", "c"]) as Any)
let dict: Dictionary<String, Array<Int>> = ["a": [1]]
print(dict)
protocol Container {
    associatedtype Item
    var items: [Item] { get }
    func item(at i: Int) -> Item
}
extension Container { func item(at i: Int) -> Item { items[i] } }
struct Box: Container { var items: [String] }
print(Box(items: ["p", "q"]).item(at: 1))
// expect: (2, 1) ("b", "a")
// expect: Optional(9) Optional("b") nil
// expect: Optional(2) Optional(1) 1
// expect: Stack<String>(items: ["x"])
// expect: 1
// expect: true false
// expect: ok 12
// expect: error
// expect: 5 success(5)
// expect: success(40)
// expect: Pair<Int, String>(first: 1, second: "one") 1
// expect: Optional(1)
// expect: ["a": [1]]
// expect: q
