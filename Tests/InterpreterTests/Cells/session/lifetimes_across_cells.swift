// Lifetimes across cells: an instance made in one cell is released (and its deinit runs) in the
// cell whose statement lets go of it; a weak reference sees it go.
class Token {
    let id: Int
    init(_ id: Int) { self.id = id }
    deinit { print("token \(id) released") }
}
var held: Token? = Token(1)
weak var watcher = held
// cell
print(watcher?.id ?? 0)                  // expect: 1
held = nil                               // expect: token 1 released
print(watcher == nil)                    // expect: true
// cell
func churn() {
    for i in 2...3 { _ = Token(i) }
    print("churned")
}
churn()
// expect: token 2 released
// expect: token 3 released
// expect: churned
var tokens = [Token(4), Token(5)]
// cell
tokens.removeAll()
// expect: token 4 released
// expect: token 5 released
print("done")                            // expect: done
