#if canImport(Glibc)
import Glibc
#endif

/// How the process's allocator treats large blocks, set once when the first session starts.
///
/// glibc gives every freed block above its mmap threshold (128 KB, growing to at most 32 MB)
/// straight back to the kernel and trims the heap eagerly, so a cell that grows a big array or
/// dictionary (every doubling allocates anew) takes a page fault on each page of each new block:
/// ~20% of the time of counting 100,000 words. Keeping freed memory in the process lets the next
/// growth reuse it. Tensor memory has its own arena and limit (`TensorArena`); a notebook's worker
/// process is short-lived, so the memory kept is returned when it exits.
enum MemoryTuning {
    static let applied: Bool = {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which Swift's Glibc module does not import.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let mmapThreshold: Int32 = -3, trimThreshold: Int32 = -1   // M_MMAP_THRESHOLD, M_TRIM_THRESHOLD
        return mallopt(mmapThreshold, 32 << 20) == 1 && mallopt(trimThreshold, 512 << 20) == 1
        #else
        return false
        #endif
    }()
}
