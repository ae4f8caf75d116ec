// Recursive functions: factorial, fibonacci, mutual recursion, memoised recursion.
func factorial(_ n: Int) -> Int { n <= 1 ? 1 : n * factorial(n - 1) }
print(factorial(20))             // expect: 2432902008176640000
func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
print((0..<12).map(fib))         // expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]
print(fib(20))                   // expect: 6765
func isEven(_ n: Int) -> Bool { n == 0 ? true : isOdd(n - 1) }
func isOdd(_ n: Int) -> Bool { n == 0 ? false : isEven(n - 1) }
print(isEven(10), isOdd(7))      // expect: true true
var memo: [Int: Int] = [:]
func ways(_ n: Int) -> Int {
    if n <= 1 { return 1 }
    if let m = memo[n] { return m }
    let r = ways(n - 1) + ways(n - 2)
    memo[n] = r
    return r
}
print(ways(80))                  // expect: 37889062373143906
func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) }
print(depth(5000))               // expect: 5000
func hanoi(_ n: Int, _ from: String, _ to: String, _ via: String, _ moves: inout [String]) {
    if n == 0 { return }
    hanoi(n - 1, from, via, to, &moves)
    moves.append("\(from)>\(to)")
    hanoi(n - 1, via, to, from, &moves)
}
var moves: [String] = []
hanoi(3, "A", "C", "B", &moves)
print(moves.count, moves.first!, moves.last!)  // expect: 7 A>C A>C
