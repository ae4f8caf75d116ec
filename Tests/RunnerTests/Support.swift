import Foundation
import Testing

/// Runs the real `nbrun` binary (built beside the test bundle) in a temporary folder.
struct Sandbox {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nbrun-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) -> String? {
        try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) }

    /// All files below the folder (relative paths), hidden ones included.
    func files() -> [String] {
        let walker = FileManager.default.enumerator(atPath: folder.path)
        var out: [String] = []
        while let p = walker?.nextObject() as? String {
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(p).path, isDirectory: &isDir)
            if !isDir.boolValue { out.append(p) }
        }
        return out.sorted()
    }

    struct Result {
        var status: Int32
        var output: String
        var errors: String
        var all: String { output + errors }
    }

    /// Runs nbrun with `arguments` in the folder; `environment` is added to this process's.
    @discardableResult
    /// `whileRunning` runs on another thread once the process has started (to edit files meanwhile).
    func nbrun(_ arguments: [String], environment: [String: String] = [:], interruptAfter: Double? = nil,
               whileRunning: (@Sendable () -> Void)? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments + ["--color", "never"]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let whileRunning { Thread.detachNewThread(whileRunning) }
        if let seconds = interruptAfter {
            Thread.sleep(forTimeInterval: seconds)
            kill(process.processIdentifier, SIGINT)
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                      errors: String(decoding: errData, as: UTF8.self))
    }

    /// `nbrun` sits beside the test bundle in the build folder.
    static let executable: URL = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("nbrun")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue { return candidate }
        }
        return URL(fileURLWithPath: ".build/debug/nbrun")
    }()
}
