// The one file that calls BLAS: Debian's OpenBLAS through CBLAS on Linux, Accelerate on macOS.
// C types stay here; the rest of nbrun (tensors, layers, benchmarks) calls these functions.
#if canImport(Accelerate)
import Accelerate
#else
import CBLAS
#endif

public enum BLAS {
    /// How a matrix is laid out in memory.
    public enum Order: Sendable { case rowMajor, columnMajor }

    /// C = alpha · op(A) · op(B) + beta · C, single precision; op transposes when asked.
    @inline(__always)
    public static func sgemm(_ order: Order = .rowMajor, transposeA: Bool = false, transposeB: Bool = false,
                             m: Int, n: Int, k: Int, alpha: Float = 1,
                             _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
                             beta: Float = 0, _ c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(layout(order), op(transposeA), op(transposeB), Int32(m), Int32(n), Int32(k),
                    alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// y = alpha · op(A) · x + beta · y, single precision; A is (m x n) as stored.
    @inline(__always)
    public static func sgemv(_ order: Order = .rowMajor, transpose: Bool = false, m: Int, n: Int, alpha: Float = 1,
                             _ a: UnsafePointer<Float>, lda: Int, _ x: UnsafePointer<Float>,
                             beta: Float = 0, _ y: UnsafeMutablePointer<Float>) {
        cblas_sgemv(layout(order), op(transpose), Int32(m), Int32(n), alpha, a, Int32(lda), x, 1, beta, y, 1)
    }

    /// The Euclidean norm of n floats.
    @inline(__always)
    public static func snrm2(_ n: Int, _ x: UnsafePointer<Float>) -> Float { cblas_snrm2(Int32(n), x, 1) }

    /// x *= alpha over n floats.
    @inline(__always)
    public static func sscal(_ n: Int, _ alpha: Float, _ x: UnsafeMutablePointer<Float>) { cblas_sscal(Int32(n), alpha, x, 1) }

    /// Which BLAS runs (for benchmarks): OpenBLAS's configuration and kernel, or Accelerate.
    public static var description: String {
        #if canImport(Accelerate)
        return "Accelerate"
        #else
        return "OpenBLAS \(String(cString: openblas_get_config())), core \(String(cString: openblas_get_corename())), \(openblas_get_num_threads()) threads"
        #endif
    }

    @inline(__always)
    private static func layout(_ order: Order) -> CBLAS_ORDER { order == .rowMajor ? CblasRowMajor : CblasColMajor }

    @inline(__always)
    private static func op(_ transpose: Bool) -> CBLAS_TRANSPOSE { transpose ? CblasTrans : CblasNoTrans }
}
