// Float kernels for exp, tanh and sigmoid over contiguous buffers.
import Foundation

enum FastMath {
    static func exp(_ s: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { o[i] = Foundation.exp(s[i]) }
    }

    static func tanh(_ s: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { o[i] = Foundation.tanh(s[i]) }
    }

    static func sigmoid(_ s: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) {
        for i in 0..<n { o[i] = 1 / (1 + Foundation.exp(-s[i])) }
    }
}
