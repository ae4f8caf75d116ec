// throw, do/catch with patterns, try?, try!, rethrowing, errors as enums.
enum ShapeError: Error {
    case negative(Int)
    case empty
}
func checked(_ n: Int) throws -> Int {
    if n < 0 { throw ShapeError.negative(n) }
    if n == 0 { throw ShapeError.empty }
    return n * 2
}
do {
    print(try checked(4))          // expect: 8
    print(try checked(-3))
    print("not reached")
} catch ShapeError.negative(let n) {
    print("negative \(n)")         // expect: negative -3
} catch {
    print("other \(error)")
}
do {
    _ = try checked(0)
} catch let e as ShapeError {
    print("shape error: \(e)")     // expect: shape error: empty
}
print(try? checked(5) as Any)      // expect: Optional(10)
print((try? checked(-1)) as Any)   // expect: nil
print(try! checked(1))             // expect: 2
let fallback = (try? checked(0)) ?? -1
print(fallback)                    // expect: -1
func sumChecked(_ xs: [Int]) throws -> Int {
    var total = 0
    for x in xs { total += try checked(x) }
    return total
}
do {
    print(try sumChecked([1, 2]))  // expect: 6
    print(try sumChecked([1, 0, 2]))
} catch {
    print("caught \(error)")       // expect: caught empty
}
struct ParseError: Error { let line: Int; let reason: String }
func parse(_ s: String) throws -> Int {
    guard let v = Int(s) else { throw ParseError(line: 1, reason: "not a number: \(s)") }
    return v
}
do { _ = try parse("x1") } catch let e as ParseError { print(e.reason, e.line) }  // expect: not a number: x1 1
do { _ = try parse("x2") } catch { print(error) }  // expect: ParseError(line: 1, reason: "not a number: x2")
let results = ["1", "b", "3"].map { try? parse($0) }
print(results)                     // expect: [Optional(1), nil, Optional(3)]
do {
    try [1, 2, -5].forEach { _ = try checked($0) }
} catch ShapeError.negative(let n) where n < -2 {
    print("very negative \(n)")    // expect: very negative -5
} catch {
    print("other")
}
