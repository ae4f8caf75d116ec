// Tensor memory arenas (live storage against a limit), and the buffer they account for.
import Foundation

/// An account of live tensor storage with a limit: an allocation that would take the total past
/// `limit` throws instead, naming the shape, so an oversized tensor in a cell is an error rather
/// than the machine swapping or the process being killed.
///
/// Each notebook session has its own arena (`--memory-limit`, default 4 GiB) and makes it current
/// on the thread that runs its cells; allocations elsewhere go to `TensorArena.process`. A buffer
/// is given back to the arena it was taken from, on whatever thread it is freed.
public final class TensorArena: @unchecked Sendable {
    private let lock = NSLock()
    private var _limit: Int
    private var _live = 0

    public init(limit: Int = 4 << 30) {
        _limit = limit
    }

    /// The arena of allocations made outside any session.
    public static let process = TensorArena()

    /// The most bytes of tensor storage alive at once.
    public var limit: Int {
        get { lock.withLock { _limit } }
        set { lock.withLock { _limit = newValue } }
    }

    /// Bytes of tensor storage alive now.
    public var liveBytes: Int { lock.withLock { _live } }

    /// The arena allocations on this thread are charged to.
    public static var current: TensorArena {
        guard let pointer = pthread_getspecific(currentKey) else { return process }
        return Unmanaged<TensorArena>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Runs `body` with this arena current on this thread.
    public func makeCurrent<T>(_ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(Self.currentKey)
        pthread_setspecific(Self.currentKey, Unmanaged.passUnretained(self).toOpaque())
        defer { pthread_setspecific(Self.currentKey, previous) }
        return try withExtendedLifetime(self) { try body() }
    }

    private static let currentKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    func reserve(_ bytes: Int, shape: [Int], dtype: DType) throws {
        lock.lock()
        defer { lock.unlock() }
        guard bytes <= _limit - _live else {
            throw TensorError("cannot allocate \(TensorShape(shape)) \(dtype): "
                + "\(TensorMemory.formatGiB(bytes)) is over the \(TensorMemory.formatGiB(_limit)) tensor memory limit")
        }
        _live += bytes
    }

    func release(_ bytes: Int) {
        lock.withLock { _live -= bytes }
    }
}

/// The current arena's limit and use (see `TensorArena`).
public enum TensorMemory {
    /// The most bytes of tensor storage alive at once in the current arena (default 4 GiB).
    public static var limit: Int {
        get { TensorArena.current.limit }
        set { TensorArena.current.limit = newValue }
    }

    /// Bytes of tensor storage alive now in the current arena.
    public static var liveBytes: Int { TensorArena.current.liveBytes }

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
    /// The arena this buffer's bytes are charged to.
    let arena: TensorArena

    /// Allocates `count` uninitialised 4-byte elements, accounted against `TensorMemory.limit`.
    init(count: Int, shape: [Int], dtype: DType) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: 4)
        if overflow {
            throw TensorError("cannot allocate \(TensorShape(shape)) \(dtype): too many elements")
        }
        arena = TensorArena.current
        try arena.reserve(bytes, shape: shape, dtype: dtype)
        self.count = count
        self.raw = UnsafeMutableRawPointer.allocate(byteCount: max(bytes, 4), alignment: 64)
        switch dtype {
        case .float32: raw.bindMemory(to: Float.self, capacity: max(count, 1))
        case .int32: raw.bindMemory(to: Int32.self, capacity: max(count, 1))
        }
    }

    deinit {
        raw.deallocate()
        arena.release(count * 4)
    }

    var floats: UnsafeMutablePointer<Float> { raw.assumingMemoryBound(to: Float.self) }
    var ints: UnsafeMutablePointer<Int32> { raw.assumingMemoryBound(to: Int32.self) }
}
