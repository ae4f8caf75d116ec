// Value semantics in the places interpreters get wrong: loop variables, closures, nested storage.
struct Neuron { var weight: Double; var inputs: [Double] }
var layer = [Neuron(weight: 1, inputs: [1]), Neuron(weight: 2, inputs: [2])]
for var n in layer { n.weight = 0 }
print(layer.map { $0.weight })          // expect: [1.0, 2.0]
for i in layer.indices { layer[i].weight *= 10 }
print(layer.map { $0.weight })          // expect: [10.0, 20.0]
var first = layer[0]
first.inputs.append(5)
print(layer[0].inputs, first.inputs)    // expect: [1.0] [1.0, 5.0]
layer[1].inputs[0] = -2
print(layer[1])                         // expect: Neuron(weight: 20.0, inputs: [-2.0])
func zeroed(_ n: Neuron) -> Neuron { var m = n; m.weight = 0; return m }
print(zeroed(layer[0]).weight, layer[0].weight)  // expect: 0.0 10.0
var snapshot = layer[0]
let read = { snapshot.weight }
snapshot.weight = 99
print(read())                           // expect: 99.0
var table: [String: [Int]] = ["a": [1]]
table["a"]?.append(2)
table["b", default: []].append(3)
print(table["a"]!, table["b"]!)         // expect: [1, 2] [3]
func bump(_ x: inout Int) { x += 1 }
var counts = [0, 0]
bump(&counts[1])
bump(&counts[1])
print(counts)                           // expect: [0, 2]
struct Model { var layers: [Neuron] }
var m1 = Model(layers: layer)
let m2 = m1
m1.layers[0].weight = -1
print(m1.layers[0].weight, m2.layers[0].weight)  // expect: -1.0 10.0
struct Stack {
    var items: [Int] = []
    mutating func push(_ x: Int) { items.append(x) }
    mutating func pushTwice(_ x: Int) { push(x); push(x) }
}
var s = Stack()
s.pushTwice(7)
var t = s
t.push(8)
print(s.items, t.items)                 // expect: [7, 7] [7, 7, 8]
let x = 1
do {
    let x = 2
    print(x)                            // expect: 2
}
print(x)                                // expect: 1
print(Float(0.1) + Float(0.2), 0.1 + 0.2 == 0.3)  // expect: 0.3 false
