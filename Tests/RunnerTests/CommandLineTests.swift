import Foundation
import Testing

/// nbrun's command line (cli.md), through the real binary: every option is in the help, each
/// spelling parses, and each mistake is an `Error:` line with the usage and exit status 2.
struct CommandLineTests {
    static let longOptions = ["output", "update-snapshots", "ci", "jobs", "shard", "junit", "format", "seed", "memory-limit",
                              "max-notebook-size", "unsafe-html", "watch", "checkpoint-memory", "rerun", "use-cache", "quiet",
                              "verbose", "color", "version", "help"]

    @Test func theHelpListsEveryOptionOfTheDocs() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let docs = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/cli.md"), encoding: .utf8)
        for short in ["-h", "--help"] {
            let help = try box.nbrun([short, "--ci"])
            #expect(help.status == 0 && help.errors.isEmpty)
            #expect(help.output.hasPrefix("OVERVIEW: Run Markdown notebooks of Swift cells"))
            #expect(help.output.contains("USAGE: nbrun [<options>] [<paths> ...]"))
            for name in Self.longOptions {
                #expect(help.output.contains("--\(name)"), "--\(name) missing from the help")
                #expect(docs.contains("--\(name)"), "--\(name) missing from docs/cli.md")
            }
            #expect(help.output.contains("  -o, --output <output>   Where pages and snapshots go. (default: output)\n"))
            #expect(help.output.contains("  --max-notebook-size <SIZE>\n                          Largest notebook file, such as 10M. (default: 10M)\n"))
            #expect(!help.output.split(separator: "\n").contains { $0.count > 80 }, "a help line is wider than 80 columns")
        }
    }

    @Test func everySpellingOfAValueParses() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/a.md", "```swift id=a\nprint(1)\n```\n")
        // --name VALUE, --name=VALUE, -o VALUE, flags together, a negative number as a value.
        let run = try box.nbrun(["--output=out1", "-j", "1", "--seed", "-3", "-uq", "nb/a.md"])
        #expect(run.status == 0, "\(run.all)")
        #expect(box.exists("out1/a.snap"))
        #expect(try box.nbrun(["-o", "out2", "--jobs=2", "nb"]).status == 0)
        #expect(box.exists("out2/a.html"))
        // The last of a repeated option wins.
        #expect(try box.nbrun(["-o", "out3", "-o", "out4", "nb"]).status == 0)
        #expect(box.exists("out4/a.html") && !box.exists("out3"))
    }

    @Test func mistakesAreExitStatusTwoWithTheUsage() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let usage = "Usage: nbrun [<options>] [<paths> ...]\n  See 'nbrun --help' for more information.\n"
        let cases: [([String], String)] = [
            (["--bogus"], "Error: Unknown option '--bogus'\n"),
            (["--colr", "never"], "Error: Unknown option '--colr'. Did you mean '--color'?\n"),
            (["-x"], "Error: Unknown option '-x'\n"),
            (["-ux"], "Error: Unknown option '-x' in '-ux'\n"),
            (["--jobs"], "Error: Missing value for '--jobs <jobs>'\nHelp:  --jobs <jobs>  Notebooks run in parallel (default: number of cores).\n"),
            (["--output", "--ci"], "Error: Missing value for '--output <output>'\n"),
            (["-j", "x"], "Error: The value 'x' is invalid for '--jobs <jobs>'\n"),
            (["--seed", "1.5"], "Error: The value '1.5' is invalid for '--seed <seed>'\n"),
            (["-oj", "x"], "Error: Missing value for '-o <output>' in '-oj' (write it as '-o VALUE')\n"),
            (["--ci=yes"], "Error: The option '--ci' does not take any value, but 'yes' was specified.\n"),
            (["--jobs", "0"], "Error: --jobs takes a number from 1 to 1024 (got 0)\n"),
            (["--shard", "3/2"], "Error: --shard takes K/N with 1 <= K <= N, such as 2/4 (got '3/2')\n"),
            (["--format", "pdf"], "Error: --format takes html, ipynb or html,ipynb (got 'pdf')\n"),
            (["-q", "-v"], "Error: --quiet and --verbose cannot be used together\n"),
            (["--ci", "-u"], "Error: --ci never writes snapshots, so it cannot be used with -u\n"),
            (["--rerun", "--use-cache"], "Error: --rerun ignores stored results, so it cannot be used with --use-cache\n"),
        ]
        for (arguments, error) in cases {
            let run = try box.nbrun(arguments)
            #expect(run.status == 2, "\(arguments): \(run.all)")
            #expect(run.errors.hasPrefix(error), "\(arguments): \(run.errors)")
            #expect(run.errors.hasSuffix(usage), "\(arguments): \(run.errors)")
            #expect(run.output.isEmpty)
        }
        #expect(!box.exists("output"))
        // --version wins over everything else, as --help does.
        let version = try box.nbrun(["--jobs", "0", "--version"])
        #expect(version.status == 0 && version.output == "nbrun 0.1.0\n")
    }
}
