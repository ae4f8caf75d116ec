import Foundation
import Testing

/// The results cache through the command (cli.md, "The results cache"). A run that must not start
/// a worker is given NBRUN_WORKER_FAULT=crash:<first cell>: had any cell run, the run would fail.
@Suite(.serialized)
struct ResultsCacheTests {
    static let notebook = """
        ---
        seed: 3
        ---
        # Data

        ```swift id=load
        let lines = readLines("data/words.txt")
        print(lines.count, lines[0])
        ```

        Some prose.

        ```swift id=draw
        let t = Tensor(randomUniform: [2])
        print(t.shape)
        ```

        ```swift id=oops expect-error
        let n: Int = "no"
        ```
        """

    static let noWorker = ["NBRUN_WORKER_FAULT": "crash:load"]

    func prepared() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("nb/data/words.txt", "alpha\nbeta\n")
        try box.write("nb/data.md", Self.notebook)
        return box
    }

    @Test func anUnchangedNotebookRunsNoCellTheSecondTime() throws {
        let box = try prepared()
        defer { box.remove() }
        let first = try box.nbrun(["nb/data.md"])
        #expect(first.status == 0, "\(first.all)")
        #expect(first.output.contains("ran in"), "\(first.all)")
        #expect(box.exists("output/.nbrun-cache/data.json") && box.read("output/.nbrun-cache/.gitignore") == "*\n")
        let page = box.read("output/data.html")

        try FileManager.default.removeItem(at: box.folder.appendingPathComponent("output/data.html"))
        let second = try box.nbrun(["nb/data.md"], environment: Self.noWorker)
        #expect(second.status == 0, "\(second.all)")
        #expect(second.output.contains("from the cache (ran in"), "\(second.all)")
        #expect(second.output.contains("3 passed in") && second.output.contains("(all from the cache)"), "\(second.all)")
        #expect(box.read("output/data.html") == page)
        #expect(!box.exists("output/data.snap.new"))
    }

    @Test func aChangedCellDataFileSeedOrVersionRunsItAgain() throws {
        let box = try prepared()
        defer { box.remove() }
        #expect(try box.nbrun(["nb/data.md"]).status == 0)
        func ranAgain(_ arguments: [String] = [], because reason: String, sourceLine: Int = #line) throws {
            let run = try box.nbrun(["-v", "-u", "nb/data.md"] + arguments)
            #expect(run.status == 0, "\(run.all)", sourceLocation: SourceLocation(fileID: #fileID, filePath: #filePath, line: sourceLine, column: 1))
            #expect(run.output.contains("nb/data.md: running it: \(reason)") && !run.output.contains("from the cache"),
                    "\(run.all)", sourceLocation: SourceLocation(fileID: #fileID, filePath: #filePath, line: sourceLine, column: 1))
        }
        // A code cell.
        try box.write("nb/data.md", Self.notebook.replacingOccurrences(of: "[2]", with: "[3]"))
        try ranAgain(because: "cell 2, id draw changed")
        // A file a cell read.
        try box.write("nb/data/words.txt", "alpha\nbeta\ngamma\n")
        try ranAgain(because: "data/words.txt, read by the notebook, changed")
        #expect(box.read("output/data.snap")?.contains("| 3 alpha") == true)
        // --seed.
        try ranAgain(["--seed", "9"], because: "the seed, the memory limit or the front matter's execution settings changed")
        // The front matter's seed (the same as --seed 9 gave: still a change from the last run's key).
        try box.write("nb/data.md", Self.notebook.replacingOccurrences(of: "[2]", with: "[3]").replacingOccurrences(of: "seed: 3", with: "seed: 4"))
        try ranAgain(because: "the seed, the memory limit or the front matter's execution settings changed")
        // An entry written by another nbrun version.
        let entry = box.folder.appendingPathComponent("output/.nbrun-cache/data.json")
        let text = try String(contentsOf: entry, encoding: .utf8)
        #expect(text.contains("\"nbrun\":\"0."))
        try text.replacingOccurrences(of: "\"nbrun\":\"", with: "\"nbrun\":\"0.0.0-old-").write(to: entry, atomically: true, encoding: .utf8)
        try ranAgain(because: "the cache entry was written by nbrun 0.0.0-old-")
        // And unchanged, once more: from the cache.
        #expect(try box.nbrun(["nb/data.md"], environment: Self.noWorker).output.contains("from the cache"))
    }

    @Test func aProseEditReRendersWithoutRunningAndEqualsAFreshRun() throws {
        let box = try prepared()
        defer { box.remove() }
        #expect(try box.nbrun(["nb/data.md"]).status == 0)
        // New prose above every cell moves them all down two lines (and the expected error's line).
        let edited = Self.notebook.replacingOccurrences(of: "# Data\n", with: "# Data\n\nA new paragraph, $x^2$.\n")
            .replacingOccurrences(of: "Some prose.", with: "Some other prose.")
        try box.write("nb/data.md", edited)
        let cached = try box.nbrun(["-u", "nb/data.md"], environment: Self.noWorker)
        #expect(cached.status == 0 && cached.output.contains("from the cache"), "\(cached.all)")
        let page = try #require(box.read("output/data.html"))
        #expect(page.contains("Some other prose.") && page.contains("A new paragraph"))
        let fresh = try box.nbrun(["--rerun", "-o", "fresh", "nb/data.md"])
        #expect(fresh.status == 0 && !fresh.output.contains("from the cache"), "\(fresh.all)")
        let snapshot = try #require(box.read("output/data.snap"))
        #expect(snapshot == box.read("fresh/data.snap"))
        #expect(snapshot.contains("data.md:21:14: error"), "\(snapshot)")  // the error, at its new line
        // The pages are the same but for the cells' times (the stored run's, and the fresh run's).
        func untimed(_ page: String?) -> String? {
            page?.replacingOccurrences(of: "<span class=\"cell-time\">[^<]*</span>", with: "", options: .regularExpression)
        }
        #expect(untimed(page) == untimed(box.read("fresh/data.html")))
        #expect(untimed(page) != page)
    }

    @Test func aFailedRunIsNotCached() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/f.md", "```swift id=a\nprint(1)\n```\n\n```swift id=b\nlet x: Int = \"no\"\n```\n")
        let first = try box.nbrun(["nb/f.md"])
        #expect(first.status == 1, "\(first.all)")
        #expect(!box.exists("output/.nbrun-cache/f.json"))
        let second = try box.nbrun(["nb/f.md"])
        #expect(second.status == 1 && !second.output.contains("from the cache"), "\(second.all)")
        // A worker that dies mid-run is no better.
        try box.write("nb/f.md", "```swift id=a\nprint(1)\n```\n")
        let crashed = try box.nbrun(["nb/f.md"], environment: ["NBRUN_WORKER_FAULT": "crash:a"])
        #expect(crashed.status == 1)
        #expect(!box.exists("output/.nbrun-cache/f.json"))
    }

    @Test func aTruncatedOrForeignEntryIsAMissNotedUnderVerbose() throws {
        let box = try prepared()
        defer { box.remove() }
        #expect(try box.nbrun(["nb/data.md"]).status == 0)
        let entry = box.folder.appendingPathComponent("output/.nbrun-cache/data.json")
        let data = try Data(contentsOf: entry)
        try data.prefix(data.count / 2).write(to: entry)
        let truncated = try box.nbrun(["-v", "nb/data.md"])
        #expect(truncated.status == 0, "\(truncated.all)")
        #expect(truncated.output.contains("nb/data.md: running it: the cache entry") && truncated.output.contains("is damaged"), "\(truncated.all)")
        // The run stored a good entry again.
        #expect(try box.nbrun(["nb/data.md"], environment: Self.noWorker).output.contains("from the cache"))
        // Something else entirely.
        try Data("{\"hello\": [1, 2]}".utf8).write(to: entry)
        let foreign = try box.nbrun(["-v", "nb/data.md"])
        #expect(foreign.status == 0 && foreign.output.contains("is damaged or not nbrun's"), "\(foreign.all)")
        // Without -v, a miss is not mentioned.
        try Data().write(to: entry)
        let quiet = try box.nbrun(["nb/data.md"])
        #expect(quiet.status == 0 && !quiet.output.contains("running it"), "\(quiet.all)")
    }

    @Test func rerunAndCIRunEverythingUnlessCIIsToldToUseTheCache() throws {
        let box = try prepared()
        defer { box.remove() }
        #expect(try box.nbrun(["nb/data.md"]).status == 0)
        let rerun = try box.nbrun(["--rerun", "nb/data.md"])
        #expect(rerun.status == 0 && rerun.output.contains("ran in") && !rerun.output.contains("from the cache"), "\(rerun.all)")
        let ci = try box.nbrun(["--ci", "nb/data.md"])
        #expect(ci.status == 0 && !ci.output.contains("from the cache"), "\(ci.all)")
        let ciCached = try box.nbrun(["--ci", "--use-cache", "nb/data.md"], environment: Self.noWorker)
        #expect(ciCached.status == 0 && ciCached.output.contains("from the cache"), "\(ciCached.all)")
        let both = try box.nbrun(["--rerun", "--use-cache", "nb/data.md"])
        #expect(both.status == 2 && both.errors.contains("--rerun"), "\(both.all)")
    }
}
