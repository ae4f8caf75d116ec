// The elementwise operations and their loops. Each loop is written with a closure literal
// passed to an always-inlined helper, so the optimiser emits a tight (vectorisable) loop per
// operation; the operation is chosen once per line of elements, never per element.
import Foundation

enum BinaryOp: String {
    case add = "add (+)", subtract = "subtract (-)", multiply = "multiply (*)", divide = "divide (/)"
    case maximum, minimum, pow
    var hasInt: Bool { self != .pow }
}

enum CompareOp: String {
    case equal = "equal (.==)", notEqual = "not equal (.!=)", less = "less (.<)", greater = "greater (.>)"
    case lessEqual = "less or equal (.<=)", greaterEqual = "greater or equal (.>=)"
}

enum UnaryOp: String {
    case negate = "negate (-)", abs, relu, square = "pow", sqrt, log
    var hasInt: Bool { self != .sqrt && self != .log }
    var cost: Int { self == .log ? 8 : (self == .sqrt ? 2 : 1) }
}

/// One line of a broadcast walk; inner strides are 1 (walk) or 0 (broadcast).
@inline(__always)
func broadcastLine<A, B, R>(_ pa: UnsafePointer<A>, _ pb: UnsafePointer<B>, _ po: UnsafeMutablePointer<R>,
                            _ sa: Int, _ sb: Int, _ range: Range<Int>, _ f: (A, B) -> R) {
    switch (sa, sb) {
    case (1, 1): for j in range { po[j] = f(pa[j], pb[j]) }
    case (1, 0): let y = pb[0]; for j in range { po[j] = f(pa[j], y) }
    case (0, 1): let x = pa[0]; for j in range { po[j] = f(x, pb[j]) }
    default: let x = pa[0], y = pb[0]; for j in range { po[j] = f(x, y) }
    }
}

func floatLine(_ op: BinaryOp, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>,
               _ sa: Int, _ sb: Int, _ r: Range<Int>) {
    switch op {
    case .add: broadcastLine(a, b, o, sa, sb, r) { $0 + $1 }
    case .subtract: broadcastLine(a, b, o, sa, sb, r) { $0 - $1 }
    case .multiply: broadcastLine(a, b, o, sa, sb, r) { $0 * $1 }
    case .divide: broadcastLine(a, b, o, sa, sb, r) { $0 / $1 }
    case .maximum: broadcastLine(a, b, o, sa, sb, r) { $0.isNaN || $0 > $1 ? $0 : $1 }
    case .minimum: broadcastLine(a, b, o, sa, sb, r) { $0.isNaN || $0 < $1 ? $0 : $1 }
    case .pow: broadcastLine(a, b, o, sa, sb, r) { Foundation.pow($0, $1) }
    }
}

func intLine(_ op: BinaryOp, _ a: UnsafePointer<Int32>, _ b: UnsafePointer<Int32>, _ o: UnsafeMutablePointer<Int32>,
             _ sa: Int, _ sb: Int, _ r: Range<Int>) {
    switch op {
    case .add: broadcastLine(a, b, o, sa, sb, r) { $0 &+ $1 }
    case .subtract: broadcastLine(a, b, o, sa, sb, r) { $0 &- $1 }
    case .multiply: broadcastLine(a, b, o, sa, sb, r) { $0 &* $1 }
    // Truncating; callers rule out a zero divisor first; Int32.min / -1 wraps.
    case .divide: broadcastLine(a, b, o, sa, sb, r) { $1 == -1 ? 0 &- $0 : ($1 == 0 ? 0 : $0 / $1) }
    case .maximum: broadcastLine(a, b, o, sa, sb, r) { Swift.max($0, $1) }
    case .minimum: broadcastLine(a, b, o, sa, sb, r) { Swift.min($0, $1) }
    case .pow: preconditionFailure("pow has no int32 kernel")
    }
}

func compareLine<T: Comparable>(_ op: CompareOp, _ a: UnsafePointer<T>, _ b: UnsafePointer<T>, _ o: UnsafeMutablePointer<Float>,
                                _ sa: Int, _ sb: Int, _ r: Range<Int>) {
    switch op {
    case .equal: broadcastLine(a, b, o, sa, sb, r) { $0 == $1 ? 1 : 0 }
    case .notEqual: broadcastLine(a, b, o, sa, sb, r) { $0 != $1 ? 1 : 0 }
    case .less: broadcastLine(a, b, o, sa, sb, r) { $0 < $1 ? 1 : 0 }
    case .greater: broadcastLine(a, b, o, sa, sb, r) { $0 > $1 ? 1 : 0 }
    case .lessEqual: broadcastLine(a, b, o, sa, sb, r) { $0 <= $1 ? 1 : 0 }
    case .greaterEqual: broadcastLine(a, b, o, sa, sb, r) { $0 >= $1 ? 1 : 0 }
    }
}

func floatUnary(_ op: UnaryOp, _ s: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ r: Range<Int>) {
    switch op {
    case .negate: for i in r { o[i] = -s[i] }
    case .abs: for i in r { o[i] = Swift.abs(s[i]) }
    case .relu: for i in r { let x = s[i]; o[i] = x > 0 || x.isNaN ? x : 0 }
    case .square: for i in r { o[i] = s[i] * s[i] }
    case .sqrt: for i in r { o[i] = s[i].squareRoot() }
    case .log: for i in r { o[i] = Foundation.log(s[i]) }
    }
}

func intUnary(_ op: UnaryOp, _ s: UnsafePointer<Int32>, _ o: UnsafeMutablePointer<Int32>, _ r: Range<Int>) {
    switch op {
    case .negate: for i in r { o[i] = 0 &- s[i] }
    case .abs: for i in r { o[i] = s[i] == .min ? .min : Swift.abs(s[i]) }
    case .relu: for i in r { o[i] = Swift.max(s[i], 0) }
    case .square: for i in r { o[i] = s[i] &* s[i] }
    case .sqrt, .log: preconditionFailure("no int32 kernel")
    }
}
