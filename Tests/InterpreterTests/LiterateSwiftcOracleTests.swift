import Foundation
import Testing

/// The swiftc oracle as a test: each cell file that compiled Swift can run is compiled with
/// swiftc and run by scripts/swiftc-oracle.sh, whose stdout must equal the file's expectations.
/// Runs where `swiftc` is on PATH (here and in CI).
@Suite(.enabled(if: SwiftcOracle.swiftcPath != nil, "swiftc is not on PATH"))
struct LiterateSwiftcOracleTests {
    @Test(arguments: LiterateCorpus.files)
    func compiledSwiftPrintsTheExpectations(_ path: String) throws {
        let (status, output) = try SwiftcOracle.check(LiterateCorpus.folder.appendingPathComponent(path).path)
        #expect(status == 0, Comment(rawValue: output))
    }
}

enum SwiftcOracle {
    static let script = LiterateCorpus.folder
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/swiftc-oracle.sh")

    static let swiftcPath: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(dir)/swiftc"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Runs the oracle script on one file: its exit status and its report.
    static func check(_ file: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, file]
        var environment = ProcessInfo.processInfo.environment
        environment["ORACLE_JOBS"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
