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
