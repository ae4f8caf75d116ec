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
}
