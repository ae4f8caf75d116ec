// The type arguments a generic value is written with decide what its values are: literals adapt
// (`Box<Double>.one(1)` holds 1.0) and implicit members find their type (`.failure(.bad("x"))`).
enum ParseError: Error { case bad(String), empty }
let failed: Result<Int, ParseError> = .failure(.bad("x"))
print(failed)                                   // expect: failure(ParseError.bad("x"))
switch failed {
case .success(let v): print("ok", v)
case .failure(let e): print("error", e)         // expect: error bad("x")
}
func parse(_ s: String) -> Result<Int, ParseError> {
    if s.isEmpty { return .failure(.empty) }
    guard let n = Int(s) else { return .failure(.bad(s)) }
    return .success(n)
}
print(parse("12"), parse(""), parse("z"))       // expect: success(12) failure(ParseError.empty) failure(ParseError.bad("z"))
let results: [Result<Double, ParseError>] = [.success(2), .failure(.empty)]
print(results)                                  // expect: [Result<Double, ParseError>.success(2.0), Result<Double, ParseError>.failure(ParseError.empty)]
func describe(_ r: Result<Double, ParseError>) -> String { "\(r)" }
print(describe(.success(1)))                    // expect: success(1.0)
// cell
enum Box<T> { case one(T), none }
let b: Box<Double> = .one(1)
print(b)                                        // expect: one(1.0)
let boxes: [Box<Double>] = [.one(5), Box.one(6), Box<Double>.one(7)]
print(boxes)                                    // expect: [Box<Double>.one(5.0), Box<Double>.one(6.0), Box<Double>.one(7.0)]
let empty: Box<Int> = .none
print([empty])                                  // expect: [Box<Int>.none]
func makeBox() -> Box<Double> { .one(4) }
print(makeBox())                                // expect: one(4.0)
let maybe: Box<Double>? = .one(2)
print(maybe as Any)                             // expect: Optional(Box<Double>.one(2.0))
// cell
struct Pair<T> { var first: T; var second: T }
let p = Pair<Double>(first: 1, second: 2)
print(p)                                        // expect: Pair<Double>(first: 1.0, second: 2.0)
let q: Pair<Double> = Pair(first: 3, second: 4)
print(q)                                        // expect: Pair<Double>(first: 3.0, second: 4.0)
let inferred = Pair(first: 5, second: 6)
print(inferred)                                 // expect: Pair<Int>(first: 5, second: 6)
struct Stack<Element> {
    var items: [Element] = []
    mutating func push(_ x: Element) { items.append(x) }
}
var stack = Stack<Double>()
stack.push(1)
stack.push(2.5)
print(stack)                                    // expect: Stack<Double>(items: [1.0, 2.5])
var nested = Stack<Pair<Double>>()
nested.push(Pair(first: 1, second: 2))
print(nested.items[0].first)                    // expect: 1.0
