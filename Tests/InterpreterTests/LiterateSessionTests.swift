import Interpreter
import Reports
import Testing

/// Session behaviour that one cell file cannot state: randomness comes from the session's
/// generator, seeded from the notebook's seed, so the same seed prints the same numbers.
@Suite struct LiterateSessionTests {
    let draw = """
        let ints = (0..<8).map { _ in Int.random(in: 0..<1000) }
        let doubles = (0..<3).map { _ in Double.random(in: 0..<1) }
        print(ints, doubles, [1, 2, 3, 4, 5, 6].shuffled())
        """

    func printed(seed: UInt64) -> String {
        let session = Session(options: SessionOptions(seed: seed))
        let result = session.run(CellSource(code: draw, file: "random.md", line: 1))
        #expect(result.status == .succeeded, "\(result.errors.map(\.message))")
        return result.printedText
    }

    @Test func theSameSeedPrintsTheSameNumbers() {
        let first = printed(seed: 7)
        #expect(!first.isEmpty)
        #expect(printed(seed: 7) == first)
    }

    @Test func anotherSeedPrintsOtherNumbers() {
        #expect(printed(seed: 7) != printed(seed: 8))
    }

    @Test func drawsContinueAcrossCellsOfOneSession() {
        let session = Session(options: SessionOptions(seed: 3))
        let a = session.run(CellSource(code: "print(Int.random(in: 0..<1_000_000))", file: "r.md", line: 1))
        let b = session.run(CellSource(code: "print(Int.random(in: 0..<1_000_000))", file: "r.md", line: 3))
        let fresh = Session(options: SessionOptions(seed: 3))
        let c = fresh.run(CellSource(code: "print(Int.random(in: 0..<1_000_000))", file: "r.md", line: 1))
        #expect(a.status == .succeeded && b.status == .succeeded)
        #expect(a.printedText == c.printedText)
        #expect(a.printedText != b.printedText)
    }

    /// One seeded generator per notebook: Swift's randomness and random tensors share its stream,
    /// so a draw of one kind moves the other (and both are reproducible from the seed).
    @Test func swiftAndTensorRandomnessShareOneStream() {
        func tensorAfter(_ prefix: String) -> String {
            let session = Session(options: SessionOptions(seed: 5))
            _ = session.run(CellSource(code: prefix, file: "r.md", line: 1))
            return session.run(CellSource(code: "print(Tensor(randomUniform: [3]))", file: "r.md", line: 3)).printedText
        }
        let plain = tensorAfter("let a = 1")
        #expect(!plain.isEmpty)
        #expect(tensorAfter("let a = 1") == plain)
        #expect(tensorAfter("let n = Int.random(in: 0..<10)") != plain)
    }
}
