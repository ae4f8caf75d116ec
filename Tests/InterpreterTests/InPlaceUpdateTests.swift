import Reports
import Testing
@testable import Interpreter

/// Elements changed in place are moved out of their variable while they change: a failing change
/// (an overflow, a bad index) must leave the variable whole for the next cells.
@Suite struct InPlaceUpdateTests {
    func run(_ session: Session, _ code: String) -> CellResult {
        session.run(CellSource(code: code, file: "nb.md", line: 1))
    }

    @Test func aFailedDictionaryUpdateKeepsTheDictionary() {
        let session = Session(options: SessionOptions())
        #expect(run(session, "var counts: [String: Int] = [\"a\": Int.max, \"b\": 1]").status == .succeeded)
        let failed = run(session, "counts[\"a\", default: 0] += 1")
        #expect(failed.errors.first?.message == "arithmetic overflow")
        let after = run(session, "[counts[\"a\"]! == Int.max, counts[\"b\"]! == 1, counts.count == 2]")
        #expect(after.result?.plainText == "[true, true, true]")
    }

    @Test func aFailedArrayUpdateKeepsTheArray() {
        let session = Session(options: SessionOptions())
        #expect(run(session, "var xs = [1, 2, 3]").status == .succeeded)
        #expect(run(session, "xs[3] += 1").errors.first?.message == "Index out of range")
        #expect(run(session, "xs[0] += 10\nxs").result?.plainText == "[11, 2, 3]")
    }

    @Test func aFailedCallKeepsRecyclingFrames() {
        let session = Session(options: SessionOptions())
        #expect(run(session, "func f(_ n: Int) -> Int { n == 0 ? 0 : 1 + f(n - 1) }").status == .succeeded)
        #expect(run(session, "f(20_000)").errors.first?.message == "stack overflow after 10000 calls")
        #expect(run(session, "f(50) + f(3)").result?.plainText == "53")
    }
}
