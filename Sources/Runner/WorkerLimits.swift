import Foundation

/// `--memory-limit` bounds the whole worker, not only its tensors (tensors have the same limit,
/// checked at each allocation, with an error naming the shape). Two guards:
/// - the parent's watchdog reads the worker's resident memory every 50 ms and stops a worker
///   over the limit; its cell fails with "the notebook used more than 4.0 GiB";
/// - the worker's data segment is capped by the kernel (`RLIMIT_DATA`, at the limit plus room
///   for the runtime), so an allocation too fast for the watchdog fails inside the worker.
/// Either way only that notebook fails; the run goes on with the others.
public enum WorkerLimits {
    /// Room above the limit for what is not the notebook's own: the kernel counts address space
    /// reserved, not used, and the interpreter's two threads reserve 1 GiB of stack each (for
    /// deep recursion), plus the runtime, swift-syntax and OpenBLAS's buffers. The watchdog,
    /// which reads memory actually used, is the one that acts at the limit itself.
    static let kernelSlack = 3 << 30

    /// The default `--memory-limit`: the machine's memory shared among the notebooks that run
    /// at once, three quarters of it in all (the rest for nbrun, the system and the pages).
    public static func defaultMemoryLimit(jobs: Int) -> Int {
        let physical = Double(ProcessInfo.processInfo.physicalMemory)
        let share = physical * 0.75 / Double(max(1, jobs))
        return max(256 << 20, Int(min(share, Double(Int.max / 2))))
    }

    /// Applied by the worker to itself, first thing.
    static func apply(memoryLimit: Int) {
        let (sum, overflow) = memoryLimit.addingReportingOverflow(kernelSlack)
        guard !overflow else { return }
        var limit = rlimit(rlim_cur: rlim_t(sum), rlim_max: rlim_t(sum))
        #if os(Linux)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limit)
        #else
        _ = setrlimit(RLIMIT_DATA, &limit)
        #endif
    }

    /// A process's resident memory in bytes (Linux: `/proc/PID/statm`); nil where unknown.
    static func residentBytes(of pid: pid_t) -> Int? {
        #if os(Linux)
        let fd = open("/proc/\(pid)/statm", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = read(fd, &buffer, buffer.count)
        guard n > 0 else { return nil }
        let fields = String(decoding: buffer[0..<n], as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return nil
        #endif
    }

    /// `4.0 GiB`, `512 MiB`.
    static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 30 ? String(format: "%.1f GiB", Double(bytes) / Double(1 << 30))
            : bytes >= 1 << 20 ? String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) : "\(bytes) bytes"
    }
}
