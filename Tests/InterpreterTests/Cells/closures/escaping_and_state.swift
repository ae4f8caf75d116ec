// Closures stored in properties and collections, capturing self and each other.
final class Trainer {
    var epoch = 0
    var callbacks: [(Int) -> Void] = []
    func onEpoch(_ f: @escaping (Int) -> Void) { callbacks.append(f) }
    func run(_ n: Int) {
        for _ in 0..<n {
            epoch += 1
            callbacks.forEach { $0(epoch) }
        }
    }
}
let trainer = Trainer()
var seen: [Int] = []
trainer.onEpoch { seen.append($0) }
trainer.onEpoch { e in if e == 2 { print("halfway") } }
trainer.run(3)                          // expect: halfway
print(seen, trainer.epoch)              // expect: [1, 2, 3] 3
struct Schedule {
    let rate: (Int) -> Double
    func callAsFunction(_ step: Int) -> Double { rate(step) }
}
let decay = Schedule { 0.1 / Double($0 + 1) }
print((0..<3).map { decay($0) })        // expect: [0.1, 0.05, 0.03333333333333333]
func memoize(_ f: @escaping (Int) -> Int) -> (Int) -> Int {
    var cache: [Int: Int] = [:]
    var misses = 0
    return { n in
        if let v = cache[n] { return v }
        misses += 1
        let v = f(n)
        cache[n] = v
        print("miss \(misses)")
        return v
    }
}
let square = memoize { $0 * $0 }
print(square(4), square(4), square(5))
// expect: miss 1
// expect: miss 2
// expect: 16 16 25
var counter = 0
let increments = (0..<3).map { _ in { counter += 1 } }
increments.forEach { $0() }
print(counter)                          // expect: 3
let adders = [1, 10, 100].map { k in { (x: Int) in x + k } }
print(adders.map { $0(1) })             // expect: [2, 11, 101]
func compose(_ fs: [(Double) -> Double]) -> (Double) -> Double {
    fs.reduce({ $0 }) { acc, f in { f(acc($0)) } }
}
print(compose([{ $0 + 1 }, { $0 * 3 }, { $0 - 2 }])(1))  // expect: 4.0
