// `weak` and `unowned` references do not keep an instance alive: a weak one becomes nil when the
// last strong reference goes away (a variable set to nil, a block or function ending).
class Person {
    let name: String
    weak var friend: Person?
    init(_ name: String) { self.name = name }
}
var alice: Person? = Person("Alice")
weak var w = alice
print(w?.name ?? "nil")                  // expect: Alice
alice = nil
print(w?.name ?? "nil")                  // expect: nil
print(w == nil)                          // expect: true
var bob: Person? = Person("Bob")
var carol: Person? = Person("Carol")
bob!.friend = carol
carol!.friend = bob
print(bob!.friend!.name, carol!.friend!.name) // expect: Carol Bob
carol = nil
print(bob!.friend == nil)                // expect: true
func lifetime() {
    var strong: Person? = Person("Dana")
    weak var weakRef = strong
    print(weakRef?.name ?? "nil")
    strong = nil
    print(weakRef?.name ?? "nil")
}
lifetime()
// expect: Dana
// expect: nil
weak var fromBlock: Person?
do {
    let eve = Person("Eve")
    fromBlock = eve
    print(fromBlock?.name ?? "nil")      // expect: Eve
}
print(fromBlock?.name ?? "nil")          // expect: nil
class TreeNode {
    let value: Int
    weak var parent: TreeNode?
    var children: [TreeNode] = []
    init(_ value: Int) { self.value = value }
    func add(_ child: TreeNode) { children.append(child); child.parent = self }
}
var root: TreeNode? = TreeNode(1)
let leaf = TreeNode(2)
root!.add(leaf)
print(leaf.parent?.value ?? -1)          // expect: 1
root = nil
print(leaf.parent?.value ?? -1)          // expect: -1
class Counter {
    var count = 0
    var onTick: (() -> Void)?
    init() { onTick = { [weak self] in self?.count += 1 } }
}
var counter: Counter? = Counter()
weak var watch = counter
counter!.onTick!()
counter!.onTick!()
print(counter!.count)                    // expect: 2
counter = nil
print(watch == nil)                      // expect: true
class Leaky {
    var f: (() -> Void)?
    init() { f = { print(self.f == nil) } }
}
var leaky: Leaky? = Leaky()
weak var watchLeaky = leaky
leaky = nil
print(watchLeaky == nil)                 // expect: false
class Customer {
    let name: String
    var card: Card?
    init(_ name: String) { self.name = name }
}
class Card {
    unowned let owner: Customer
    init(owner: Customer) { self.owner = owner }
}
var john: Customer? = Customer("John")
john!.card = Card(owner: john!)
print(john!.card!.owner.name)            // expect: John
weak var watchJohn = john
john = nil
print(watchJohn == nil)                  // expect: true
var frank: Person? = Person("Frank")
let greet = { [weak frank] in print(frank?.name ?? "gone") }
greet()                                  // expect: Frank
frank = nil
greet()                                  // expect: gone
if let f = w { print(f.name) } else { print("w is nil") } // expect: w is nil
weak let fixed = bob
print(fixed?.name ?? "nil")              // expect: Bob
