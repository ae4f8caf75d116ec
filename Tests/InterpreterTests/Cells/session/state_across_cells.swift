// Variables, functions and types declared in one cell are used and changed by later cells.
var history: [Int] = []
func record(_ n: Int) { history.append(n) }
struct Vocabulary {
    var words: [String: Int] = [:]
    mutating func add(_ w: String) { if words[w] == nil { words[w] = words.count } }
}
var vocab = Vocabulary()
// cell
record(1)
record(2)
vocab.add("the"); vocab.add("cat"); vocab.add("the")
print(history)                     // expect: [1, 2]
// cell
record(history.reduce(0, +))
print(history, vocab.words["cat"]!)  // expect: [1, 2, 3] 1
// cell
class Store { var items: [String] = [] }
let store = Store()
let alias = store
// cell
alias.items.append("shared")
print(store.items)                 // expect: ["shared"]
