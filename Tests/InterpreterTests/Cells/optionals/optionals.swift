// Optionals: if let, guard let, ??, optional chaining, map, force unwrap, printing.
let present: Int? = 3
let absent: Int? = nil
print(present as Any, absent as Any)      // expect: Optional(3) nil
print(present ?? 0, absent ?? 0)          // expect: 3 0
if let v = present { print("got \(v)") }  // expect: got 3
if let v = absent { print("got \(v)") } else { print("nothing") }  // expect: nothing
if let present { print("shorthand \(present)") }  // expect: shorthand 3
if let a = present, let b = Optional(4), a < b { print(a + b) }  // expect: 7
func firstWord(_ s: String) -> String? { s.split(separator: " ").first.map(String.init) }
print(firstWord("hello world")!)          // expect: hello
print(firstWord("") as Any)               // expect: nil
print(firstWord("abc")?.count as Any)     // expect: Optional(3)
print(firstWord("")?.count ?? -1)         // expect: -1
print(firstWord("ab cd")?.uppercased().count ?? 0)  // expect: 2
print(firstWord("")?.uppercased().description ?? "none")  // expect: none
struct Person { var name: String; var friend: [String]? }
let p = Person(name: "Ann", friend: ["Bo"])
print(p.friend?.first as Any)             // expect: Optional("Bo")
print(p.friend?.count ?? 0)               // expect: 1
print(p)                                  // expect: Person(name: "Ann", friend: Optional(["Bo"]))
var maybe: String? = "x"
maybe = nil
print(maybe == nil)                       // expect: true
let nested: Int?? = 5
print(nested as Any)                      // expect: Optional(Optional(5))
print(present.map { $0 * 2 } as Any)      // expect: Optional(6)
print(absent.flatMap { $0 > 1 ? $0 : nil } as Any)  // expect: nil
print([present, absent, 7].compactMap { $0 })  // expect: [3, 7]
print([present, absent])                  // expect: [Optional(3), nil]
func check(_ x: Int?) -> String {
    guard let x = x, x > 0 else { return "bad" }
    return "ok \(x)"
}
print(check(nil), check(-1), check(2))    // expect: bad bad ok 2
var dict = ["a": 1]
dict["a"]? += 10
dict["b"]? += 10
print(dict)                               // expect: ["a": 11]
let s: String? = "hi"
print("\(s ?? "none")!")                  // expect: hi!
while let next = dict.popFirst() { print(next.key, next.value) }  // expect: a 11
