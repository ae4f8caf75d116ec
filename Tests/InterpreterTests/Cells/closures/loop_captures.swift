// Each loop iteration has its own loop variable and its own `var`s: closures made in a loop
// keep the values of their iteration.
var printers: [() -> Void] = []
for i in 0..<3 {
    printers.append { print("i =", i) }
}
printers.forEach { $0() }
// expect: i = 0
// expect: i = 1
// expect: i = 2
var counters: [() -> Int] = []
for step in [1, 10] {
    var total = 0
    counters.append {
        total += step
        return total
    }
}
print(counters[0](), counters[0](), counters[1](), counters[0]())  // expect: 1 2 10 3
var makers: [() -> String] = []
var n = 0
while n < 3 {
    let label = "n\(n)"
    var uses = 0
    makers.append {
        uses += 1
        return "\(label)#\(uses)"
    }
    n += 1
}
print(makers.map { $0() }, makers[2](), n)  // expect: ["n0#1", "n1#1", "n2#1"] n2#2 3
var shared = 0
let bumps = (0..<3).map { k in { shared += k } }
bumps.forEach { $0() }
print(shared)                                // expect: 3
for (index, word) in ["a", "b"].enumerated() {
    printers.append { print(index, word) }
}
printers[3]()                                // expect: 0 a
printers[4]()                                // expect: 1 b
func makeCounters(_ n: Int) -> [() -> Int] {
    var out: [() -> Int] = []
    var step = 100
    for i in 0..<n {
        var count = i
        out.append {
            count += step
            return count
        }
    }
    step = 1000
    return out
}
let made = makeCounters(2)
let other = makeCounters(3)
print(made[0](), made[1](), made[0](), other[2]())  // expect: 1000 1001 2000 1002
