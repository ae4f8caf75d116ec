/// Control characters shown as Swift escapes (`\u{1B}`), so that text from a notebook (a cell's
/// output, an error message, a source line, a path) can neither drive a terminal (ESC sequences
/// retitle or clear it, BEL rings) nor sit raw in a snapshot. Line feeds and tabs stay as they are.
public enum ControlCharacters {
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 controls but line feed and tab, DEL, and C1 controls (U+0080–U+009F, which some
    /// terminals read as ESC sequences too).
    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\n" && s != "\t") || (s.value >= 0x7F && s.value <= 0x9F)
    }
}
