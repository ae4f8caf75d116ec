// The runner benchmark (issue: snapshots and a runner made for CI): 100 small notebooks with
// -j 2 against -j 1 (the scaling ratio), and the per-notebook overhead of a worker process.
//   RunnerBench --nbrun .build/debug/nbrun [--notebooks 100] [--repeats 3]
import Foundation

var nbrun = ".build/debug/nbrun"
var count = 100
var repeats = 3
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let a = arguments.next() {
    switch a {
    case "--nbrun": nbrun = arguments.next() ?? nbrun
    case "--notebooks": count = Int(arguments.next() ?? "") ?? count
    case "--repeats": repeats = Int(arguments.next() ?? "") ?? repeats
    default: FileHandle.standardError.write(Data("usage: RunnerBench --nbrun PATH [--notebooks N] [--repeats N]\n".utf8)); exit(2)
    }
}
nbrun = URL(fileURLWithPath: nbrun).standardizedFileURL.path

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nbrun-runner-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder.appendingPathComponent("course"), withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
for i in 0..<count {
    let text = """
        # Notebook \(i)

        ```swift id=numbers
        let numbers = (1...50).map { $0 * \(i + 1) }
        print(numbers.reduce(0) { $0 + $1 })
        ```

        ```swift id=words
        let words = "the quick brown fox jumps over the lazy dog".split(separator: " ")
        print(words.count, words.sorted().first!)
        ```

        ```swift id=fib
        func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
        fib(15)
        ```
        """
    try text.write(to: folder.appendingPathComponent("course/nb\(String(format: "%03d", i)).md"), atomically: true, encoding: .utf8)
}
try "```swift\n```\n".write(to: folder.appendingPathComponent("empty.md"), atomically: true, encoding: .utf8)

/// Runs nbrun with `args` in the benchmark folder; returns wall seconds.
func time(_ args: [String]) -> Double {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: nbrun)
    p.arguments = args
    p.currentDirectoryURL = folder
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    let start = Date()
    try! p.run()
    p.waitUntilExit()
    if p.terminationStatus != 0 { FileHandle.standardError.write(Data("nbrun \(args) exited \(p.terminationStatus)\n".utf8)) }
    return Date().timeIntervalSince(start)
}

func best(_ args: [String]) -> Double { (0..<repeats).map { _ in time(args) }.min()! }

_ = time(["-q", "-j", "2", "-o", "warm", "course"])  // first run writes snapshots and warms caches
let one = best(["-q", "-j", "1", "-o", "warm", "course"])
let two = best(["-q", "-j", "2", "-o", "warm", "course"])
let workerRuns = 30
let worker = (0..<workerRuns).map { _ in time(["--worker", "empty.md"]) }.sorted()[workerRuns / 2]
let whole = best(["-q", "-j", "1", "-o", "warm-empty", "empty.md"])

print("runner benchmark (\(count) notebooks of 3 cells, best of \(repeats); \(ProcessInfo.processInfo.activeProcessorCount) cores)")
print(String(format: "  -j 1                         %8.3f s   %6.1f ms per notebook", one, one * 1000 / Double(count)))
print(String(format: "  -j 2                         %8.3f s   %6.1f ms per notebook", two, two * 1000 / Double(count)))
print(String(format: "  scaling -j 1 / -j 2          %8.2fx  (ideal: 2x on 2 cores)", one / two))
print(String(format: "  worker process, empty cell   %8.1f ms  (median of %d; target < 30 ms)", worker * 1000, workerRuns))
print(String(format: "  nbrun on one empty notebook  %8.1f ms  (parse, worker, page, snapshot)", whole * 1000))
