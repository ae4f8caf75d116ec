// The interpreter benchmark (issue 4): the same programs run by CPython and by nbrun's
// interpreter in one run, with the ratio; plus the wall time of `nbrun` on a notebook with one
// empty cell. Run it with benchmarks/interpreter.sh. Target: nbrun at least as fast as CPython.
//
//   InterpreterBench [--repeats N] [--python benchmarks/interpreter.py] [--nbrun .build/debug/nbrun]
//                    [--only fib|loop|dictionary]   (one program, e.g. under `perf record`)
import Foundation
import Interpreter
import Reports

/// One program: an untimed setup cell, then the timed cell, whose result is checked against
/// CPython's. The CPython versions are in benchmarks/interpreter.py, under the same names.
struct Program {
    var name: String
    var label: String
    var setup: String?
    var code: String
}

let programs = [
    Program(name: "fib", label: "recursive fib(27)", setup: nil, code: """
        func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
        fib(27)
        """),
    Program(name: "loop", label: "10M-iteration Int sum loop", setup: nil, code: """
        var total = 0
        for i in 0..<10_000_000 { total += i }
        total
        """),
    Program(name: "dictionary", label: "100,000-word dictionary", setup: """
        let text = (0..<100_000).map { "word\\($0)" }.joined(separator: " ")
        """, code: """
        var counts: [String: Int] = [:]
        for w in text.split(separator: " ") { counts[String(w), default: 0] += 1 }
        counts.count
        """),
]

/// What one side measured: the best time, and the result (or the error that stopped it).
struct Measure {
    var seconds: Double?
    var result: String
}

func arguments() -> (repeats: Int, python: String, nbrun: String, only: String?) {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var repeats = 3
    var python = root.appendingPathComponent("benchmarks/interpreter.py").path
    var nbrun = root.appendingPathComponent(".build/debug/nbrun").path
    var only: String? = nil
    var args = CommandLine.arguments.dropFirst()
    while let flag = args.popFirst() {
        guard let value = args.popFirst() else { break }
        switch flag {
        case "--repeats": repeats = max(1, Int(value) ?? 3)
        case "--python": python = value
        case "--nbrun": nbrun = value
        case "--only": only = value
        default: FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8)); exit(2)
        }
    }
    return (repeats, python, nbrun, only)
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Runs the program in a fresh session `repeats` times; the best wall time of the timed cell
/// (parse, resolve and run, as for any cell).
func measureNbrun(_ program: Program, repeats: Int) -> Measure {
    var best = Double.infinity
    var result = ""
    for _ in 0..<repeats {
        let session = Session(options: SessionOptions(seed: 0))
        if let setup = program.setup {
            let r = session.run(CellSource(code: setup, file: "\(program.name).md", line: 1, timeout: 60))
            if r.status != .succeeded { return Measure(seconds: nil, result: "setup failed: \(describe(r))") }
        }
        var run = CellResult(status: .failed)
        let time = seconds {
            run = session.run(CellSource(code: program.code, file: "\(program.name).md", line: 3, timeout: 60))
        }
        if run.status != .succeeded { return Measure(seconds: nil, result: "failed: \(describe(run))") }
        best = min(best, time)
        result = run.result?.plainText ?? "(no result)"
    }
    return Measure(seconds: best, result: result)
}

func describe(_ r: CellResult) -> String {
    r.errors.first.map { "\($0.location.map { "\($0): " } ?? "")\($0.message)" } ?? r.status.rawValue
}

/// Runs a command; its exit status and stdout (nil when it cannot be started).
func run(_ executable: String, _ args: [String]) -> (Int32, String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = args
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// CPython's measures, by program name.
func measurePython(script: String, repeats: Int) -> [String: Measure] {
    guard let (status, text) = run("/usr/bin/env", ["python3", script, String(repeats)]), status == 0 else {
        return [:]
    }
    var out: [String: Measure] = [:]
    for line in text.split(separator: "\n") {
        let f = line.split(separator: " ", maxSplits: 2).map(String.init)
        if f.count == 3 { out[f[0]] = Measure(seconds: Double(f[1]), result: f[2]) }
    }
    return out
}

/// Best wall time of `nbrun` on a notebook with one empty cell, or why there is none.
func measureEmptyNotebook(nbrun: String, repeats: Int) -> (Double?, String) {
    guard FileManager.default.isExecutableFile(atPath: nbrun) else {
        return (nil, "skipped: \(nbrun) not built (swift build --product nbrun)")
    }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nbrun-bench-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let notebook = dir.appendingPathComponent("empty.md")
    try? "# Empty\n\n```swift\n```\n".write(to: notebook, atomically: true, encoding: .utf8)
    let output = dir.appendingPathComponent("out")
    var best = Double.infinity
    var status: Int32 = 0
    for _ in 0..<max(repeats, 5) {
        let time = seconds { status = spawnAndWait(nbrun, ["-q", "-o", output.path, notebook.path]) }
        best = min(best, time)
    }
    let wrote = (try? FileManager.default.contentsOfDirectory(atPath: output.path))?.isEmpty == false
    let note = status == 0 ? "exit 0" : "exit status \(status)"
    return (best, wrote ? note : note + ", but it wrote no page: not a real run (runner not built yet?)")
}

/// Runs a command with posix_spawn and waits for it: its exit status (-1 if it could not start).
/// (Foundation's Process adds tens of milliseconds of its own, too much for a 50 ms target.)
func spawnAndWait(_ executable: String, _ args: [String]) -> Int32 {
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + args).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
}

func format(_ s: Double?) -> String { s.map { String(format: "%.4f s", $0) } ?? "-" }

func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }

let (repeats, pythonScript, nbrunPath, only) = arguments()
if let only, !programs.contains(where: { $0.name == only }) {
    FileHandle.standardError.write(Data("InterpreterBench: no program '\(only)'; the programs: \(programs.map(\.name).joined(separator: ", "))\n".utf8))
    exit(2)
}
let python = measurePython(script: pythonScript, repeats: repeats)
if python.isEmpty { print("warning: python3 \(pythonScript) did not run; no reference times") }

print("Interpreter benchmark: best of \(repeats), nbrun's interpreter vs CPython (\(pythonVersion()))")
let widths = [28, 12, 12, 10, 22]
print(zip(["program", "CPython", "nbrun", "speed", "result (nbrun / CPython)"], widths).map { pad($0, $1) }.joined(separator: " "))
var allFast = true
for program in programs where only == nil || only == program.name {
    let ours = measureNbrun(program, repeats: repeats)
    let theirs = python[program.name]
    var speed = "-"
    if let a = theirs?.seconds, let b = ours.seconds, b > 0 {
        speed = String(format: "%.2fx", a / b)
        if a / b < 1 { allFast = false }
    } else {
        allFast = false
    }
    let same = ours.result == theirs?.result ? "" : "  MISMATCH"
    print(zip([program.label, format(theirs?.seconds), format(ours.seconds), speed,
               "\(ours.result) / \(theirs?.result ?? "-")\(same)"], widths).map { pad($0, $1) }.joined(separator: " "))
}
let (empty, note) = measureEmptyNotebook(nbrun: nbrunPath, repeats: repeats)
print(pad("nbrun, one empty cell (wall)", widths[0]) + " " + pad("-", widths[1]) + " " + pad(format(empty), widths[2])
      + " " + pad(empty.map { $0 < 0.05 ? "< 50 ms" : ">= 50 ms" } ?? "-", widths[3]) + " " + note)
print("speed = CPython time / nbrun time (target >= 1.00x on each program); empty-cell target < 50 ms in a release build.")
print(allFast ? "target met on every program" : "target NOT met on every program")

func pythonVersion() -> String {
    guard let (_, out) = run("/usr/bin/env", ["python3", "-c", "import sys; print(sys.version.split()[0])"]) else {
        return "python3"
    }
    return "CPython " + out.trimmingCharacters(in: .whitespacesAndNewlines)
}
