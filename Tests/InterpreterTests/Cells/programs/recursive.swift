// Recursive programs: permutations, a recursive-descent expression evaluator, flood fill.
func permutations(_ xs: [Int]) -> [[Int]] {
    if xs.count <= 1 { return [xs] }
    var out: [[Int]] = []
    for (i, x) in xs.enumerated() {
        var rest = xs
        rest.remove(at: i)
        for p in permutations(rest) { out.append([x] + p) }
    }
    return out
}
print(permutations([1, 2, 3]))
// expect: [[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]]
print(permutations(Array(1...6)).count)  // expect: 720
indirect enum Expr {
    case num(Int)
    case add(Expr, Expr)
    case mul(Expr, Expr)
    case neg(Expr)
}
func eval(_ e: Expr) -> Int {
    switch e {
    case .num(let n): return n
    case let .add(a, b): return eval(a) + eval(b)
    case let .mul(a, b): return eval(a) * eval(b)
    case .neg(let a): return -eval(a)
    }
}
func show(_ e: Expr) -> String {
    switch e {
    case .num(let n): return String(n)
    case let .add(a, b): return "(\(show(a)) + \(show(b)))"
    case let .mul(a, b): return "\(show(a)) * \(show(b))"
    case .neg(let a): return "-\(show(a))"
    }
}
let expr = Expr.mul(.add(.num(2), .num(3)), .neg(.num(4)))
print(show(expr), "=", eval(expr))  // expect: (2 + 3) * -4 = -20
struct Parser {
    var chars: [Character]
    var i = 0
    init(_ s: String) { chars = Array(s.filter { $0 != " " }) }
    mutating func expression() -> Int {
        var v = term()
        while i < chars.count, chars[i] == "+" || chars[i] == "-" {
            let op = chars[i]; i += 1
            let t = term()
            v = op == "+" ? v + t : v - t
        }
        return v
    }
    mutating func term() -> Int {
        var v = factor()
        while i < chars.count, chars[i] == "*" { i += 1; v *= factor() }
        return v
    }
    mutating func factor() -> Int {
        if chars[i] == "(" { i += 1; let v = expression(); i += 1; return v }
        var n = 0
        while i < chars.count, let d = chars[i].wholeNumberValue { n = n * 10 + d; i += 1 }
        return n
    }
}
var parser = Parser("2 * (3 + 4) - 10 * 2 + 100")
print(parser.expression())  // expect: 94
var grid = [
    Array("..#.."),
    Array(".##.."),
    Array("....#"),
    Array("###.#"),
]
func fill(_ r: Int, _ c: Int) -> Int {
    guard r >= 0, r < grid.count, c >= 0, c < grid[r].count, grid[r][c] == "#" else { return 0 }
    grid[r][c] = "x"
    return 1 + fill(r + 1, c) + fill(r - 1, c) + fill(r, c + 1) + fill(r, c - 1)
}
var sizes: [Int] = []
for r in grid.indices { for c in grid[r].indices { let s = fill(r, c); if s > 0 { sizes.append(s) } } }
print(sizes)   // expect: [3, 2, 3]
func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
print(gcd(1071, 462), gcd(17, 5))  // expect: 21 1
func binarySearch(_ xs: [Int], _ target: Int, _ lo: Int, _ hi: Int) -> Int? {
    if lo > hi { return nil }
    let mid = (lo + hi) / 2
    if xs[mid] == target { return mid }
    return xs[mid] < target ? binarySearch(xs, target, mid + 1, hi) : binarySearch(xs, target, lo, mid - 1)
}
let sorted = Array(stride(from: 1, through: 99, by: 2))
print(binarySearch(sorted, 37, 0, sorted.count - 1)!, binarySearch(sorted, 38, 0, sorted.count - 1) as Any)  // expect: 18 nil
