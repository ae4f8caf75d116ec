import Foundation
import Testing

/// `--watch` through the command (cli.md, "Watch mode"): the session stays alive with a checkpoint
/// before every cell, and an edit re-runs from the first changed cell.
@Suite(.serialized)
struct WatchModeTests {
    /// Six cells; the third takes a few seconds. Cells 2 and 3 change `count`, which cell 5
    /// prints: resumed before cell 5, it must see the state those cells left.
    static func notebook(five: String = "print(\"five\", count)", one: String = "var count = 0") -> String {
        """
        # Watch

        ```swift id=one
        \(one)
        let x = Tensor(randomUniform: [2, 2])
        ```

        ```swift id=two
        count += 1
        print("two", count)
        ```

        ```swift id=slow timeout=120
        var n = 0
        while n < 12_000_000 { n += 1 }
        count += 10
        print("slow", count)
        ```

        ```swift id=four
        let y = matmul(x, x)
        print("four", y.shape)
        ```

        ```swift id=five
        \(five)
        ```

        ```swift id=six
        print("six", x)
        ```
        """
    }

    /// A running `nbrun`, its standard output gathered as it comes.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var text = ""

        init(_ box: Sandbox, _ arguments: [String]) throws {
            process.executableURL = Sandbox.executable
            process.arguments = arguments + ["--color", "never"]
            process.currentDirectoryURL = box.folder
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            try process.run()
            Thread.detachNewThread { [self] in
                while case let chunk = out.fileHandleForReading.availableData, !chunk.isEmpty {
                    lock.withLock { text += String(decoding: chunk, as: UTF8.self) }
                }
            }
        }

        var output: String { lock.withLock { text } }

        /// Waits until the output has `count` occurrences of `needle` (false after a minute).
        func wait(for needle: String, count: Int = 1) -> Bool {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if output.components(separatedBy: needle).count - 1 >= count { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return false
        }

        func stop() {
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
        }
    }

    /// A watch worker that dies in a cell (here: out of memory) reports it as the normal path
    /// does: the cell keeps what it printed, and the error is at the statement that was running.
    @Test func aWatchWorkerThatDiesKeepsTheCellsPrintedText() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/c.md", """
            # Crash

            ```swift id=grow
            print("before the crash")
            var a = [1]
            while true { a += a }
            ```
            """)
        let watch = try Running(box, ["--memory-limit", "256M", "--watch", "nb/c.md"])
        defer { watch.stop() }
        #expect(watch.wait(for: "watching nb/c.md for changes"), "\(watch.output)")
        #expect(watch.output.contains("nb/c.md:6:1: error: nbrun's watch worker running this notebook stopped while running this cell"),
                "\(watch.output)")
        let page = try #require(box.read("output/c.html"))
        #expect(page.contains("before the crash"), "\(page)")
    }

    @Test func anEditResumesFromTheFirstChangedCellWithTheSessionsState() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/w.md", Self.notebook())
        let watch = try Running(box, ["-v", "--watch", "nb/w.md"])
        defer { watch.stop() }
        #expect(watch.wait(for: "watching nb/w.md for changes"), "\(watch.output)")
        #expect(watch.output.contains("6 cells  6 passed  ran in"), "\(watch.output)")

        // The fifth cell: only it and the sixth run, from the checkpoint before it.
        try box.write("nb/w.md", Self.notebook(five: "print(\"five, edited\", count)"))
        #expect(watch.wait(for: "watching for changes"), "\(watch.output)")
        #expect(watch.output.contains("ran cells 5-6 in") && watch.output.contains("(cells 1-4 kept from the session)"), "\(watch.output)")
        #expect(box.read("output/w.snap.new")?.contains("| five, edited 11\n") == true, "\(box.read("output/w.snap.new") ?? "")")

        // Prose only: the page is made again, nothing runs.
        try box.write("nb/w.md", Self.notebook(five: "print(\"five, edited\", count)").replacingOccurrences(of: "# Watch", with: "# Watch, retitled"))
        #expect(watch.wait(for: "watching for changes", count: 2), "\(watch.output)")
        #expect(watch.output.contains("re-rendered (no code changed)"), "\(watch.output)")
        #expect(box.read("output/w.html")?.contains("Watch, retitled") == true)

        // The first cell: everything runs again. While the slow cell runs, the page shows the
        // cells so far and refreshes itself.
        try box.write("nb/w.md", Self.notebook(five: "print(\"five, edited\", count)", one: "var count = 100")
            .replacingOccurrences(of: "# Watch", with: "# Watch, retitled"))
        var sawLivePage = false
        let deadline = Date().addingTimeInterval(60)
        while !sawLivePage, Date() < deadline {
            if let page = box.read("output/w.html"), page.contains("http-equiv=\"refresh\""), page.contains("Running cell 3 of 6") {
                sawLivePage = page.contains("two 101")
            }
            if watch.output.components(separatedBy: "watching for changes").count - 1 >= 3 { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(sawLivePage)
        #expect(watch.wait(for: "watching for changes", count: 3), "\(watch.output)")
        let rounds = watch.output.components(separatedBy: "watching for changes")
        let last = rounds.last(where: { $0.contains("nb/w.md ") }) ?? ""
        #expect(last.contains("6 passed") && last.contains("changed  ran in") && !last.contains("kept"), "\(watch.output)")
        #expect(box.read("output/w.html")?.contains("http-equiv=\"refresh\"") == false)
        let watched = try #require(box.read("output/w.snap.new"))
        #expect(watched.contains("| five, edited 111\n"), "\(watched)")

        // The same as a fresh run of the edited notebook.
        let fresh = try box.nbrun(["--rerun", "-o", "fresh", "nb/w.md"])
        #expect(fresh.status == 0, "\(fresh.all)")
        #expect(box.read("fresh/w.snap") == watched)
    }

    @Test func checkpointsStayWithinTheirMemoryDroppingTheOldest() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let cells = (1...4).map { "```swift id=c\($0)\nlet t\($0) = Tensor(randomUniform: [256, 256])\nprint(\"c\($0)\", t\($0).shape)\n```\n" }
        try box.write("nb/m.md", cells.joined(separator: "\n"))
        let watch = try Running(box, ["-v", "--watch", "--checkpoint-memory", "64K", "nb/m.md"])
        defer { watch.stop() }
        #expect(watch.wait(for: "watching nb/m.md for changes"), "\(watch.output)")
        #expect(watch.output.contains("nb/m.md: dropped the checkpoint before cell 2: checkpoints held"), "\(watch.output)")
        // An edit after the dropped checkpoints still gives the right results.
        try box.write("nb/m.md", cells.joined(separator: "\n").replacingOccurrences(of: "print(\"c4\"", with: "print(\"c4 edited\""))
        #expect(watch.wait(for: "watching for changes"), "\(watch.output)")
        #expect(box.read("output/m.snap.new")?.contains("| c4 edited (256, 256)") == true, "\(watch.output)")
    }
}
