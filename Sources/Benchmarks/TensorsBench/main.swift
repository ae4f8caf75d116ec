// TensorsBench: times the tensor kernels on the shapes of the tensor issue and prints one JSON
// object per line: {"name": ..., "seconds": median}. benchmarks/tensors.sh runs it beside the
// same operations in NumPy and prints the table of ratios. An argument runs only the
// benchmarks whose name contains it.
import Foundation
import Tensors

/// Median wall time of `body` over enough runs to fill about `budget` seconds (3 to 50 runs).
func medianSeconds(budget: Double = 0.5, _ body: () throws -> Void) rethrows -> Double {
    try body()    // warm up
    var samples: [Double] = []
    let start = Date()
    while samples.count < 3 || (samples.count < 50 && Date().timeIntervalSince(start) < budget) {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }
    return samples.sorted()[samples.count / 2]
}

let filter = CommandLine.arguments.dropFirst().first
var generator = RandomGenerator(seed: 1)

/// Runs benchmark `name` if selected: `setup` makes the inputs, the returned closure is timed.
func bench(_ name: String, _ setup: () throws -> () throws -> Void) throws {
    if let filter, !name.contains(filter) { return }
    let body = try setup()
    let seconds = try medianSeconds(body)
    print("{\"name\": \"\(name)\", \"seconds\": \(seconds)}")
    fflush(stdout)
}

func random(_ shape: [Int]) throws -> Tensor { try Tensor(randomNormal: shape, generator: &generator) }

// Which OpenBLAS kernels our matmul runs (NumPy's are printed by the Python side).
FileHandle.standardError.write("nbrun BLAS: \(BLAS.description)\n".data(using: .utf8)!)

do {
    for (a, b) in [([1024, 1024], [1024, 1024]), ([64, 1536], [1536, 3072]), ([3, 512], [512, 30000])] {
        try bench("matmul \(a[0])x\(a[1]) · \(b[0])x\(b[1])") {
            let x = try random(a), y = try random(b)
            return { _ = try matmul(x, y) }
        }
    }
    try bench("softmax (1000, 1000) last axis") { let m = try random([1000, 1000]); return { _ = try softmax(m) } }
    try bench("tanh 1M") { let m = try random([1000, 1000]); return { _ = try tanh(m) } }
    try bench("exp 1M") { let m = try random([1000, 1000]); return { _ = try exp(m) } }
    try bench("sigmoid 1M") { let m = try random([1000, 1000]); return { _ = try sigmoid(m) } }
    try bench("add broadcast (1000, 1000) + (1000,)") {
        let m = try random([1000, 1000]), row = try random([1000])
        return { _ = try m + row }
    }
    try bench("multiply 1M") { let m = try random([1000, 1000]); return { _ = try m * m } }
    try bench("sum 1M") { let m = try random([1000, 1000]); return { _ = try m.sum() } }
    for perm in [[0, 2, 1], [2, 1, 0]] {
        try bench("transpose (64, 128, 128) \(perm)") {
            let t = try random([64, 128, 128])
            return { _ = try t.transposed(permutation: perm) }
        }
    }
    try bench("concatenate 2x (64, 500, 64) axis -1") {
        let a = try random([64, 500, 64]), b = try random([64, 500, 64])
        return { _ = try Tensor(concatenating: [a, b], alongAxis: -1) }
    }
    try bench("orthogonal initializer (768, 3072)") {
        return { _ = try Tensor(orthogonal: [768, 3072], generator: &generator) }
    }
    try bench("orthogonal initializer (1024, 3072)") {
        return { _ = try Tensor(orthogonal: [1024, 3072], generator: &generator) }
    }
    try bench("random normal 1M") { return { _ = try Tensor(randomNormal: [1000, 1000], generator: &generator) } }
    try bench("random normal (3072, 1024)") { return { _ = try Tensor(randomNormal: [3072, 1024], generator: &generator) } }
    try bench("random uniform (30000, 512)") { return { _ = try Tensor(randomUniform: [30000, 512], generator: &generator) } }
    // The generator alone: the same draws into memory already paged in (the row above pays for
    // 61 MB of fresh pages too).
    try bench("uniform draws 15.36M, memory paged in") {
        let out = UnsafeMutablePointer<Float>.allocate(capacity: 30000 * 512)
        out.initialize(repeating: 0, count: 30000 * 512)
        let table = DeferredUniform(rows: 1, columns: 30000 * 512, lowerBound: -0.05, upperBound: 0.05, generator: &generator)
        return { table.draw(row: 0, into: out) }
    }
} catch {
    FileHandle.standardError.write("TensorsBench: \(error)\n".data(using: .utf8)!)
    exit(1)
}
