import Testing
import Reports
@testable import Notebook

/// Rule 2: front matter.
struct FrontMatterTests {
    @Test func everyKeyIsRead() {
        let nb = notebook("""
            ---
            title: Encoder shapes
            seed: 42
            tolerance: {rtol: 1e-4, atol: 1e-7}
            sanitize:
              - {regex: '\\d+ ms', replace: 'N ms'}
              - regex: 'id-[0-9a-f]+'
            timeout: 5
            allow-errors: true
            ---
            # Heading
            """)
        let fm = nb.frontMatter
        #expect(fm.title == "Encoder shapes" && nb.title == "Encoder shapes")
        #expect(fm.seed == 42 && fm.timeout == 5 && fm.allowErrors)
        #expect(fm.tolerance == .init(rtol: 1e-4, atol: 1e-7))
        // Each pattern keeps its place in the file (the quote opening it), for errors about it.
        #expect(fm.sanitize == [.init(regex: "\\d+ ms", replace: "N ms", line: 6, column: 13), .init(regex: "id-[0-9a-f]+", replace: "", line: 7, column: 12)])
        #expect(fm.lineCount == 10)
        #expect(nb.headings.first?.line == 11)
    }

    @Test func defaults() {
        let fm = notebook("# Hello\n").frontMatter
        #expect(fm.seed == 0 && fm.timeout == 60 && !fm.allowErrors && fm.sanitize.isEmpty)
        #expect(fm.tolerance == .init(rtol: 1e-5, atol: 1e-6))
    }

    @Test func unknownKeyPointsAtItsLineWithASuggestion() {
        let out = parse("---\ntitle: A\nallow-error: true\n---\n")
        #expect(out.notebook == nil)
        #expect(messages(out) == ["3:1: error: unknown front matter key 'allow-error'; did you mean 'allow-errors'?"])
    }

    @Test func wronglyTypedValues() {
        let out = parse("""
            ---
            seed: forty-two
            timeout: -1
            allow-errors: yes please
            tolerance: 3
            title: [a, b]
            sanitize:
              - {regex: '(unclosed', replace: x}
            ---
            """)
        #expect(messages(out) == [
            "2:7: error: 'seed' must be a whole number, such as 42",
            "3:10: error: 'timeout' must be a number of seconds greater than 0 and at most 86400 (a day)",
            "4:15: error: 'allow-errors' must be true or false",
            "5:12: error: 'tolerance' must be a mapping such as {rtol: 1e-5, atol: 1e-6}",
            "6:8: error: 'title' must be text",
            "8:13: error: invalid regular expression '(unclosed'",
        ])
    }

    @Test func quotedNumberIsNotASeed() {
        #expect(messages(parse("---\nseed: \"42\"\n---\n")) == ["2:7: error: 'seed' must be a whole number, such as 42"])
    }

    @Test func malformedYAMLIsAnErrorAtItsLine() {
        let out = parse("---\ntitle: ok\nseed: [1, 2\n---\n")
        #expect(out.notebook == nil)
        #expect(out.diagnostics.count == 1)
        #expect(out.diagnostics[0].message.hasPrefix("malformed front matter"))
        #expect((3...4).contains(out.diagnostics[0].location!.line))
    }

    @Test func frontMatterThatIsNotAMapping() {
        #expect(messages(parse("---\n- a\n- b\n---\n")) == ["2:1: error: front matter must be a list of 'key: value' options"])
    }

    @Test func unclosedFrontMatter() {
        #expect(messages(parse("---\ntitle: x\n\n# Body\n")) == [
            "1:1: error: front matter starting at line 1 is not closed: add a line '---' after the last option"])
    }

    @Test func emptyFrontMatterIsAllowed() {
        #expect(notebook("---\n---\ntext\n").frontMatter.lineCount == 2)
    }

    @Test func titleFallsBackToFirstH1ThenFileName() {
        #expect(notebook("## Sub\n\n# Main *title*\n").title == "Main title")
        #expect(notebook("text only\n", path: "notebooks/week1/intro.md").title == "intro")
    }
}
