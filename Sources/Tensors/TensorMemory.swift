// The process-wide accountant of live tensor storage, and the buffer it accounts for.
import Foundation

/// Counts the bytes of every live tensor buffer. An allocation that would take the total past
/// `limit` throws instead, naming the shape, so an oversized tensor in a cell is an error
/// rather than the machine swapping or the process being killed.
public enum TensorMemory {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var _limit: Int = 4 << 30
    nonisolated(unsafe) private static var _live: Int = 0

    /// The most bytes of tensor storage alive at once (default 4 GiB).
    public static var limit: Int {
        get { lock.lock(); defer { lock.unlock() }; return _limit }
        set { lock.lock(); _limit = newValue; lock.unlock() }
    }

    /// Bytes of tensor storage alive now.
    public static var liveBytes: Int {
        lock.lock(); defer { lock.unlock() }
        return _live
    }

    static func reserve(_ bytes: Int, shape: [Int], dtype: DType) throws {
        lock.lock()
        defer { lock.unlock() }
        guard bytes <= _limit - _live else {
            throw TensorError("cannot allocate \(TensorShape(shape)) \(dtype): "
                + "\(formatGiB(bytes)) is over the \(formatGiB(_limit)) tensor memory limit")
        }
        _live += bytes
    }

    static func release(_ bytes: Int) {
        lock.lock()
        _live -= bytes
        lock.unlock()
    }

    static func formatGiB(_ bytes: Int) -> String {
        let gib = Double(bytes) / Double(1 << 30)
        return String(format: "%.1f GiB", gib)
    }
}

/// Contiguous, row-major storage of a concrete tensor's elements (4 bytes each).
/// Shared between tensor values; copied before mutation when shared (copy on write).
final class TensorBuffer {
    let count: Int
    let raw: UnsafeMutableRawPointer

    /// Allocates `count` uninitialised 4-byte elements, accounted against `TensorMemory.limit`.
    init(count: Int, shape: [Int], dtype: DType) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: 4)
        if overflow {
            throw TensorError("cannot allocate \(TensorShape(shape)) \(dtype): too many elements")
        }
        try TensorMemory.reserve(bytes, shape: shape, dtype: dtype)
        self.count = count
        self.raw = UnsafeMutableRawPointer.allocate(byteCount: max(bytes, 4), alignment: 64)
        switch dtype {
        case .float32: raw.bindMemory(to: Float.self, capacity: max(count, 1))
        case .int32: raw.bindMemory(to: Int32.self, capacity: max(count, 1))
        }
    }

    deinit {
        raw.deallocate()
        TensorMemory.release(count * 4)
    }

    var floats: UnsafeMutablePointer<Float> { raw.assumingMemoryBound(to: Float.self) }
    var ints: UnsafeMutablePointer<Int32> { raw.assumingMemoryBound(to: Int32.self) }
}
