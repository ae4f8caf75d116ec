// Writing .npz archives as np.savez does: a zip of stored (uncompressed) .npy entries, version
// 1.0 headers padded to 64 bytes, written atomically (a temporary file renamed over the target).
import Foundation

/// Writes `arrays` (name, tensor) to the .npz file at `path`: entry `name.npy` each, so NumPy's
/// `np.load(path)[name]` reads them back. Readers see the old file or the new one, never half.
public func saveNumpyArchive(_ arrays: [(String, Tensor)], to path: String) throws {
    let bytes = try NumpyArchiveWriter.encode(arrays, name: path)
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
    guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else {
        throw TensorError("saveNumpyArchive: cannot write \(path) (is \(folder.path) a writable folder?)")
    }
    guard rename(temporary.path, path) == 0 else {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw TensorError("saveNumpyArchive: cannot write \(path): \(reason)")
    }
}

enum NumpyArchiveWriter {
    static func encode(_ arrays: [(String, Tensor)], name: String) throws -> [UInt8] {
        var seen = Set<String>()
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for (key, tensor) in arrays {
            guard !key.isEmpty, seen.insert(key).inserted else {
                throw TensorError("saveNumpyArchive: \(name): the name '\(key)' is empty or given twice")
            }
            guard !tensor.isSymbolic else {
                throw TensorError("saveNumpyArchive: \(name): \(key) is symbolic (shape \(tensor.shape)); only numbers can be saved")
            }
            let content = try npy(tensor)
            let entryName = Array((key + ".npy").utf8)
            let offset = out.count
            guard content.count < 0xFFFF_FFFF, offset < 0xFFFF_FFFF, entryName.count < 0xFFFF else {
                throw TensorError("saveNumpyArchive: \(name): \(key) is too large for a zip without zip64 (4 GB)")
            }
            let crc = CRC32.checksum(content)
            // Local header: version 2.0, no flags, stored, no time.
            out += u32(0x0403_4B50) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0x21)
            out += u32(crc) + u32(content.count) + u32(content.count) + u16(entryName.count) + u16(0)
            out += entryName + content
            directory += u32(0x0201_4B50) + u16(20) + u16(20) + u16(0) + u16(0) + u16(0) + u16(0x21)
            directory += u32(crc) + u32(content.count) + u32(content.count) + u16(entryName.count)
            directory += u16(0) + u16(0) + u16(0) + u16(0) + u32(0) + u32(offset) + entryName
        }
        let directoryOffset = out.count
        out += directory
        out += u32(0x0605_4B50) + u16(0) + u16(0) + u16(arrays.count) + u16(arrays.count)
        out += u32(directory.count) + u32(directoryOffset) + u16(0)
        return out
    }

    /// A .npy file (version 1.0, little-endian float32 or int32, C order).
    static func npy(_ t: Tensor) throws -> [UInt8] {
        let dimsText = t.dims.map(String.init)
        let shape = dimsText.count == 1 ? "(\(dimsText[0]),)" : "(" + dimsText.joined(separator: ", ") + ")"
        var header = "{'descr': '\(t.dtype == .float32 ? "<f4" : "<i4")', 'fortran_order': False, 'shape': \(shape), }"
        // NumPy pads with spaces so that magic + lengths + header is a multiple of 64, ending in \n.
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var out: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0] + u16(header.utf8.count) + Array(header.utf8)
        out.reserveCapacity(out.count + t.scalarCount * 4)
        switch t.dtype {
        case .float32: try t.withUnsafeFloats { for v in $0 { out += u32(Int(v.bitPattern)) } }
        case .int32: try t.withUnsafeInt32s { for v in $0 { out += u32(Int(UInt32(bitPattern: v))) } }
        }
        return out
    }

    private static func u16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    private static func u32<T: BinaryInteger>(_ v: T) -> [UInt8] {
        let x = UInt32(truncatingIfNeeded: v)
        return [UInt8(x & 0xFF), UInt8((x >> 8) & 0xFF), UInt8((x >> 16) & 0xFF), UInt8(x >> 24)]
    }
}
