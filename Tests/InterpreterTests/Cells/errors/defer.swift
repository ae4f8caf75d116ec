// defer runs when its scope ends, in reverse order, also on throw and early return.
func work(_ fail: Bool) throws -> String {
    print("start")
    defer { print("cleanup 1") }
    defer { print("cleanup 2") }
    if fail { throw CancellationLike.cancelled }
    print("body")
    return "done"
}
enum CancellationLike: Error { case cancelled }
print(try work(false))
// expect: start
// expect: body
// expect: cleanup 2
// expect: cleanup 1
// expect: done
do { _ = try work(true) } catch { print("caught \(error)") }
// expect: start
// expect: cleanup 2
// expect: cleanup 1
// expect: caught cancelled
func early(_ x: Int) -> Int {
    defer { print("leaving with x=\(x)") }
    if x > 0 { return x }
    return -x
}
print(early(-4))
// expect: leaving with x=-4
// expect: 4
for i in 1...2 {
    defer { print("end of iteration \(i)") }
    print("iteration \(i)")
}
// expect: iteration 1
// expect: end of iteration 1
// expect: iteration 2
// expect: end of iteration 2
var log: [String] = []
func counter() -> Int {
    var n = 0
    defer { n += 10; log.append("deferred n=\(n)") }
    n = 1
    return n
}
print(counter(), log)  // expect: 1 ["deferred n=11"]
