import Foundation
import Reports

/// Turns a notebook file's bytes into text: UTF-8 only, a byte-order mark skipped, CRLF and lone
/// CR made LF (so line numbers are the ones an editor shows).
enum TextDecoding {
    static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let offset = firstInvalidUTF8(in: body) {
            let line = body[body.startIndex..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return .failure(Diagnostic(
                "invalid UTF-8 at byte offset \(offset) (line \(line)): save the notebook as UTF-8",
                at: SourceLocation(file: path, line: line, column: 1), kind: "encoding"))
        }
        var text = String(decoding: body, as: UTF8.self)
        if text.utf8.contains(13) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(text)
    }

    /// The offset (into the original file) of the first byte that is not valid UTF-8.
    private static func firstInvalidUTF8(in bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.endIndex else { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            let second = bytes[i + 1]
            // Overlong forms, surrogates and code points past U+10FFFF.
            if (b == 0xE0 && second < 0xA0) || (b == 0xED && second > 0x9F)
                || (b == 0xF0 && second < 0x90) || (b == 0xF4 && second > 0x8F) { return i }
            i += length
        }
        return nil
    }
}
