import Foundation
import Testing

/// Hostile and careless notebooks (issue 18), through the real `nbrun`: each run has a sibling
/// notebook whose page and snapshot must come out intact beside the bad one.
@Suite(.serialized)
struct HostileNotebookTests {
    static let sibling = EndToEndTests.greeting

    /// The sibling's page and snapshot, as a run without the bad notebook writes them.
    func expectSiblingIntact(_ box: Sandbox, _ name: String = "sibling", sourceLocation: SourceLocation = #_sourceLocation) {
        let snap = box.read("output/\(name).snap") ?? ""
        #expect(snap.contains("=== greet (cell 1, id greet, line 6): passed\n--- output\n| hello\n| 1.0\n"), sourceLocation: sourceLocation)
        #expect(snap.contains("=== sum (cell 2, id sum, line 11): passed\n--- result\n| 6\n"), sourceLocation: sourceLocation)
        #expect(box.read("output/\(name).html")?.contains("</html>") == true, sourceLocation: sourceLocation)
    }

    func link(_ box: Sandbox, _ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: box.folder.appendingPathComponent(path).path, withDestinationPath: target)
    }

    // MARK: - The sandbox: data, images and notebooks alike

    @Test func imagesOutsideTheNotebooksFolderAreNeverEmbedded() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let secret = "SECRET-TOKEN-\(UUID().uuidString)"
        try box.write("secret.png", secret)
        try box.write("elsewhere/inside.png", secret)
        try box.write("course/ok.png", "PNG-OK")
        try box.write("course/sibling.md", Self.sibling)
        try box.write("course/lesson.md", """
            # Images

            ![ok](ok.png)

            ![up](../secret.png)

            ![absolute](\(box.folder.path)/secret.png)

            ![link](leak.png)

            ![environment](env.png)

            ![folder](pictures/inside.png)

            ![proc](/proc/self/environ.png)

            ```swift id=data
            print("ran")
            ```
            """)
        try link(box, "course/leak.png", to: box.folder.appendingPathComponent("secret.png").path)
        try link(box, "course/env.png", to: "/proc/self/environ")
        try link(box, "course/pictures", to: box.folder.appendingPathComponent("elsewhere").path)
        let run = try box.nbrun(["course"])
        #expect(run.status == 1, "\(run.all)")
        let page = try #require(box.read("output/lesson.html"))
        let encoded = Data(secret.utf8).base64EncodedString()
        #expect(!page.contains(encoded) && !page.contains(secret))
        #expect(page.contains(Data("PNG-OK".utf8).base64EncodedString()))
        #expect(page.components(separatedBy: "data:image/png;base64,").count == 2, "only ok.png is embedded")
        for (line, path) in [(5, "../secret.png"), (7, "\(box.folder.path)/secret.png"), (9, "leak.png"), (11, "env.png"),
                             (13, "pictures/inside.png"), (15, "/proc/self/environ.png")] {
            #expect(run.output.contains("course/lesson.md:\(line):1: error: image \(path) not embedded: it "), "\(path): \(run.all)")
        }
        #expect(run.output.contains("leads outside the folder") && run.output.contains("is an absolute path"))
        #expect(run.output.contains("2 page errors") || run.output.contains("6 page errors"))
        #expect(box.read("output/lesson.snap")?.contains("| ran") == true)
        expectSiblingIntact(box)
    }

    @Test func notebooksLinkedFromOutsideTheCourseAreRefused() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("outside.md", "```swift\nprint(\"outside\")\n```\n")
        try box.write("course/sibling.md", Self.sibling)
        try link(box, "course/lesson.md", to: "/proc/self/environ")
        let proc = try box.nbrun(["course"])
        #expect(proc.status == 2)
        #expect(proc.errors.contains("course/lesson.md leads outside the folder course (to /proc/"), "\(proc.all)")
        #expect(!box.exists("output/lesson.html") && !box.exists("output/index.html"))

        try FileManager.default.removeItem(at: box.folder.appendingPathComponent("course/lesson.md"))
        try link(box, "course/lesson.md", to: "../outside.md")
        let up = try box.nbrun(["course"])
        #expect(up.status == 2)
        #expect(up.errors.contains("course/lesson.md leads outside the folder course"), "\(up.all)")
        #expect(!box.files().contains { $0.hasPrefix("output/") })

        // A folder linked into the course from outside.
        try FileManager.default.removeItem(at: box.folder.appendingPathComponent("course/lesson.md"))
        try box.write("elsewhere/week.md", "```swift\nprint(1)\n```\n")
        try link(box, "course/week", to: box.folder.appendingPathComponent("elsewhere").path)
        let folder = try box.nbrun(["course"])
        if folder.status != 0 {  // the folder walk may or may not follow the link; if it does, it is refused
            #expect(folder.status == 2 && folder.errors.contains("leads outside the folder course"), "\(folder.all)")
        } else {
            #expect(!box.exists("output/week/week.html"))
            expectSiblingIntact(box)
        }
    }

    @Test func dataReadsObeyTheSameRule() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("secret.txt", "TOP-SECRET")
        try box.write("elsewhere/x.txt", "TOP-SECRET")
        try box.write("course/sibling.md", Self.sibling)
        try box.write("course/data/ok.txt", "fine")
        try link(box, "course/data/up", to: box.folder.appendingPathComponent("elsewhere").path)
        try link(box, "course/data/env.txt", to: "/proc/self/environ")
        try box.write("course/reads.md", """
            ```swift id=ok
            print(readText("data/ok.txt"))
            ```

            ```swift id=folder-link expect-error
            readText("data/up/x.txt")
            ```

            ```swift id=proc expect-error
            readText("data/env.txt")
            ```

            ```swift id=dots expect-error
            readText("data/../../secret.txt")
            ```

            ```swift id=absolute expect-error
            readText("/proc/self/environ")
            ```

            ```swift id=folder expect-error
            readText("data")
            ```
            """)
        let run = try box.nbrun(["course"])
        #expect(run.status == 0, "\(run.all)")
        let snap = try #require(box.read("output/reads.snap"))
        #expect(snap.contains("| fine"))
        #expect(!snap.contains("TOP-SECRET") && !snap.contains("PATH="))
        #expect(snap.components(separatedBy: "is outside the notebook's folder").count == 4, "\(snap)")
        #expect(snap.contains("is an absolute path") && snap.contains("\"data\" is not a regular file"))
        expectSiblingIntact(box)
    }
}

extension HostileNotebookTests {
    // MARK: - Nesting: no crash, nothing exponential

    @Test func deepNestingIsAnErrorAtItsLineAndNeverStopsTheRun() throws {
        let box = try Sandbox()
        defer { box.remove() }
        func nested(_ depth: Int) -> String { String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth) }
        try box.write("course/sibling.md", Self.sibling)
        try box.write("course/deep.md", """
            # Deep

            ```swift id=shown skip
            let x = \(nested(3000))
            ```

            ```swift id=interpolated skip
            let s = \(String(repeating: "\"\\(", count: 5000) + "1" + String(repeating: ")\"", count: 5000))
            ```

            ```swift id=exponential expect-error
            let y = \(nested(26))
            ```

            ```swift id=after
            print("after")
            ```
            """)
        let run = try box.nbrun(["-j", "2", "course"])
        #expect(run.status == 0, "\(run.all)")
        let snap = try #require(box.read("output/deep.snap"))
        #expect(snap.contains("=== exponential (cell 3, id exponential, line 11): expected-error\n--- error\n| deep.md:12:21: error: brackets '[' nested more than 12 deep in a row"), "\(snap)")
        #expect(snap.contains("=== after (cell 4, id after, line 15): passed\n--- output\n| after"))
        let page = try #require(box.read("output/deep.html"))
        #expect(page.contains(nested(3000)))
        expectSiblingIntact(box)
    }
}

extension HostileNotebookTests {
    // MARK: - Sanitizers

    /// `(a+)+b` on forty `a`s backtracks for longer than the universe's age; it stops at the
    /// sanitizers' time limit (0.3 s here, 10 s by default), naming the pattern at its line.
    @Test func aSanitizerThatBacktracksCatastrophicallyStopsAtItsTimeLimit() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("course/sibling.md", Self.sibling)
        try box.write("course/regex.md", """
            ---
            sanitize:
              - {regex: '\\d+ ms', replace: 'N ms'}
              - {regex: '(a+)+b', replace: 'x'}
            ---
            ```swift id=aaa
            print(String(repeating: "a", count: 40) + "c")
            ```
            """)
        let run = try box.nbrun(["-j", "2", "course"], environment: ["NBRUN_SANITIZE_TIME_LIMIT": "0.3"])
        #expect(run.status == 1, "\(run.all)")
        #expect(run.output.contains("course/regex.md:4:13: error: the sanitize pattern '(a+)+b' ran past the sanitizers' time limit (300 ms for the whole notebook) on the output of cell 1, id aaa, so no snapshot was made"), "\(run.all)")
        #expect(run.output.contains("rewrite it so that each character can match in only one way, or remove it"))
        #expect(!box.exists("output/regex.snap"))
        #expect(box.read("output/regex.html")?.contains("</html>") == true)
        expectSiblingIntact(box)
    }

    /// Sanitizers that finish replace as before, in order, with `$1` templates.
    @Test func sanitizersWithinTheLimitReplaceInOrder() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/s.md", """
            ---
            sanitize:
              - {regex: '(\\d+) ms', replace: '<$1> ms'}
              - {regex: '<\\d>', replace: 'N'}
            ---
            ```swift id=t
            print("took 7 ms, then 12 ms")
            ```
            """)
        let run = try box.nbrun(["nb/s.md"])
        #expect(run.status == 0, "\(run.all)")
        #expect(box.read("output/s.snap")?.contains("--- output\n| took N ms, then <12> ms\n") == true, "\(box.read("output/s.snap") ?? "")")
    }
}

extension HostileNotebookTests {
    // MARK: - Memory, orphans, partial files, big outputs, limits

    @Test func memoryPastTheLimitFailsOnlyItsNotebook() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("course/sibling.md", Self.sibling)
        try box.write("course/array.md", "```swift id=grow\nvar a = [1]\nwhile true { a += a }\n```\n")
        try box.write("course/text.md", "```swift id=grow\nvar s = \"ab\"\nwhile true { s += s }\n```\n")
        try box.write("course/map.md", "```swift id=grow\nlet xs = (0..<2_000_000_000).map { $0 }\n```\n")
        let run = try box.nbrun(["-j", "2", "--memory-limit", "256M", "course"])
        #expect(run.status == 1, "\(run.all)")
        // The error names the statement that was running (the loop, for array and text).
        for (name, line) in [("array", 3), ("text", 3), ("map", 2)] {
            #expect(run.output.contains("course/\(name).md:\(line):1: error: the notebook used more than 256.0 MiB of memory (--memory-limit)"), "\(name): \(run.all)")
        }
        expectSiblingIntact(box)
    }

    @Test func anArchiveIsCheckedBeforeItInflates() throws {
        let box = try Sandbox()
        defer { box.remove() }
        // A zip whose one deflated entry claims 1 GiB uncompressed (the bytes are never inflated).
        func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        let name = Array("x.npy".utf8), payload: [UInt8] = [0x03, 0x00], size = 1 << 30
        let local = le(0x0403_4B50, 4) + le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(0, 4) + le(payload.count, 4) + le(size, 4)
            + le(name.count, 2) + le(0, 2) + name + payload
        let central = le(0x0201_4B50, 4) + le(20, 2) + le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(0, 4) + le(payload.count, 4)
            + le(size, 4) + le(name.count, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4) + name
        let end = le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(1, 2) + le(1, 2) + le(central.count, 4) + le(local.count, 4) + le(0, 2)
        try FileManager.default.createDirectory(at: box.folder.appendingPathComponent("course/data"), withIntermediateDirectories: true)
        try Data(local + central + end).write(to: box.folder.appendingPathComponent("course/data/bomb.npz"))
        try box.write("course/sibling.md", Self.sibling)
        try box.write("course/bomb.md", "```swift id=bomb expect-error\nlet w = loadNumpyArchive(\"data/bomb.npz\")\n```\n")
        let run = try box.nbrun(["--memory-limit", "512M", "course"])
        #expect(run.status == 0, "\(run.all)")
        #expect(box.read("output/bomb.snap")?.contains("entry x.npy holds 1.0 GiB uncompressed, over the 0.5 GiB memory limit (--memory-limit)") == true,
                "\(box.read("output/bomb.snap") ?? "")")
        expectSiblingIntact(box)
    }

    /// The pids of live nbrun workers whose command line names `path`.
    func workers(running path: String) -> [String] {
        let procs = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return procs.filter { pid in
            guard pid.allSatisfy(\.isNumber), let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            let args = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return args.contains("--worker") && args.contains { $0.hasSuffix(path) }
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/cmdline")))
    func workersDieWithTheirParent() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let name = "orphan-\(UUID().uuidString.prefix(6)).md"
        try box.write("course/\(name)", "```swift id=spin timeout=60\nvar n = 0\nwhile true { n += 1 }\n```\n")
        let process = Process()
        process.executableURL = Sandbox.executable
        process.arguments = ["course"]
        process.currentDirectoryURL = box.folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var started = false
        for _ in 0..<100 where !started {
            Thread.sleep(forTimeInterval: 0.05)
            started = !workers(running: name).isEmpty
        }
        #expect(started)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        var gone = false
        for _ in 0..<40 where !gone {
            Thread.sleep(forTimeInterval: 0.05)
            gone = workers(running: name).isEmpty
        }
        #expect(gone, "a worker outlived nbrun: \(workers(running: name))")
    }

    @Test func aCellThatPrintsALotIsReadInLinearTime() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("course/sibling.md", Self.sibling)
        // 20 MB in one report line: read in quadratic time, it took ~70 s and was stopped as a hang.
        try box.write("course/loud.md", """
            ```swift id=loud timeout=20
            let line = String(repeating: "x", count: 99)
            for _ in 0..<200_000 { print(line) }
            ```
            """)
        let run = try box.nbrun(["course"], environment: ["NBRUN_WATCHDOG_GRACE": "2"])
        #expect(run.status == 0, "\(run.all)")
        #expect(box.read("output/loud.snap")?.contains("=== loud (cell 1, id loud, line 1): passed") == true)
        expectSiblingIntact(box)
    }

    @Test func anInterruptionLeavesNoTemporaryFileOfAnyKind() throws {
        for delay in [0.6, 1.0, 1.4] {
            let box = try Sandbox()
            defer { box.remove() }
            try box.write("course/a-loud.md", """
                ```swift id=loud
                let line = String(repeating: "x", count: 99)
                for _ in 0..<100_000 { print(line) }
                ```
                """)
            try box.write("course/b-spin.md", "```swift id=spin timeout=30\nvar n = 0\nwhile true { n += 1 }\n```\n")
            let run = try box.nbrun(["-j", "2", "course"], interruptAfter: delay)
            #expect(run.status == 130)
            #expect(run.errors.contains("nothing half-written remains"))
            // The results cache's folder keeps a .gitignore of its own; nothing else hidden may remain.
            let hidden = box.files().filter { ($0 as NSString).lastPathComponent.hasPrefix(".") && $0 != "output/.nbrun-cache/.gitignore" }
            #expect(hidden.isEmpty, "left behind after \(delay) s: \(hidden)")
        }
    }

    @Test func oversizedNotebooksAndOutOfRangeNumbersAreExitStatusTwo() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("big.md", "# Big\n\n" + String(repeating: "text ", count: 300_000))
        let big = try box.nbrun(["--max-notebook-size", "1M", "big.md"])
        #expect(big.status == 2)
        #expect(big.errors.contains("error: big.md is 1.4 MiB, over the 1.0 MiB limit for a notebook"), "\(big.all)")
        let raised = try box.nbrun(["--max-notebook-size", "2M", "big.md"])
        #expect(raised.status == 0, "\(raised.all)")

        try box.write("front.md", "---\ntimeout: 1e15\n---\n```swift\nprint(1)\n```\n")
        let front = try box.nbrun(["front.md"])
        #expect(front.status == 2)
        #expect(front.errors.contains("front.md:2:10: error: 'timeout' must be a number of seconds greater than 0 and at most 86400"), "\(front.all)")
        try box.write("cell.md", "```swift timeout=1e15\nprint(1)\n```\n")
        let cell = try box.nbrun(["cell.md"])
        #expect(cell.status == 2)
        #expect(cell.errors.contains("cell.md:1:"), "\(cell.all)")
        for (flag, value) in [("--memory-limit", "1e30"), ("--memory-limit", "1K"), ("--jobs", "100000"), ("--max-notebook-size", "0")] {
            let r = try box.nbrun([flag, value, "cell.md"])
            #expect(r.status == 2 && r.errors.contains(flag), "\(flag) \(value): \(r.all)")
        }
        #expect(!box.exists("output/cell.html") && !box.exists("output/front.html"))
    }
}

extension HostileNotebookTests {
    // MARK: - Terminal escapes

    @Test func controlCharactersAreShownEscapedInTheTerminalAndTheSnapshot() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("course/sibling.md", Self.sibling)
        try box.write("course/escape.md", """
            ---
            allow-errors: true
            ---
            ```swift id=loud
            print("title\\u{1B}]0;pwned\\u{07} clear\\u{1B}[2J")
            fatalError("bell\\u{07}")
            ```

            ```swift id=raw
            let s = "\u{1B}[2J"
            ```
            """)
        let run = try box.nbrun(["course"])
        #expect(run.status == 1)
        #expect(!run.all.contains("\u{1B}") && !run.all.contains("\u{07}"), "\(run.all.debugDescription)")
        #expect(run.output.contains("Fatal error: bell\\u{7}"), "\(run.all)")
        #expect(run.output.contains("let s = \"\\u{1B}[2J\""), "\(run.all)")
        let snap = try #require(box.read("output/escape.snap"))
        #expect(!snap.contains("\u{1B}") && !snap.contains("\u{07}"))
        #expect(snap.contains("| title\\u{1B}]0;pwned\\u{7} clear\\u{1B}[2J"), "\(snap)")
        expectSiblingIntact(box)
    }
}
