// Audit of everyday Swift: The Swift Programming Language, "Generics" (its examples and
// a few more). The expectations below are what `swiftc -O` printed, in order.
func swapTwoValues<T>(_ a: inout T, _ b: inout T) { let temporaryA = a; a = b; b = temporaryA }
var someInt = 3, anotherInt = 107
swapTwoValues(&someInt, &anotherInt)
var someString = "hello", anotherString = "world"
swapTwoValues(&someString, &anotherString)
print(someInt, anotherInt, someString, anotherString)
struct Stack<Element> {
    var items: [Element] = []
    mutating func push(_ item: Element) { items.append(item) }
    mutating func pop() -> Element { items.removeLast() }
}
var stackOfStrings = Stack<String>()
stackOfStrings.push("uno"); stackOfStrings.push("dos"); stackOfStrings.push("tres"); stackOfStrings.push("cuatro")
let fromTheTop = stackOfStrings.pop()
print(fromTheTop, stackOfStrings)
extension Stack { var topItem: Element? { items.isEmpty ? nil : items[items.count - 1] } }
if let topItem = stackOfStrings.topItem { print("The top item on the stack is \(topItem).") }
func findIndex<T: Equatable>(of valueToFind: T, in array: [T]) -> Int? {
    for (index, value) in array.enumerated() { if value == valueToFind { return index } }
    return nil
}
let doubleIndex = findIndex(of: 9.3, in: [3.14159, 0.1, 0.25])
let stringIndex = findIndex(of: "Andrea", in: ["Mike", "Malcolm", "Andrea"])
print(doubleIndex as Any, stringIndex as Any)
protocol Container {
    associatedtype Item
    mutating func append(_ item: Item)
    var count: Int { get }
    subscript(i: Int) -> Item { get }
}
struct IntStack: Container {
    var items: [Int] = []
    mutating func push(_ item: Int) { items.append(item) }
    mutating func append(_ item: Int) { push(item) }
    var count: Int { items.count }
    subscript(i: Int) -> Int { items[i] }
}
var ints = IntStack()
ints.append(3); ints.append(5)
print(ints.count, ints[1])
func allItemsMatch<C1: Container, C2: Container>(_ someContainer: C1, _ anotherContainer: C2) -> Bool where C1.Item == C2.Item, C1.Item: Equatable {
    if someContainer.count != anotherContainer.count { return false }
    for i in 0..<someContainer.count { if someContainer[i] != anotherContainer[i] { return false } }
    return true
}
var other = IntStack(); other.append(3); other.append(5)
print(allItemsMatch(ints, other))
extension Stack where Element: Equatable {
    func isTop(_ item: Element) -> Bool { guard let topItem = items.last else { return false }; return topItem == item }
}
print(stackOfStrings.isTop("tres"), stackOfStrings.isTop("uno"))
func largest<T: Comparable>(_ xs: [T]) -> T? { xs.max() }
print(largest([3, 7, 1]) as Any, largest(["b", "a"]) as Any)
struct Pair<A, B> { var first: A; var second: B }
let p = Pair(first: 1, second: "one")
print(p, p.first, p.second)
func describe<T>(_ x: T) -> String { "value: \(x)" }
print(describe(3), describe([1, 2]), describe(Optional(2.5) as Any))
// expect: 107 3 world hello
// expect: cuatro Stack<String>(items: ["uno", "dos", "tres"])
// expect: The top item on the stack is tres.
// expect: nil Optional(2)
// expect: 2 5
// expect: true
// expect: true false
// expect: Optional(7) Optional("b")
// expect: Pair<Int, String>(first: 1, second: "one") 1 one
// expect: value: 3 value: [1, 2] value: Optional(2.5)
