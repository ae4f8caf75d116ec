// String interpolation of every kind of value.
let name = "Ada", age = 36
print("\(name) is \(age)")               // expect: Ada is 36
print("sum: \(1 + 2), ratio: \(1.0 / 4)")  // expect: sum: 3, ratio: 0.25
print("list: \([1, 2]) tuple: \((1, "a"))")  // expect: list: [1, 2] tuple: (1, "a")
let maybe: Int? = 5
print("maybe: \(maybe as Any)")          // expect: maybe: Optional(5)
print("nested: \("inner \(age)")")       // expect: nested: inner 36
print("flag \(age > 30 ? "old" : "young")")  // expect: flag old
print("escapes: tab\there \"quoted\" back\\slash")  // expect: escapes: tab	here "quoted" back\slash
print("unicode: \u{1F600} caf\u{E9}")    // expect: unicode: 😀 café
