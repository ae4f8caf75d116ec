// Splitting large elementwise work over the machine's cores.
import Foundation

enum Parallel {
    /// Below this much work (elements times their rough cost), work runs on the calling thread.
    /// High on purpose: after a matmul, OpenBLAS's worker threads spin for a while and a split
    /// would wait on them (measured on 2 cores: 1M-element ops 10-20x slower right after a
    /// matmul), so only work of several milliseconds is split.
    nonisolated(unsafe) static var threshold = 1 << 23    // tests lower it to exercise the split
    /// Threads used: the active cores, or NBRUN_TENSOR_THREADS when set (1 turns splitting off).
    static let cores: Int = {
        if let v = ProcessInfo.processInfo.environment["NBRUN_TENSOR_THREADS"], let n = Int(v), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Calls `body` on disjoint chunks covering `0..<count`, concurrently when `count` (times
    /// `costPerElement`, a rough weight: 1 for an add, ~8 for an exp) is large.
    @inline(__always)
    static func chunks(_ count: Int, costPerElement: Int = 1, _ body: (Range<Int>) -> Void) {
        let work = count * costPerElement
        let parts = work < threshold || cores == 1 ? 1 : min(count, cores, max(1, work / threshold))
        if parts == 1 {
            body(0..<count)
            return
        }
        let size = (count + parts - 1) / parts
        DispatchQueue.concurrentPerform(iterations: parts) { i in
            let lo = i * size
            let hi = min(count, lo + size)
            if lo < hi { body(lo..<hi) }
        }
    }
}

/// Runs `a` and `b` at the same time, one thread each (when there are two cores or more and
/// NBRUN_TENSOR_THREADS allows), with BLAS single-threaded meanwhile and the caller's tensor
/// arena current on both threads; returns both results, or throws the first one's error.
/// For independent halves of one operation (the two directions of a bidirectional layer): each
/// computes what it would alone, so the results do not depend on whether they overlapped.
public func concurrently<A, B>(_ a: () throws -> A, _ b: () throws -> B) throws -> (A, B) {
    if Parallel.cores == 1 { return (try a(), try b()) }
    let arena = TensorArena.current
    var (ra, rb): (Result<A, Error>?, Result<B, Error>?) = (nil, nil)
    BLAS.withoutThreads {
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            arena.makeCurrent {
                if i == 0 { ra = Result(catching: a) } else { rb = Result(catching: b) }
            }
        }
    }
    return (try ra!.get(), try rb!.get())
}
