// Splitting large elementwise work over the machine's cores.
import Foundation

enum Parallel {
    /// Below this many elements, work runs on the calling thread: dispatch costs more than it saves.
    static let threshold = 1 << 15
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Calls `body` on disjoint chunks covering `0..<count`, concurrently when `count` (times
    /// `costPerElement`, a rough weight: 1 for an add, ~8 for an exp) is large.
    @inline(__always)
    static func chunks(_ count: Int, costPerElement: Int = 1, _ body: (Range<Int>) -> Void) {
        let work = count * costPerElement
        let parts = work < threshold ? 1 : min(cores, max(1, work / threshold))
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
