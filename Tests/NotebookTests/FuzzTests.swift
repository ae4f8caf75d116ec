import Testing
import Reports
@testable import Notebook

/// Thousands of random and mutated notebooks parse without a crash, and every problem found is a
/// diagnostic with a position in the file.
struct FuzzTests {
    static let seedNotebook = """
        ---
        title: Fuzz
        seed: 3
        tolerance: {rtol: 1e-5}
        ---
        # Heading $x^2$

        Prose with *emphasis*, `code $a$`, and $$\\sum_i x_i$$ math.

        ```swift id=one timeout=3
        let a = 1
        print(a)
        ```

        ```python
        x = 1
        ```

        > quote with $y$

        ```swift hide-source expect-error
        fatalError()
        ```
        """

    @Test func mutatedNotebooksNeverCrash() {
        var rng = SplitMix(seed: 11)
        let alphabet: [UInt8] = Array("`$\\-~#*_[]()<>\n\r :=\t{}ab1".utf8) + [0xFF, 0xC3, 0xA9, 0x00, 0xEF, 0xBB, 0xBF]
        let original = Array(Self.seedNotebook.utf8)
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<(1 + rng.next(upTo: 6)) {
                let i = rng.next(upTo: bytes.count + 1)
                switch rng.next(upTo: 3) {
                case 0: bytes.insert(alphabet[rng.next(upTo: alphabet.count)], at: i)
                case 1: if i < bytes.count { bytes.remove(at: i) }
                default: if i < bytes.count { bytes[i] = alphabet[rng.next(upTo: alphabet.count)] }
                }
            }
            check(NotebookParser.parse(bytes: bytes, path: "fuzz.md"))
        }
    }

    @Test func randomNotebooksNeverCrash() {
        var rng = SplitMix(seed: 5)
        let tokens = ["---\n", "```swift", "```", "~~~", " id=x", " skip", " bogus", "$", "$$", "`", "\\", "\n", "\n\n",
                      "title: t\n", "seed: x\n", "# h", "- ", "> ", "    ", "text", "é", "\r\n"]
        for _ in 0..<3000 {
            let text = (0..<rng.next(upTo: 40)).map { _ in tokens[rng.next(upTo: tokens.count)] }.joined()
            check(NotebookParser.parse(bytes: Array(text.utf8), path: "fuzz.md"))
        }
    }

    private func check(_ out: NotebookParser.Output) {
        if out.notebook == nil { #expect(!out.errors.isEmpty) }
        for d in out.diagnostics {
            #expect(d.location?.file == "fuzz.md" && (d.location?.line ?? 0) >= 1 && !d.message.isEmpty)
        }
        if let nb = out.notebook {
            for cell in nb.cells { #expect(cell.codeLocation.line > cell.fenceLine) }
        }
    }
}
