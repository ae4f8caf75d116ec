// Observers on top-level variables run on every later change, also from functions, closures
// and later cells; a change made inside its own didSet does not run them again.
var total = 0 {
    willSet { print("will", total, "->", newValue) }
    didSet { print("total \(oldValue) -> \(total)"); if total > 100 { total = 100 } }
}
total = 3
// expect: will 0 -> 3
// expect: total 0 -> 3
total += 2
// expect: will 3 -> 5
// expect: total 3 -> 5
total = 500
// expect: will 5 -> 500
// expect: total 5 -> 500
print(total)
// expect: 100
var log: [String] = [] { didSet { print("log has", log.count) } }
log.append("a")
// expect: log has 1
log += ["b", "c"]
// expect: log has 3
func bump() { total -= 1 }
bump()
// expect: will 100 -> 99
// expect: total 100 -> 99
let add = { total = 7 }
add()
// expect: will 99 -> 7
// expect: total 99 -> 7

// cell
total = 8
// expect: will 7 -> 8
// expect: total 7 -> 8
