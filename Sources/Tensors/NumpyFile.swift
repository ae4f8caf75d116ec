// Reading NumPy's .npy format (version 1, 2 and 3 headers): float32, float64 (converted to
// float32), int32 and int64 (converted to int32, an error if a value does not fit), either
// byte order, C order. Fortran order, object (pickled) arrays and truncated files are errors.
import Foundation

extension Tensor {
    /// The array in the .npy file at `path` (the caller sandboxes the path).
    public init(numpyFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TensorError("numpyFile: cannot read \(path)")
        }
        self = try NumpyFile.decode(data, name: path)
    }

    /// The array in .npy bytes.
    public init(numpyData data: Data, name: String = "array") throws {
        self = try NumpyFile.decode(data, name: name)
    }
}

enum NumpyFile {
    static func decode(_ data: Data, name: String) throws -> Tensor {
        let bytes = [UInt8](data)
        func fail(_ why: String) -> TensorError { TensorError("numpyFile: \(name): \(why)") }
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]   // \x93NUMPY
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw fail("not a .npy file (bad magic)") }
        let major = bytes[6]
        let headerLength: Int, headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw fail("truncated header") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw fail("unsupported .npy version \(major)")
        }
        guard bytes.count >= headerStart + headerLength else { throw fail("truncated header") }
        guard let header = String(bytes: bytes[headerStart..<(headerStart + headerLength)], encoding: major == 3 ? .utf8 : .isoLatin1) else {
            throw fail("unreadable header")
        }
        let h = try parseHeader(header, fail: fail)
        if h.fortranOrder { throw fail("Fortran-order arrays are not supported (save with np.ascontiguousarray)") }
        let descr = h.descr
        if descr.contains("O") { throw fail("object arrays (pickled Python objects) are not supported") }
        guard descr.count >= 3 else { throw fail("unsupported dtype '\(descr)'") }
        let order = descr.first!
        let kind = descr.dropFirst().first!
        let size = Int(descr.dropFirst(2)) ?? 0
        let bigEndian = order == ">"
        guard order == "<" || order == ">" || order == "|" || order == "=" else { throw fail("unsupported dtype '\(descr)'") }
        let count = try Tensor.elementCount(h.shape, dtype: .float32)
        let start = headerStart + headerLength
        guard (kind == "f" && (size == 4 || size == 8)) || (kind == "i" && (size == 4 || size == 8)) else {
            throw fail("unsupported dtype '\(descr)' (float32, float64, int32 and int64 are read)")
        }
        let (needed, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow, bytes.count - start >= needed else {
            throw fail("truncated data: shape \(TensorShape(h.shape)) needs \(needed) bytes, the file has \(bytes.count - start)")
        }
        return try bytes.withUnsafeBytes { raw -> Tensor in
            let base = raw.baseAddress! + start
            func word32(_ i: Int) -> UInt32 {
                let v = base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)
                return bigEndian ? v.byteSwapped : v
            }
            func word64(_ i: Int) -> UInt64 {
                let v = base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                return bigEndian ? v.byteSwapped : v
            }
            switch (kind, size) {
            case ("f", 4): return try Tensor.float32(h.shape) { p, n in for i in 0..<n { p[i] = Float(bitPattern: word32(i)) } }
            case ("f", 8): return try Tensor.float32(h.shape) { p, n in for i in 0..<n { p[i] = Float(Double(bitPattern: word64(i))) } }
            case ("i", 4): return try Tensor.int32(h.shape) { p, n in for i in 0..<n { p[i] = Int32(bitPattern: word32(i)) } }
            default:
                return try Tensor.int32(h.shape) { p, n in
                    for i in 0..<n {
                        let v = Int64(bitPattern: word64(i))
                        guard let w = Int32(exactly: v) else {
                            throw fail("int64 value \(v) at index \(i) does not fit in int32")
                        }
                        p[i] = w
                    }
                }
            }
        }
    }

    struct Header { var descr: String; var fortranOrder: Bool; var shape: [Int] }

    /// Parses the Python dict literal of the header:
    /// `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`.
    static func parseHeader(_ text: String, fail: (String) -> TensorError) throws -> Header {
        func value(_ key: String) -> Substring? {
            guard let k = text.range(of: "'\(key)'") ?? text.range(of: "\"\(key)\"") else { return nil }
            var rest = text[k.upperBound...].drop(while: { $0 == " " })
            guard rest.first == ":" else { return nil }
            rest = rest.dropFirst().drop(while: { $0 == " " })
            return rest
        }
        guard let d = value("descr"), let q = d.first, q == "'" || q == "\"" else {
            if value("descr")?.first == "[" { throw fail("structured dtypes are not supported") }
            throw fail("header has no 'descr'")
        }
        let descr = String(d.dropFirst().prefix(while: { $0 != q }))
        guard let f = value("fortran_order") else { throw fail("header has no 'fortran_order'") }
        let fortran = f.hasPrefix("True")
        guard let s = value("shape"), s.first == "(", let close = s.firstIndex(of: ")") else {
            throw fail("header has no 'shape'")
        }
        let inner = s[s.index(after: s.startIndex)..<close]
        var shape: [Int] = []
        for part in inner.split(separator: ",") {
            let t = part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "L", with: "")
            if t.isEmpty { continue }
            guard let v = Int(t), v >= 0 else { throw fail("bad shape \(inner)") }
            shape.append(v)
        }
        return Header(descr: descr, fortranOrder: fortran, shape: shape)
    }
}
