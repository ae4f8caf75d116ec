// Shortest decimal digits of a float32, the building block of NumPy-style printing.
import Foundation

/// A finite float32 as decimal digits: value = ±0.d1 d2 d3 ... × 10^pointPosition, i.e. the
/// decimal point sits after `pointPosition` digits. `digits` are the shortest that read back as
/// the same float32 (what NumPy's Dragon4 "unique" mode gives, and Swift's `description`).
struct FloatDigits {
    var negative: Bool
    var digits: [UInt8]          // no leading or trailing zeros; empty for zero
    var pointPosition: Int

    init(_ x: Float) {
        negative = x.sign == .minus
        var text = Swift.abs(x).description    // e.g. "0.001", "1.2345e-05", "100.0"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...])!
            text = String(text[..<e])
        }
        let intPart = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Array(intPart[0].utf8).map { $0 - 48 }
        let frac = intPart.count > 1 ? Array(intPart[1].utf8).map { $0 - 48 } : []
        var all = whole + frac
        var point = whole.count + exponent
        while let f = all.first, f == 0 { all.removeFirst(); point -= 1 }
        while let l = all.last, l == 0 { all.removeLast() }
        if all.isEmpty { point = 0 }
        digits = all
        pointPosition = point
    }

    /// Digits after the decimal point in positional notation.
    var fractionalCount: Int { Swift.max(0, digits.count - pointPosition) }

    /// Positional text without sign: integer part and fractional part (trailing zeros trimmed),
    /// with at most `precision` fractional digits, rounded half-to-even on the exact value when
    /// the shortest digits need more (as Dragon4 with a cutoff does).
    static func positional(_ x: Float, precision: Int) -> (int: String, frac: String) {
        let d = FloatDigits(x)
        if d.fractionalCount > precision {
            // The exact binary value rounded to `precision` places (glibc rounds exactly).
            let text = String(format: "%.\(precision)f", Double(Swift.abs(x)))
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            var frac = String(parts.count > 1 ? parts[1] : "")
            while frac.hasSuffix("0") { frac.removeLast() }
            return (String(parts[0]), frac)
        }
        var intPart = ""
        var frac = ""
        if d.pointPosition <= 0 {
            intPart = "0"
            frac = String(repeating: "0", count: -d.pointPosition) + d.digits.map { String($0) }.joined()
        } else {
            for i in 0..<d.pointPosition { intPart += i < d.digits.count ? String(d.digits[i]) : "0" }
            if d.digits.count > d.pointPosition {
                frac = d.digits[d.pointPosition...].map { String($0) }.joined()
            }
        }
        if intPart.isEmpty { intPart = "0" }
        return (intPart, frac)
    }

    /// Scientific text without sign: first digit, the other digits, and the decimal exponent.
    static func scientific(_ x: Float) -> (first: String, rest: String, exponent: Int) {
        let d = FloatDigits(x)
        guard let first = d.digits.first else { return ("0", "", 0) }
        return (String(first), d.digits.dropFirst().map { String($0) }.joined(), d.pointPosition - 1)
    }
}
