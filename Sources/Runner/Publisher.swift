import Foundation
import Notebook
import Render
import Reports

/// What happens when a notebook has run: its failures are reported, its snapshot compared (or
/// written), its page written; at the end, the course index, the JUnit report and the summary.
final class Publisher: @unchecked Sendable {
    private let options: RunOptions
    private let plan: NotebookPlan
    private let notebooks: [Notebook]
    private let terminal: Terminal
    private let lock = NSLock()
    private var reports: [Int: Report] = [:]
    private var couldNotWrite = false
    /// Seconds a notebook's `sanitize` rules may take together (cli.md, Robustness;
    /// `NBRUN_SANITIZE_TIME_LIMIT` sets it, for tests).
    private let sanitizeTimeLimit = ProcessInfo.processInfo.environment["NBRUN_SANITIZE_TIME_LIMIT"].flatMap(Double.init)
        .flatMap { $0 > 0 && $0 <= 86_400 ? $0 : nil } ?? 10

    /// The counts and texts of one notebook's run.
    struct Report {
        var runs: [CellRun]
        var seconds: Double
        var source = Source.ran
        var passed = 0, failed = 0, skipped = 0, notRun = 0, changed = 0, pageErrors = 0
        var snapshotNote: String?
        /// Failure text per cell index (for JUnit).
        var failures: [Int: String] = [:]
    }

    init(options: RunOptions, plan: NotebookPlan, notebooks: [Notebook], terminal: Terminal) {
        self.options = options
        self.plan = plan
        self.notebooks = notebooks
        self.terminal = terminal
    }

    private func url(_ job: Int, _ ext: String) -> URL {
        URL(fileURLWithPath: options.outputDirectory).appendingPathComponent(plan.entries[job].outputName + "." + ext)
    }

    /// Where a notebook's page is written, as the terminal names it.
    func pagePath(_ job: Int) -> String { options.outputDirectory + "/" + plan.entries[job].outputName + ".html" }

    private func formatter(for notebook: Notebook, color: Bool) -> DiagnosticFormatter {
        DiagnosticFormatter(color: color) { file, line in file == notebook.path ? notebook.line(line) : nil }
    }

    /// Where a notebook's runs come from, as its line on the terminal says.
    enum Source: Equatable {
        /// Its cells ran (all of them).
        case ran
        /// The results cache (`seconds`: the time of the run that made them).
        case cache
        /// Watch mode: the session resumed before cell `from` (0-based); earlier cells were kept.
        case resumed(from: Int)
        /// Watch mode: no code changed, the page was made again from the session's runs.
        case rerendered
    }

    func publish(_ job: Int, runs: [CellRun], seconds: Double, source: Source) {
        let notebook = notebooks[job]
        var report = Report(runs: runs, seconds: seconds, source: source)
        var messages: [String] = []
        let plain = formatter(for: notebook, color: false)
        let shown = formatter(for: notebook, color: terminal.color)

        // Cells that failed the run.
        for (i, (cell, run)) in zip(notebook.cells, runs).enumerated() {
            switch run.outcome {
            case .passed, .expectedError: report.passed += 1
            case .skipped: report.skipped += 1
            case .notRun: report.notRun += 1
            case .failed, .timedOut, .unexpectedSuccess:
                report.failed += 1
                var errors = run.result?.errors ?? []
                if run.outcome == .unexpectedSuccess {
                    errors = [Diagnostic("this cell is marked expect-error but ran without an error; fix the cell or remove expect-error",
                                         at: SourceLocation(file: notebook.path, line: cell.fenceLine, column: 1), length: 3, kind: "unexpected-success")]
                }
                report.failures[i] = errors.map(plain.format).joined(separator: "\n")
                messages += errors.map(shown.format)
            }
        }

        // The snapshot.
        let seed = options.seedOverride ?? notebook.frontMatter.seed
        var diffs: [SnapshotComparison.Difference] = []
        do {
            let snapshot = try Snapshot(notebook: notebook, runs: runs, seed: seed, version: nbrunVersion, formatter: plain,
                                        stablePath: plan.entries[job].outputName + ".md", sanitizeTimeLimit: sanitizeTimeLimit)
            (report.snapshotNote, diffs) = updateSnapshot(snapshot, job: job, notebook: notebook)
        } catch {
            // A sanitizer past its time limit: no snapshot is written or compared; the notebook fails.
            report.pageErrors += 1
            messages.append(shown.format(error.diagnostic))
        }
        for diff in diffs {
            report.changed += 1
            let index = notebook.cells.firstIndex { $0.identity == diff.identity }
            let place = diff.line.map { "\(notebook.path):\($0)" } ?? notebook.path
            let text = "\(place) (\(diff.label)): snapshot differs\n\(diff.diff)"
            if let index { report.failures[index] = [report.failures[index], text].compactMap { $0 }.joined(separator: "\n") }
            messages.append(terminal.paint("\(place) (\(diff.label))", "1") + ": snapshot differs\n" + colorDiff(diff.diff))
        }

        // The page (and the notebook file, when asked).
        if options.formats.contains(.html) {
            let page = HTMLPage.render(notebook: notebook, runs: runs, navigation: navigation(for: job),
                                       options: HTMLPage.Options(generator: "nbrun \(nbrunVersion)"))
            for w in page.warnings { messages.append(shown.format(w)) }
            // An image the sandbox refused is an error of the notebook, as a failed cell is.
            report.pageErrors += page.warnings.filter { $0.severity == .error }.count
            writeFinalPage(page.html, job: job)
        }
        if options.formats.contains(.ipynb) {
            write(IpynbWriter.notebookJSON(notebook: notebook, runs: runs, formatter: plain), to: url(job, "ipynb"))
        }

        lock.withLock { reports[job] = report }
        for m in messages { terminal.print(m, quiet: true) }
        terminal.print(line(notebook, report), quiet: report.failed + report.changed + report.pageErrors > 0)
    }

    /// The page while a notebook runs (watch mode after each cell; a normal run once a cell has
    /// run for a second): the cells so far, a line saying which cell runs, and a
    /// `<meta http-equiv="refresh">` so that an open browser tab follows (no JavaScript). Returns
    /// false when no page was written (no html asked, or the notebook's final page is written).
    @discardableResult
    func writeLivePage(_ job: Int, runs: [CellRun], running cell: Int) -> Bool {
        guard options.formats.contains(.html) else { return false }
        let notebook = notebooks[job]
        let html = HTMLPage.render(notebook: notebook, runs: runs, navigation: navigation(for: job),
                                   options: HTMLPage.Options(generator: "nbrun \(nbrunVersion)")).html
        let page = LivePage(html: html, cell: cell, cells: notebook.cells.count)
        let target = url(job, "html")
        return Self.livePages.withLock { live in
            guard live[target.path] != nil || !finalWritten(job) else { return false }
            guard (try? AtomicFile.write(page.running, to: target)) != nil else { return false }
            live[target.path] = page
            return true
        }
    }

    /// A live page on disk: the page of the cells so far, and the cell running.
    struct LivePage {
        var html: String
        var cell: Int
        var cells: Int

        var running: String {
            with(status: "Running cell \(cell + 1) of \(cells)… (this page follows the run; the finished page replaces it)",
                 refresh: true)
        }
        var interrupted: String {
            with(status: "The run was interrupted during cell \(cell + 1) of \(cells): the cells from it on did not run. "
                 + "Run nbrun again for the whole page.", refresh: false)
        }

        private func with(status: String, refresh: Bool) -> String {
            var html = html
            if refresh, let head = html.range(of: "<head>\n") {
                html.replaceSubrange(head, with: "<head>\n<meta http-equiv=\"refresh\" content=\"2\"/>\n")
            }
            if let main = html.range(of: "<main>\n") {
                html.replaceSubrange(main, with: "<main>\n<p class=\"run-summary\" role=\"status\">\(status)</p>\n")
            }
            return html
        }
    }

    /// Live pages on disk, by path, until their notebook's final page replaces them.
    private static let livePages = Locked([String: LivePage]())
    private var finalPages = Set<Int>()
    private func finalWritten(_ job: Int) -> Bool { lock.withLock { finalPages.contains(job) } }

    /// Writes a notebook's final page, in place of its live page if it has one (under the same
    /// lock, so an interruption never leaves a live page that says a cell is running).
    private func writeFinalPage(_ html: String, job: Int) {
        let target = url(job, "html")
        Self.livePages.withLock { live in
            lock.withLock { _ = finalPages.insert(job) }
            write(html, to: target)
            live[target.path] = nil
        }
    }

    /// After Ctrl-C: each live page still on disk is rewritten to say the run was interrupted
    /// (no refresh), keeping the cells that finished.
    static func settleLivePages() {
        livePages.withLock { live in
            for (path, page) in live { try? AtomicFile.write(page.interrupted, to: URL(fileURLWithPath: path)) }
            live.removeAll()
        }
    }

    /// Compares with the recorded snapshot, writing what cli.md says. Returns a note for the
    /// notebook's line and the differing cells.
    private func updateSnapshot(_ snapshot: Snapshot, job: Int, notebook: Notebook) -> (String?, [SnapshotComparison.Difference]) {
        let snapURL = url(job, "snap"), newURL = url(job, "snap.new")
        let display = options.outputDirectory + "/" + plan.entries[job].outputName
        guard let data = FileManager.default.contents(atPath: snapURL.path) else {
            if options.ci {
                let diff = SnapshotComparison.Difference(identity: "", label: "no snapshot", line: nil,
                    diff: "\(display).snap does not exist; run nbrun without --ci and commit it")
                return (nil, [diff])
            }
            write(snapshot.text, to: snapURL)
            return ("(snapshot written: \(display).snap)", [])
        }
        let old: Snapshot
        do {
            old = try Snapshot.parse(String(decoding: data, as: UTF8.self))
        } catch {
            if options.updateSnapshots {
                write(snapshot.text, to: snapURL)
                return ("(snapshot rewritten: \(display).snap)", [])
            }
            let diff = SnapshotComparison.Difference(identity: "", label: "snapshot unreadable", line: nil,
                diff: "\(display).snap: \(error); fix it, or run with -u to write it anew")
            return (nil, [diff])
        }
        let differences = SnapshotComparison.differences(old: old, new: snapshot) { identity in
            let cell = notebook.cells.first { $0.identity == identity }
            return .init(rtol: cell?.options.rtol ?? notebook.frontMatter.tolerance.rtol,
                         atol: cell?.options.atol ?? notebook.frontMatter.tolerance.atol)
        }
        if differences.isEmpty {
            if options.updateSnapshots && old.text != snapshot.text && !options.ci { write(snapshot.text, to: snapURL) }
            if !options.ci { try? FileManager.default.removeItem(at: newURL) }
            return (nil, [])
        }
        if options.updateSnapshots && !options.ci {
            write(snapshot.text, to: snapURL)
            try? FileManager.default.removeItem(at: newURL)
            return ("(snapshot updated: \(display).snap)", [])
        }
        if !options.ci { write(snapshot.text, to: newURL) }
        return (options.ci ? nil : "(see \(display).snap.new)", differences)
    }

    private func write(_ text: String, to url: URL) {
        do {
            try AtomicFile.write(text, to: url)
        } catch {
            terminal.error("error: \(error)")
            lock.withLock { couldNotWrite = true }
        }
    }

    private func navigation(for job: Int) -> PageNavigation {
        guard plan.isCourse && options.shard == nil else { return PageNavigation() }
        let here = plan.entries[job].outputName
        func link(_ j: Int) -> PageNavigation.Link {
            PageNavigation.Link(title: notebooks[j].title, href: PageNavigation.relativeHref(from: here + ".html", to: plan.entries[j].outputName + ".html"))
        }
        return PageNavigation(previous: job > 0 ? link(job - 1) : nil,
                              next: job + 1 < notebooks.count ? link(job + 1) : nil,
                              index: .init(title: "Contents", href: PageNavigation.relativeHref(from: here + ".html", to: "index.html")))
    }

    private func line(_ notebook: Notebook, _ r: Report) -> String {
        var parts = [counted(notebook.cells.count, "cell"), "\(r.passed) passed"]
        if r.failed > 0 { parts.append(terminal.paint("\(r.failed) failed", "1;31")) }
        if r.changed > 0 { parts.append(terminal.paint("\(r.changed) changed", "1;33")) }
        if r.pageErrors > 0 { parts.append(terminal.paint(counted(r.pageErrors, "page error"), "1;31")) }
        if r.skipped > 0 { parts.append("\(r.skipped) skipped") }
        if r.notRun > 0 { parts.append("\(r.notRun) not run") }
        let name = notebook.path.padding(toLength: max(notebook.path.count, 28), withPad: " ", startingAt: 0)
        let seconds = String(format: "%.2f", r.seconds)
        let time: String
        switch r.source {
        case .ran: time = "ran in \(seconds) s"
        case .cache: time = "from the cache (ran in \(seconds) s)"
        case .resumed(let from) where from > 0:
            let kept = from == 1 ? "cell 1" : "cells 1-\(from)"
            let ran = from + 1 == notebook.cells.count ? "cell \(from + 1)" : "cells \(from + 1)-\(notebook.cells.count)"
            time = "ran \(ran) in \(seconds) s (\(kept) kept from the session)"
        case .resumed: time = "ran in \(seconds) s"
        case .rerendered: time = "re-rendered (no code changed)"
        }
        return "\(name)  \(parts.joined(separator: "  "))  \(time)" + (r.snapshotNote.map { "   \($0)" } ?? "")
    }

    private func colorDiff(_ diff: String) -> String {
        diff.split(separator: "\n", omittingEmptySubsequences: false).map { l in
            l.hasPrefix("+") ? terminal.paint(String(l), "32") : l.hasPrefix("-") ? terminal.paint(String(l), "31") : String(l)
        }.joined(separator: "\n")
    }

    /// The course index (folder runs) and the JUnit report.
    func finish() {
        if plan.isCourse && options.shard == nil && options.formats.contains(.html) {
            let entries = notebooks.indices.map { i in
                CourseIndex.Entry(notebook: notebooks[i], href: PageNavigation.relativeHref(from: "index.html", to: plan.entries[i].outputName + ".html"))
            }
            let title = options.paths.count == 1 ? (options.paths[0] as NSString).lastPathComponent : "Notebooks"
            write(CourseIndex.render(title: title, entries: entries, generator: "nbrun \(nbrunVersion)"),
                  to: URL(fileURLWithPath: options.outputDirectory).appendingPathComponent("index.html"))
        }
        if let junit = options.junitPath {
            let suites = notebooks.indices.compactMap { i in
                reports[i].map { JUnitReport.Suite(notebook: notebooks[i], runs: $0.runs, failures: $0.failures, seconds: $0.seconds) }
            }
            write(JUnitReport.xml(suites), to: URL(fileURLWithPath: junit))
        }
    }

    /// Prints the summary line and returns the exit status.
    func summarize(seconds: Double) -> Int32 {
        let reported = notebooks.indices.filter { reports[$0] != nil }  // watch mode publishes the changed ones
        let all = reported.compactMap { reports[$0] }
        let cells = reported.map { notebooks[$0].cells.count }.reduce(0, +)
        let passed = all.map(\.passed).reduce(0, +), failed = all.map(\.failed).reduce(0, +)
        let changed = all.map(\.changed).reduce(0, +), skipped = all.map(\.skipped).reduce(0, +)
        let notRun = all.map(\.notRun).reduce(0, +), pageErrors = all.map(\.pageErrors).reduce(0, +)
        var parts = ["\(passed) passed"]
        if failed > 0 { parts.append("\(failed) failed") }
        if changed > 0 { parts.append(counted(changed, "snapshot") + " changed") }
        if skipped > 0 { parts.append("\(skipped) skipped") }
        if notRun > 0 { parts.append("\(notRun) not run") }
        if pageErrors > 0 { parts.append(counted(pageErrors, "page error")) }
        let pages = options.formats.contains(.html) ? " Pages in \(options.outputDirectory)/." : ""
        let cached = all.filter { $0.source == .cache }.count
        let fromCache = cached == 0 ? "" : cached == all.count ? " (all from the cache)" : " (\(cached) from the cache)"
        let n = reported.count
        terminal.print("\(counted(n, "notebook")), \(counted(cells, "cell")): \(parts.joined(separator: ", ")) in \(String(format: "%.2f", seconds)) s\(fromCache).\(pages)", quiet: true)
        if couldNotWrite { return 2 }
        return failed + changed + pageErrors > 0 ? 1 : 0
    }
}

/// `1 cell`, `21 cells`.
func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
