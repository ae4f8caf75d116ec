import Foundation
import Testing
@testable import Runner

/// What a worker process is started with: the parent's environment plus OpenBLAS's settings.
@Suite struct WorkerEnvironmentTests {
    let cores = ProcessInfo.processInfo.activeProcessorCount

    @Test func workersShareTheCoresAndOpenBLASThreadsDoNotSpin() {
        let alone = WorkerPool(executable: "nbrun", parallelism: 1).workerEnvironment(["HOME": "/home/a"])
        #expect(alone["HOME"] == "/home/a")
        #expect(alone["OPENBLAS_NUM_THREADS"] == String(cores))
        #expect(alone["NBRUN_TENSOR_THREADS"] == String(cores))
        #expect(alone["OPENBLAS_THREAD_TIMEOUT"] == "4")
        // Four notebooks at once share the cores (at least one thread each).
        let shared = WorkerPool(executable: "nbrun", parallelism: 4).workerEnvironment([:])
        #expect(shared["OPENBLAS_NUM_THREADS"] == String(max(1, cores / 4)))
        #expect(shared["NBRUN_TENSOR_THREADS"] == String(max(1, cores / 4)))
    }

    @Test func theUsersOwnSettingsWin() {
        let env = WorkerPool(executable: "nbrun", parallelism: 1).workerEnvironment(
            ["OPENBLAS_NUM_THREADS": "3", "OPENBLAS_THREAD_TIMEOUT": "28", "NBRUN_TENSOR_THREADS": "1"])
        #expect(env["OPENBLAS_NUM_THREADS"] == "3")
        #expect(env["OPENBLAS_THREAD_TIMEOUT"] == "28")
        #expect(env["NBRUN_TENSOR_THREADS"] == "1")
        let omp = WorkerPool(executable: "nbrun", parallelism: 1).workerEnvironment(["OMP_NUM_THREADS": "1"])
        #expect(omp["OPENBLAS_NUM_THREADS"] == nil, "OpenBLAS reads OMP_NUM_THREADS itself")
    }

    /// One OpenBLAS kernel on every x86-64 machine with AVX2, so trained numbers agree across
    /// machines; never on a CPU that could not run it; the user's choice wins.
    @Test func oneBLASKernelOnEveryX86Machine() throws {
        let env = WorkerPool(executable: "nbrun", parallelism: 1).workerEnvironment([:])
        #if os(Linux) && arch(x86_64)
        let info = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = info.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        let words = Set(flags.split(separator: " "))
        #expect(env["OPENBLAS_CORETYPE"] == (words.contains("avx2") && words.contains("fma") ? "Haswell" : nil))
        #else
        #expect(env["OPENBLAS_CORETYPE"] == nil)
        #endif
        let chosen = WorkerPool(executable: "nbrun", parallelism: 1).workerEnvironment(["OPENBLAS_CORETYPE": "SkylakeX"])
        #expect(chosen["OPENBLAS_CORETYPE"] == "SkylakeX")
    }
}
