// The one file that calls BLAS: Debian's OpenBLAS on Linux, Accelerate on macOS.
// On Linux, OpenBLAS is loaded on first use (dlopen), not linked: loading it starts its thread
// pool, whose threads spin for a while, and the nbrun process that only parses notebooks and
// writes pages never multiplies a matrix (its spinning thread took CPU from the worker that does).
// C types stay here; the rest of nbrun (tensors, layers, benchmarks) calls these functions.
#if canImport(Accelerate)
import Accelerate
#else
import Foundation
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

    /// Runs `body` with BLAS's own thread pool off: each call runs on its caller's thread alone.
    /// For work that makes its own threads (`concurrently`), where two calls would otherwise
    /// queue for the same pool. The results are the same either way (OpenBLAS splits a product
    /// over rows and columns of the result, never over the terms of one sum).
    public static func withoutThreads<T>(_ body: () throws -> T) rethrows -> T {
        #if canImport(Accelerate)
        return try body()
        #else
        let library = OpenBLAS.library
        let threads = library.numThreads()
        if threads == 1 { return try body() }
        library.setNumThreads(1)
        defer { library.setNumThreads(threads) }
        return try body()
        #endif
    }

    /// Which BLAS runs (for benchmarks): OpenBLAS's configuration and kernel, or Accelerate.
    public static var description: String {
        #if canImport(Accelerate)
        return "Accelerate"
        #else
        let library = OpenBLAS.library
        return "OpenBLAS \(String(cString: library.config())), core \(String(cString: library.corename())), \(library.numThreads()) threads"
        #endif
    }

    #if canImport(Accelerate)
    @inline(__always)
    private static func layout(_ order: Order) -> CBLAS_ORDER { order == .rowMajor ? CblasRowMajor : CblasColMajor }

    @inline(__always)
    private static func op(_ transpose: Bool) -> CBLAS_TRANSPOSE { transpose ? CblasTrans : CblasNoTrans }
    #else
    // CBLAS's enum values (cblas.h), passed as C ints.
    @inline(__always)
    private static func layout(_ order: Order) -> Int32 { order == .rowMajor ? 101 : 102 }

    @inline(__always)
    private static func op(_ transpose: Bool) -> Int32 { transpose ? 112 : 111 }

    @inline(__always)
    private static var cblas_sgemm: OpenBLAS.Sgemm { OpenBLAS.library.sgemm }
    @inline(__always)
    private static var cblas_sgemv: OpenBLAS.Sgemv { OpenBLAS.library.sgemv }
    @inline(__always)
    private static var cblas_snrm2: OpenBLAS.Snrm2 { OpenBLAS.library.snrm2 }
    @inline(__always)
    private static var cblas_sscal: OpenBLAS.Sscal { OpenBLAS.library.sscal }
    #endif
}

#if !canImport(Accelerate)
/// OpenBLAS's CBLAS functions, looked up once in the shared library (32-bit integers, as
/// Debian's libopenblas0 builds them).
struct OpenBLAS {
    typealias Sgemm = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
                                      UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    typealias Sgemv = @convention(c) (Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
                                      UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    typealias Snrm2 = @convention(c) (Int32, UnsafePointer<Float>?, Int32) -> Float
    typealias Sscal = @convention(c) (Int32, Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    typealias Text = @convention(c) () -> UnsafePointer<CChar>
    typealias Count = @convention(c) () -> Int32
    typealias SetCount = @convention(c) (Int32) -> Void

    let sgemm: Sgemm, sgemv: Sgemv, snrm2: Snrm2, sscal: Sscal
    let config: Text, corename: Text, numThreads: Count, setNumThreads: SetCount

    /// Loaded on first use: `NBRUN_BLAS_LIBRARY` when set (a path or file name, for an OpenBLAS
    /// installed elsewhere), else Debian's `libopenblas.so.0`. A machine without it gets a message
    /// saying what to install and exit status 2 (as for any missing part of an installation),
    /// not a crash; in a notebook, that message fails the cell that first needed BLAS.
    static let library: OpenBLAS = {
        let names = ProcessInfo.processInfo.environment["NBRUN_BLAS_LIBRARY"].map { [$0] } ?? ["libopenblas.so.0", "libopenblas.so"]
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            let reason = dlerror().map { String(cString: $0) } ?? "\(names[0]) not found"
            FileHandle.standardError.write(Data("""
                nbrun: cannot load OpenBLAS (\(reason)).
                Install it (Debian/Ubuntu: `apt-get install libopenblas0`; `./dev setup` installs it with libopenblas-dev), or set NBRUN_BLAS_LIBRARY to its path, then run again.

                """.utf8))
            exit(2)
        }
        func symbol<T>(_ name: String, _ type: T.Type) -> T {
            guard let pointer = dlsym(handle, name) else {
                FileHandle.standardError.write(Data("nbrun: the OpenBLAS found has no \(name): install libopenblas0.\n".utf8))
                exit(2)
            }
            return unsafeBitCast(pointer, to: type)
        }
        return OpenBLAS(sgemm: symbol("cblas_sgemm", Sgemm.self), sgemv: symbol("cblas_sgemv", Sgemv.self),
                        snrm2: symbol("cblas_snrm2", Snrm2.self), sscal: symbol("cblas_sscal", Sscal.self),
                        config: symbol("openblas_get_config", Text.self), corename: symbol("openblas_get_corename", Text.self),
                        numThreads: symbol("openblas_get_num_threads", Count.self),
                        setNumThreads: symbol("openblas_set_num_threads", SetCount.self))
    }()
}
#endif
