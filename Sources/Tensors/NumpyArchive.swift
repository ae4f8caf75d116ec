// Reading .npz archives (zip files of .npy entries): np.savez (stored) and
// np.savez_compressed (deflated) entries, zip64 records as NumPy writes them.
import Foundation

/// The arrays of the .npz archive at `path`, by name (`"x"` for the entry `x.npy`).
public func loadNumpyArchive(_ path: String) throws -> [String: Tensor] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw TensorError("loadNumpyArchive: cannot read \(path)")
    }
    return try NumpyArchive.decode([UInt8](data), name: path)
}

enum NumpyArchive {
    static func decode(_ bytes: [UInt8], name: String) throws -> [String: Tensor] {
        func fail(_ why: String) -> TensorError { TensorError("loadNumpyArchive: \(name): \(why)") }
        func u16(_ at: Int) throws -> Int {
            guard at >= 0, at + 2 <= bytes.count else { throw fail("truncated archive") }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) throws -> Int { try u16(at) | u16(at + 2) << 16 }
        func u64(_ at: Int) throws -> Int { try u32(at) | u32(at + 4) << 32 }

        // End of central directory: the last signature 0x06054b50 (a comment may follow it).
        var eocd = -1
        var i = bytes.count - 22
        while i >= Swift.max(0, bytes.count - 22 - 65535) {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw fail("not a zip archive (no end of central directory; truncated?)") }
        var entries = try u16(eocd + 10)
        var directory = try u32(eocd + 16)
        if entries == 0xFFFF || directory == 0xFFFF_FFFF {
            // Zip64: the locator sits just before the end record.
            let locator = eocd - 20
            guard try u32(locator) == 0x0706_4B50 else { throw fail("zip64 locator missing") }
            let record = try u64(locator + 8)
            guard try u32(record) == 0x0606_4B50 else { throw fail("zip64 end record missing") }
            entries = try u64(record + 32)
            directory = try u64(record + 48)
        }
        var result: [String: Tensor] = [:]
        var p = directory
        for _ in 0..<entries {
            guard try u32(p) == 0x0201_4B50 else { throw fail("corrupt central directory") }
            let method = try u16(p + 10)
            let crc = UInt32(try u32(p + 16))
            var compressed = try u32(p + 20)
            var size = try u32(p + 24)
            let nameLength = try u16(p + 28), extraLength = try u16(p + 30), commentLength = try u16(p + 32)
            var local = try u32(p + 42)
            guard p + 46 + nameLength <= bytes.count else { throw fail("truncated archive") }
            let entryName = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            // Zip64 extra field: the 64-bit values of the fields set to 0xFFFFFFFF, in order.
            var e = p + 46 + nameLength
            let extraEnd = e + extraLength
            while e + 4 <= extraEnd {
                let id = try u16(e), len = try u16(e + 2)
                if id == 1 {
                    var q = e + 4
                    if size == 0xFFFF_FFFF { size = try u64(q); q += 8 }
                    if compressed == 0xFFFF_FFFF { compressed = try u64(q); q += 8 }
                    if local == 0xFFFF_FFFF { local = try u64(q); q += 8 }
                }
                e += 4 + len
            }
            p = extraEnd + commentLength

            guard compressed >= 0, compressed <= bytes.count, size >= 0, size <= Int(Int32.max) * 4, local >= 0 else {
                throw fail("entry \(entryName) has impossible sizes (corrupt archive)")
            }
            // Checked before inflating: a small archive may claim gigabytes (a zip bomb).
            let arena = TensorArena.current
            guard size <= arena.limit - arena.liveBytes else {
                throw fail("entry \(entryName) holds \(TensorMemory.formatGiB(size)) uncompressed, over the "
                    + "\(TensorMemory.formatGiB(arena.limit)) memory limit (--memory-limit) with \(TensorMemory.formatGiB(arena.liveBytes)) in use")
            }
            guard try u32(local) == 0x0403_4B50 else { throw fail("corrupt local header for \(entryName)") }
            let start = local + 30 + (try u16(local + 26)) + (try u16(local + 28))
            guard start + compressed <= bytes.count else { throw fail("entry \(entryName) is truncated") }
            let raw = Array(bytes[start..<(start + compressed)])
            let content: [UInt8]
            switch method {
            case 0: content = raw
            case 8:
                do { content = try Inflater.inflate(raw, expectedSize: size, limit: size) } catch let error as InflateError {
                    throw fail("entry \(entryName): \(error.message)")
                }
            default: throw fail("entry \(entryName) uses zip compression method \(method) (stored and deflated are read)")
            }
            guard content.count == size, CRC32.checksum(content) == crc else {
                throw fail("entry \(entryName) is corrupt (size or checksum differs)")
            }
            let key = entryName.hasSuffix(".npy") ? String(entryName.dropLast(4)) : entryName
            result[key] = try NumpyFile.decode(Data(content), name: "\(name)[\(key)]")
        }
        return result
    }
}

enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
