import Testing
import Reports
@testable import Notebook

/// Front matter as a hostile author writes it (issue 18): an alias bomb and an oversized block
/// are errors at their line, found before YAML is composed (Yams took minutes on the bomb).
struct FrontMatterLimitsTests {
    @Test func aliasesAreRefusedAtTheirLine() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n" }
        yaml += "? *a9\n: bomb\n"
        let out = parse("---\n" + yaml + "---\n# Bomb\n")
        #expect(out.notebook == nil)
        #expect(messages(out) == ["3:10: error: front matter may not use YAML aliases (*name); write the value out"])
    }

    @Test func quotedStarsAndRegexesAreNotAliases() {
        let nb = notebook("---\ntitle: '*emphasis*'\nsanitize:\n  - {regex: '\\d* ms', replace: 'N'}\n  - regex: a.*b # a comment *x\n---\n")
        #expect(nb.frontMatter.title == "*emphasis*" && nb.frontMatter.sanitize.count == 2)
    }

    @Test func anOversizedFrontMatterIsAnError() {
        let out = parse("---\ntitle: " + String(repeating: "x", count: 70_000) + "\n---\n")
        #expect(messages(out) == ["1:1: error: front matter is 68 KiB, over its limit of 64 KiB"])
    }
}
