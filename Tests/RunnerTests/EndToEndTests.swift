import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Runner

/// The runner as CI and authors use it: the real `nbrun` binary on small notebooks
/// (cli.md: Snapshots, Exit status, Robustness). Serialized: each test starts worker processes.
@Suite(.serialized)
struct EndToEndTests {
    static let greeting = """
        ---
        title: Greeting
        ---
        # Greeting

        ```swift id=greet
        print("hello")
        print(1.0)
        ```

        ```swift id=sum
        let numbers = [1, 2, 3]
        numbers.reduce(0) { $0 + $1 }
        ```
        """

    @Test func firstRunWritesTheSnapshotAndAnUnchangedRerunPasses() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/greeting.md", Self.greeting)
        let first = try box.nbrun(["nb/greeting.md"])
        #expect(first.status == 0, "\(first.all)")
        #expect(first.output.contains("snapshot written: output/greeting.snap"))
        let snapshot = try #require(box.read("output/greeting.snap"))
        #expect(snapshot.contains("=== greet (cell 1, id greet, line 6): passed\n--- output\n| hello\n| 1.0\n"))
        #expect(snapshot.contains("=== sum (cell 2, id sum, line 11): passed\n--- result\n| 6\n"))
        #expect(box.exists("output/greeting.html"))

        let second = try box.nbrun(["nb/greeting.md"])
        #expect(second.status == 0, "\(second.all)")
        #expect(!second.output.contains("snapshot written"))
        #expect(box.read("output/greeting.snap") == snapshot)
        #expect(!box.exists("output/greeting.snap.new"))
    }

    @Test func changedPrintFailsWithTheDiffAtTheNotebookPosition() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/greeting.md", Self.greeting)
        try box.nbrun(["nb/greeting.md"])
        try box.write("nb/greeting.md", Self.greeting.replacingOccurrences(of: "print(\"hello\")", with: "print(\"hello, world\")"))
        let run = try box.nbrun(["nb/greeting.md"])
        #expect(run.status == 1)
        #expect(run.output.contains("nb/greeting.md:6 (cell 1, id greet): snapshot differs"), "\(run.all)")
        #expect(run.output.contains("-| hello\n+| hello, world\n"))
        #expect(run.output.contains("1 changed"))
        #expect(box.read("output/greeting.snap.new")?.contains("| hello, world") == true)
        #expect(box.read("output/greeting.snap")?.contains("| hello, world") == false)

        // -u accepts the new outputs; the next run passes and the review file is gone.
        let update = try box.nbrun(["-u", "nb/greeting.md"])
        #expect(update.status == 0, "\(update.all)")
        #expect(box.read("output/greeting.snap")?.contains("| hello, world") == true)
        #expect(!box.exists("output/greeting.snap.new"))
        #expect(try box.nbrun(["nb/greeting.md"]).status == 0)
    }

    @Test func numbersCompareWithTolerance() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/greeting.md", Self.greeting)
        try box.nbrun(["nb/greeting.md"])
        try box.write("nb/greeting.md", Self.greeting.replacingOccurrences(of: "print(1.0)", with: "print(1.000001)"))
        let within = try box.nbrun(["nb/greeting.md"])
        #expect(within.status == 0, "\(within.all)")
        try box.write("nb/greeting.md", Self.greeting.replacingOccurrences(of: "print(1.0)", with: "print(1.001)"))
        let outside = try box.nbrun(["nb/greeting.md"])
        #expect(outside.status == 1)
        #expect(outside.output.contains("-| 1.0\n+| 1.001"), "\(outside.all)")
        // A cell's own tolerance wins over the notebook's.
        try box.write("nb/greeting.md", Self.greeting.replacingOccurrences(of: "print(1.0)", with: "print(1.001)")
            .replacingOccurrences(of: "id=greet", with: "id=greet rtol=0.01"))
        #expect(try box.nbrun(["nb/greeting.md"]).status == 0)
    }

    @Test func ciNeverWrites() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/greeting.md", Self.greeting)
        let missing = try box.nbrun(["--ci", "nb/greeting.md"])
        #expect(missing.status == 1)
        #expect(missing.output.contains("output/greeting.snap does not exist; run nbrun without --ci and commit it"), "\(missing.all)")
        #expect(!box.exists("output/greeting.snap"))
        try box.nbrun(["nb/greeting.md"])
        try box.write("nb/greeting.md", Self.greeting.replacingOccurrences(of: "hello", with: "bye"))
        let changed = try box.nbrun(["--ci", "nb/greeting.md"])
        #expect(changed.status == 1)
        #expect(!box.exists("output/greeting.snap.new"))
        #expect(box.read("output/greeting.snap")?.contains("| hello") == true)
    }

    @Test func aTrapOrAHangFailsOnlyItsCellAndItsNotebook() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("course/a-good.md", Self.greeting)
        try box.write("course/b-trap.md", """
            ```swift id=before
            print("before")
            ```

            ```swift id=trap
            let xs = [1, 2, 3]
            print(xs[5])
            ```

            ```swift id=after
            print("after")
            ```
            """)
        try box.write("course/c-loop.md", """
            ```swift id=loop timeout=1
            var n = 0
            while true { n += 1 }
            ```
            """)
        let run = try box.nbrun(["-j", "2", "course"])
        #expect(run.status == 1)
        #expect(run.output.contains("course/b-trap.md:7:7: error: Index out of range"), "\(run.all)")
        #expect(run.output.contains("Index out of range"))
        #expect(run.output.contains("course/b-trap.md") && run.output.contains("1 passed  1 failed  1 not run"))
        #expect(run.output.contains("course/a-good.md") && run.output.contains("2 cells  2 passed"))
        #expect(run.output.contains("course/c-loop.md              1 cell  0 passed  1 failed"))
        let page = try #require(box.read("output/b-trap.html"))
        #expect(page.contains("before"))
        let snap = try #require(box.read("output/c-loop.snap"))
        #expect(snap.contains("=== loop (cell 1, id loop, line 1): timed-out"))
        #expect(box.exists("output/index.html"))
    }

    @Test func courseFoldersKeepTheirSubFoldersAndLinkPages() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("course/week1/a.md", "# A\n\n```swift\nprint(1)\n```\n")
        try box.write("course/week2/b c.md", "# B\n\n```swift\nprint(2)\n```\n")
        let run = try box.nbrun(["course"])
        #expect(run.status == 0, "\(run.all)")
        #expect(box.exists("output/week1/a.snap") && box.exists("output/week2/b c.snap"))
        let page = try #require(box.read("output/week1/a.html"))
        #expect(page.contains("href=\"../week2/b%20c.html\"") && page.contains("href=\"../index.html\""))
        let index = try #require(box.read("output/index.html"))
        #expect(index.contains("href=\"week1/a.html\"") && index.contains("href=\"week2/b%20c.html\""))
    }

    @Test func aCrashedOrHungWorkerBecomesAFailedCell() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("course/a.md", "```swift id=one\nprint(1)\n```\n\n```swift id=two\nprint(2)\n```\n\n```swift id=three\nprint(3)\n```\n")
        try box.write("course/b.md", Self.greeting)
        let crash = try box.nbrun(["course"], environment: ["NBRUN_WORKER_FAULT": "crash:two"])
        #expect(crash.status == 1)
        #expect(crash.output.contains("crashed (signal"), "\(crash.all)")
        #expect(crash.output.contains("course/b.md") && crash.output.contains("2 cells  2 passed"))
        let snap = try #require(box.read("output/a.snap"))
        #expect(snap.contains("=== one (cell 1, id one, line 1): passed"))
        #expect(snap.contains("=== two (cell 2, id two, line 5): failed"))
        #expect(snap.contains("=== three (cell 3, id three, line 9): not-run"))

        try box.write("course/a.md", "```swift id=one timeout=0.2\nprint(1)\n```\n")
        let hang = try box.nbrun(["course/a.md"], environment: ["NBRUN_WORKER_FAULT": "hang:one", "NBRUN_WATCHDOG_GRACE": "0.3"])
        #expect(hang.status == 1)
        #expect(hang.output.contains("ran past its time limit"), "\(hang.all)")
    }

    @Test func aMissingBLASLibraryFailsTheCellThatNeedsItAndSaysWhatToInstall() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("a.md", "```swift id=shapes\nprint(Tensor(zeros: [2, 3]).shape)\n```\n\n```swift id=product\nprint(matmul(Tensor(ones: [2, 3]), Tensor(ones: [3, 2])))\n```\n")
        let run = try box.nbrun(["a.md"], environment: ["NBRUN_BLAS_LIBRARY": "/nonexistent/libopenblas.so.0"])
        #expect(run.status == 1)
        #expect(run.output.contains("a.md:6"), "\(run.all)")
        #expect(run.output.contains("cannot load OpenBLAS") && run.output.contains("apt-get install libopenblas0"), "\(run.all)")
        let snap = try #require(box.read("output/a.snap"))
        #expect(snap.contains("=== shapes (cell 1, id shapes, line 1): passed"), "\(snap)")
        #expect(snap.contains("=== product (cell 2, id product, line 5): failed"), "\(snap)")
    }

    @Test func runsAreDeterministicAcrossRepeatsAndJobs() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let random = """
            ---
            seed: 7
            ---
            ```swift id=r
            let t = Tensor(randomUniform: [2, 3])
            print(t)
            ```
            """
        for name in ["a", "b", "c"] { try box.write("course/\(name).md", random) }
        try box.write("course/d.md", Self.greeting)
        try box.nbrun(["-j", "1", "-o", "one", "course"])
        let first = ["a", "b", "c", "d"].map { box.read("one/\($0).snap") }
        try box.nbrun(["-j", "2", "-o", "two", "course"])
        let second = ["a", "b", "c", "d"].map { box.read("two/\($0).snap") }
        #expect(first == second)
        // The same code gives the same cells in every notebook (headers name the notebook).
        let cells = first.map { text in text.flatMap { t in t.range(of: "\n===").map { String(t[$0.lowerBound...]) } } }
        #expect(cells[0] == cells[1] && cells[1] == cells[2] && cells[0] != nil)
        try FileManager.default.removeItem(at: box.folder.appendingPathComponent("one"))
        try box.nbrun(["-j", "1", "-o", "one", "course"])
        #expect(["a", "b", "c", "d"].map { box.read("one/\($0).snap") } == first)
    }

    /// Workers start before the parent has parsed the notebooks; when one of them is malformed,
    /// nothing runs, and the workers already started for the others are stopped, not left behind.
    @Test func aMalformedNotebookStopsTheWorkersStartedEarly() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/a.md", "```swift id=one\nprint(1)\n```\n")
        try box.write("nb/b.md", "```swift hide-sorce\nprint(1)\n```\n")
        let run = try box.nbrun(["-j", "2", "nb"], environment: ["NBRUN_WORKER_FAULT": "hang:one"])
        #expect(run.status == 2)
        #expect(!box.exists("output"))
        Thread.sleep(forTimeInterval: 0.3)
        let workers = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { pid in
            let cmdline = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
            let folder = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")
            return cmdline.contains("--worker") && folder == box.folder.resolvingSymlinksInPath().path
        }
        #expect(workers.isEmpty, "workers left running: \(workers)")
    }

    @Test func badInputIsExitStatusTwoAndWritesNothing() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/bad.md", "```swift hide-sorce\nprint(1)\n```\n")
        let bad = try box.nbrun(["nb/bad.md"])
        #expect(bad.status == 2)
        #expect(bad.errors.contains("nb/bad.md:1:10: error: unknown cell option 'hide-sorce'; did you mean 'hide-source'?"))
        #expect(!box.exists("output"))
        #expect(try box.nbrun(["nb/missing.md"]).status == 2)
        #expect(try box.nbrun(["--jobs", "0", "nb"]).status == 2)
        #expect(try box.nbrun(["--shard", "3/2", "nb"]).status == 2)
        #expect(try box.nbrun(["--memory-limit", "lots", "nb"]).status == 2)
        // The worker's own command line, mistyped, is a usage error too (not a crash, not a run).
        let worker = try box.nbrun(["--worker", "nb/bad.md", "--seed"])
        #expect(worker.status == 2)
        #expect(worker.errors.contains("error: nbrun --worker is started by nbrun itself"))
        let help = try box.nbrun(["--help"])
        #expect(help.status == 0 && help.output.contains("USAGE: nbrun"))
        let version = try box.nbrun(["--version"])
        #expect(version.status == 0 && version.output == "nbrun 0.1.0\n")
    }

    @Test func expectErrorCellsMustFail() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/e.md", "```swift id=oops expect-error\nlet a = [1]\nprint(a[3])\n```\n\n```swift id=fine expect-error\nlet b = 1\n```\n")
        let run = try box.nbrun(["nb/e.md"])
        #expect(run.status == 1)
        #expect(run.output.contains("nb/e.md:6:1: error: this cell is marked expect-error but ran without an error"), "\(run.all)")
        let snap = try #require(box.read("output/e.snap"))
        #expect(snap.contains("=== oops (cell 1, id oops, line 1): expected-error\n--- error\n| e.md:3:"))
    }

    @Test func shardsSplitTheCourseAndJUnitListsEveryCell() throws {
        let box = try Sandbox()
        defer { box.remove() }
        for name in ["a", "b", "c"] { try box.write("course/\(name).md", Self.greeting) }
        let shard = try box.nbrun(["--shard", "2/2", "course"])
        #expect(shard.status == 0)
        #expect(shard.output.contains("course/b.md") && !shard.output.contains("course/a.md") && !shard.output.contains("course/c.md"))
        try box.write("course/c.md", Self.greeting + "\n\n```swift id=bad\nlet zs: [Int] = []\nprint(zs[0])\n```\n")
        let run = try box.nbrun(["--junit", "report.xml", "course"])
        #expect(run.status == 1)
        let xml = try #require(box.read("report.xml"))
        let document = try XMLDocument(xmlString: xml)
        let suites = try document.nodes(forXPath: "/testsuites/testsuite")
        #expect(suites.count == 3)
        #expect(try document.nodes(forXPath: "//testcase").count == 7)
        let failures = try document.nodes(forXPath: "//testcase/failure")
        #expect(failures.count == 1)
        #expect((failures.first as? XMLElement)?.attribute(forName: "message")?.stringValue?.contains("course/c.md:") == true)
        #expect((try document.nodes(forXPath: "/testsuites/@failures")).first?.stringValue == "1")
    }

    @Test func watchRerunsWhenANotebookChanges() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/w.md", "```swift id=w\nprint(\"first\")\n```\n")
        let run = try box.nbrun(["--watch", "nb/w.md"], interruptAfter: 2.5) {
            Thread.sleep(forTimeInterval: 1.2)
            try? box.write("nb/w.md", "```swift id=w\nprint(\"second\")\n```\n")
        }
        #expect(run.status == 130)
        #expect(run.output.contains("watching nb/w.md for changes"), "\(run.all)")
        // Two runs: the first writes the snapshot, the rerun after the edit finds it changed.
        #expect(run.output.components(separatedBy: "1 notebook, 1 cell:").count == 3)
        #expect(box.read("output/w.snap.new")?.contains("| second") == true)
    }

    @Test func interruptLeavesNothingHalfWritten() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("course/a.md", Self.greeting)
        try box.write("course/b.md", "```swift id=long timeout=30\nvar n = 0\nwhile true { n += 1 }\n```\n")
        let run = try box.nbrun(["-j", "1", "course"], interruptAfter: 1.5)
        #expect(run.status == 130)
        #expect(run.errors.contains("interrupted"))
        #expect(!box.files().contains { $0.contains(".tmp-") })
        #expect(box.exists("output/a.snap") && box.exists("output/a.html"))
        #expect(!box.exists("output/b.snap"))
    }

    /// A cell that runs for more than a second gets its notebook a live page (the cells so far,
    /// the running cell, a refresh); the finished page replaces it and has no refresh.
    @Test func aLongCellGetsALivePageThatTheFinishedPageReplaces() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/live.md", """
            ```swift
            print("first" + " cell")
            ```

            ```swift timeout=120
            var n = 0
            for i in 0..<100_000_000 { n += i % 3 }
            print("long" + " cell", n)
            ```

            ```swift
            print("last" + " cell")
            ```
            """)
        let seen = Locked<String?>(nil)
        let run = try box.nbrun(["nb/live.md"], whileRunning: {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if let page = box.read("output/live.html"), page.contains("Running cell 2 of 3") {
                    seen.withLock { $0 = page }
                    return
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
        })
        #expect(run.status == 0, "\(run.all)")
        #expect(run.output.contains("nb/live.md: its page follows the run in output/live.html"), "\(run.all)")
        let live = try #require(seen.withLock { $0 }, "no live page appeared while the long cell ran")
        #expect(live.contains("first cell"))
        #expect(!live.contains("last cell"))
        #expect(live.contains("<meta http-equiv=\"refresh\""))
        let final = try #require(box.read("output/live.html"))
        #expect(final.contains("last cell") && final.contains("long cell"))
        #expect(!final.contains("refresh") && !final.contains("Running cell"))
    }

    /// Ctrl-C during a long cell: its live page is rewritten to say the run was interrupted,
    /// with the cells that finished, and no refresh (no page goes on saying a cell runs).
    @Test func anInterruptedLivePageSaysTheRunWasInterrupted() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/stop.md", "```swift\nprint(\"done\" + \" before\")\n```\n\n```swift timeout=60\nvar n = 0\nwhile true { n += 1 }\n```\n")
        let run = try box.nbrun(["nb/stop.md"], interruptAfter: 3)
        #expect(run.status == 130)
        let page = try #require(box.read("output/stop.html"), "\(run.all)")
        #expect(page.contains("The run was interrupted during cell 2 of 2"), "\(page.suffix(2000))")
        #expect(page.contains("done before"))
        #expect(!page.contains("refresh") && !page.contains("Running cell"))
        #expect(!box.files().contains { $0.contains(".tmp-") })
    }
}
