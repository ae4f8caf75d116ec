// Types in one cell: delegating and convenience initializers, static members, Comparable by
// operator, raw values used inside the enum, labelled loops, nested functions, class methods.
struct Counter {
    static var made = 0
    private(set) var value = 0
    init() { Counter.made += 1 }
    init(start: Int) { self.init(); value = start }
    mutating func bump(by n: Int = 1) { value += n }
}
var c = Counter(start: 5)
c.bump(); c.bump(by: 3)
print(c.value, Counter.made)
class Node: CustomStringConvertible {
    var value: Int
    var next: Node?
    init(_ v: Int, next: Node? = nil) { value = v; self.next = next }
    convenience init() { self.init(0) }
    var description: String { "Node(\(value))" + (next.map { " -> \($0)" } ?? "") }
}
let list = Node(1, next: Node(2, next: Node()))
print(list, list.next?.next?.value as Any)
struct P: Hashable, Comparable {
    let x: Int, y: Int
    static func < (a: P, b: P) -> Bool { (a.x, a.y) < (b.x, b.y) }
}
print([P(x: 2, y: 1), P(x: 1, y: 5)].sorted(), Set([P(x: 1, y: 1), P(x: 1, y: 1)]).count, P(x: 1, y: 2) == P(x: 1, y: 2))
enum Op: String {
    case add = "+", mul = "*"
    var symbol: String { rawValue }
    func apply(_ a: Int, _ b: Int) -> Int {
        switch self { case .add: return a + b; case .mul: return a * b }
    }
    static func parse(_ s: String) -> Op? { Op(rawValue: s) }
}
print(Op.parse("*")!.apply(3, 4), Op.add.symbol, Op.parse("/") as Any)
typealias Pair = (first: Int, second: Int)
func minMax(_ xs: Int...) -> Pair { (xs.min()!, xs.max()!) }
let mm = minMax(4, 1, 9)
print(mm.first, mm.second, mm)
func fill(_ a: inout [Int], with v: Int) { for i in a.indices { a[i] = v } }
var arr = [1, 2, 3]
fill(&arr, with: 7)
print(arr)
outer: for i in 1...3 {
    for j in 1...3 {
        if j == 2 { continue outer }
        if i == 3 { break outer }
        print(i, j, terminator: "; ")
    }
}
print()
for i in stride(from: 10, to: 0, by: -3) where i % 2 == 0 { print(i, terminator: " ") }
print()
func makeFib() -> (Int) -> Int {
    var memo: [Int: Int] = [:]
    func fib(_ n: Int) -> Int {
        if n < 2 { return n }
        if let m = memo[n] { return m }
        let r = fib(n - 1) + fib(n - 2)
        memo[n] = r
        return r
    }
    return fib
}
print(makeFib()(50))
class Base { class func make() -> String { "base" }; func who() -> String { "B" } }
final class Derived: Base { override class func make() -> String { "derived" }; override func who() -> String { super.who() + "D" } }
print(Base.make(), Derived.make(), Derived().who())
struct Rect { var w = 1.0, h = 2.0; var area: Double { get { w * h } set { w = newValue / h } } }
var rc = Rect()
rc.area = 10
print(rc.w, rc)
@discardableResult func noisy() -> Int { 1 }
noisy()
let (qq, rr) = 17.quotientAndRemainder(dividingBy: 5)
print(qq, rr)
// expect: 9 1
// expect: Node(1) -> Node(2) -> Node(0) Optional(0)
// expect: [P(x: 1, y: 5), P(x: 2, y: 1)] 1 true
// expect: 12 + nil
// expect: 1 9 (first: 1, second: 9)
// expect: [7, 7, 7]
// expect: 1 1; 2 1; 
// expect: 10 4 
// expect: 12586269025
// expect: base derived BD
// expect: 5.0 Rect(w: 5.0, h: 2.0)
// expect: 3 2
