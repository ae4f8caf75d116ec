import Foundation
import Notebook
import Reports
import Testing
@testable import Render

/// A real browser: headless Chromium (Debian's `chromium`, which `./dev test` installs) opens pages
/// with the network cut off. Without Chromium the tests skip, except in CI (`CI=true`), where a
/// missing Chromium is a failure. Each test prints what it measured, so the log shows it ran.
struct ChromiumTests {
    static let chromium: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            for name in ["chromium", "chromium-browser"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }()

    static let inCI = ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")
    /// Runs when Chromium is here, and always in CI (where its absence fails the test).
    static let runs = chromium != nil || inCI

    struct ChromiumMissing: Error, CustomStringConvertible {
        var description: String { "CI=true but chromium is not on PATH: the page tests need it (`./dev setup test` installs Debian's chromium)" }
    }

    /// Chromium's path; in CI without Chromium, an error that fails the test.
    static func requireChromium() throws -> String {
        guard let chromium else { throw ChromiumMissing() }
        return chromium
    }

    static let source = """
        # Weights

        The weights are $\\alpha_i^t = \\frac{\\exp(e_i^t)}{\\sum_{j=1}^{N} \\exp(e_j^t)}$, so

        $$\\sum_{i=1}^{N} \\alpha_i^t = 1 \\qquad x^{2}$$

        ```swift id=print
        print("<script>alert(1)</script>")
        ```
        """

    /// Runs Chromium on `page` with every host name unresolvable; returns the DOM after layout
    /// and the URLs the page itself asked the network for (from Chromium's net log).
    static func open(_ page: URL, folder: URL, width: Int = 1000, extraArguments: [String] = []) throws -> (dom: String, pageRequests: [String]) {
        let netLog = folder.appendingPathComponent("net-\(UUID().uuidString).json")
        let profile = folder.appendingPathComponent("profile-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try requireChromium())
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                             "--host-resolver-rules=MAP * ~NOTFOUND", "--no-proxy-server", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--window-size=\(width),900"] + extraArguments + [
                             "--log-net-log=\(netLog.path)", "--virtual-time-budget=2000", "--dump-dom", page.absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: watchdog)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return (String(decoding: data, as: UTF8.self), try requestsByThePage(netLog))
    }

    /// Requests whose initiator is the page (the browser's own background requests have
    /// no origin) and that would leave the machine.
    static func requestsByThePage(_ netLog: URL) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: netLog)) as? [String: Any] ?? [:]
        let constants = json["constants"] as? [String: Any] ?? [:]
        let types = constants["logEventTypes"] as? [String: Int] ?? [:]
        guard let startJob = types["URL_REQUEST_START_JOB"] else { return ["net log without URL_REQUEST_START_JOB"] }
        var urls: [String] = []
        for case let event as [String: Any] in json["events"] as? [Any] ?? [] where event["type"] as? Int == startJob {
            let params = event["params"] as? [String: Any] ?? [:]
            guard let url = params["url"] as? String, params["initiator"] as? String != "not an origin" else { continue }
            if url.hasPrefix("http:") || url.hasPrefix("https:") || url.hasPrefix("ws") { urls.append(url) }
        }
        return urls
    }

    /// A copy of the page with a probe script that writes the layout of its math into the DOM
    /// (the page itself has no script; only this test copy does).
    static func probe(_ html: String) -> String {
        let script = """
            <script>
            const box = e => e.getBoundingClientRect();
            const frac = document.querySelector("mfrac"), sup = document.querySelector("msup");
            document.body.setAttribute("data-probe", [
              document.querySelectorAll("math").length,
              box(frac.children[0]).bottom <= box(frac.children[1]).top + 1,
              box(sup.children[1]).bottom < box(sup.children[0]).bottom,
              box(document.querySelector("math[display=block]")).width > 0,
              document.querySelectorAll("script").length
            ].join(" "));
            </script>
            """
        return html.replacingOccurrences(of: "</body>", with: script + "</body>")
    }

    @Test(.enabled(if: runs, "chromium is not on PATH (and CI is not set)"))
    func pageRendersMathAsMathMLOffline() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("render-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebook = try #require(NotebookParser.parse(text: Self.source, path: "weights.md").notebook)
        let run = CellRun(outcome: .passed, result: CellResult(status: .succeeded, outputs: [.text("<script>alert(1)</script>\n")]))
        let html = HTMLPage.render(notebook: notebook, runs: [run]).html

        let page = folder.appendingPathComponent("weights.html")
        try AtomicFile.write(html, to: page)
        let opened = try Self.open(page, folder: folder)
        #expect(opened.dom.contains("<math"))
        let visible = opened.dom.replacingOccurrences(of: "<annotation[^>]*>[^<]*</annotation>", with: "", options: .regularExpression)
        #expect(!visible.contains("\\frac") && !visible.contains("$$"), "raw TeX outside annotations")
        #expect(opened.pageRequests.isEmpty, "\(opened.pageRequests)")

        // Layout: fractions stacked, superscripts raised, display math given width; the cell's
        // printed <script> stayed text (the only script is the probe's).
        let probed = folder.appendingPathComponent("probe.html")
        try AtomicFile.write(Self.probe(html), to: probed)
        let dom = try Self.open(probed, folder: folder).dom
        let probe = dom.range(of: "data-probe=\"[^\"]*\"", options: .regularExpression).map { String(dom[$0]) }
        #expect(probe == "data-probe=\"2 true true true 1\"")
        print("chromium: opened weights.html offline: \(opened.pageRequests.count) requests; math layout probe \(probe ?? "missing")")
    }

    /// The network check can fail: a page with a remote image is caught.
    @Test(.enabled(if: runs, "chromium is not on PATH (and CI is not set)"))
    func aRemoteImageIsSeenAsANetworkRequest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("render-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("remote.html")
        try AtomicFile.write("<!DOCTYPE html><html><body><img src=\"https://example.org/remote.png\"/></body></html>", to: page)
        #expect(try Self.open(page, folder: folder).pageRequests.contains("https://example.org/remote.png"))
    }
}
