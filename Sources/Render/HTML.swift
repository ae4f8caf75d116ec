import Foundation

/// Escaping for text placed in HTML. Every string that comes from a notebook or from a cell's
/// output goes through one of these before it reaches a page. The output is also valid XML
/// (no named entities other than XML's own), so tests can parse pages with an XML parser.
public enum HTML {
    /// Text content: `&`, `<`, `>` escaped.
    public static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 < 0x20 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                // Control characters are not allowed in XML 1.0 and mean nothing on a page.
                if scalar.value < 0x20 { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Attribute values (always written in double quotes): also `"` escaped.
    public static func escapeAttribute(_ s: String) -> String {
        escape(s).replacingOccurrences(of: "\"", with: "&quot;")
    }
}
