import Testing
@testable import Runner

/// The worker's command line: what the pool writes is what nbrun's main reads back.
@Suite struct WorkerInvocationTests {
    @Test func thePoolsArgumentsReadBackTheSame() {
        let full = WorkerInvocation(path: "notebooks/a b.md", seed: -3, memoryLimit: 512 << 20, unsafeHTML: true)
        #expect(WorkerInvocation(arguments: full.arguments) == full)
        let plain = WorkerInvocation(path: "n.md", seed: nil, memoryLimit: 4 << 30, unsafeHTML: false)
        #expect(plain.arguments == ["--worker", "n.md", "--memory-limit", String(4 << 30)])
        #expect(WorkerInvocation(arguments: plain.arguments) == plain)
        // The runner benchmark starts a worker with the path alone: defaults apply.
        #expect(WorkerInvocation(arguments: ["--worker", "empty.md"]) == plain.with(path: "empty.md"))
    }

    @Test func anythingElseIsNotAWorkersCommandLine() {
        #expect(WorkerInvocation(arguments: ["notebooks/a.md"]) == nil)
        #expect(WorkerInvocation(arguments: ["--worker"]) == nil)
        #expect(WorkerInvocation(arguments: ["--worker", "a.md", "--seed"]) == nil)
        #expect(WorkerInvocation(arguments: ["--worker", "a.md", "--seed", "x"]) == nil)
        #expect(WorkerInvocation(arguments: ["--worker", "a.md", "--memory-limit", "4G"]) == nil)
        #expect(WorkerInvocation(arguments: ["--worker", "a.md", "--jobs", "2"]) == nil)
    }
}

extension WorkerInvocation {
    func with(path: String) -> WorkerInvocation {
        var copy = self
        copy.path = path
        return copy
    }
}
