// Classes are references: every alias sees a change; === compares identity.
class Box {
    var value: Int
    init(_ value: Int) { self.value = value }
    func bump() { value += 1 }
}
let a = Box(1)
let b = a
b.value = 5
a.bump()
print(a.value, b.value)          // expect: 6 6
print(a === b, a === Box(6))     // expect: true false
func reset(_ box: Box) { box.value = 0 }
reset(a)
print(b.value)                   // expect: 0
let boxes = [Box(1), Box(2)]
let copy = boxes
copy[0].value = 100
print(boxes[0].value)            // expect: 100
struct Holder { var box: Box }
let h1 = Holder(box: Box(3))
let h2 = h1
h2.box.value = 9
print(h1.box.value)              // expect: 9
final class Node {
    let name: String
    var children: [Node] = []
    init(name: String) { self.name = name }
    func count() -> Int { 1 + children.map { $0.count() }.reduce(0, +) }
}
let root = Node(name: "root")
let child = Node(name: "child")
root.children.append(child)
child.children.append(Node(name: "leaf"))
print(root.count())              // expect: 3
