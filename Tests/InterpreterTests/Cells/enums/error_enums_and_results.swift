// Enums as error types and results, with associated values, raw values and methods.
enum TrainingError: Error, Equatable {
    case divergence(loss: Double)
    case shapeMismatch(expected: Int, got: Int)
    case stopped
}
func step(_ loss: Double) throws -> Double {
    if loss.isNaN || loss > 1e6 { throw TrainingError.divergence(loss: loss) }
    return loss * 0.5
}
var loss = 8.0
do {
    while true {
        loss = try step(loss)
        if loss < 1 { throw TrainingError.stopped }
    }
} catch TrainingError.stopped {
    print("stopped at \(loss)")         // expect: stopped at 0.5
}
do { _ = try step(2e6) } catch { print(error) }  // expect: divergence(loss: 2000000.0)
print(TrainingError.shapeMismatch(expected: 3, got: 4))  // expect: shapeMismatch(expected: 3, got: 4)
print(TrainingError.stopped == .stopped, TrainingError.stopped == .divergence(loss: 1))  // expect: true false
enum Outcome {
    case success(Double)
    case failure(String)
    var isSuccess: Bool { if case .success = self { return true } else { return false } }
}
func evaluate(_ x: Double) -> Outcome { x >= 0 ? .success(x.squareRoot()) : .failure("negative: \(x)") }
let outcomes = [4.0, -1.0].map(evaluate)
for o in outcomes {
    switch o {
    case .success(let v): print("ok", v)
    case .failure(let why): print("failed", why)
    }
}
// expect: ok 2.0
// expect: failed negative: -1.0
print(outcomes.map { $0.isSuccess })    // expect: [true, false]
enum Level: Int, Comparable {
    case low = 1, mid, high
    static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
}
print(Level.high > Level.low, [Level.high, .low, .mid].sorted().map { $0.rawValue })  // expect: true [1, 2, 3]
