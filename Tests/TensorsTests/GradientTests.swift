// Every op's pullback against TensorFlow's GradientTape (fixtures from
// scripts/fixtures/tf_gradients.py: loss = sum(op(inputs) * upstream)), and against central
// finite differences of the float32 forward for the smooth ops.
import Foundation
import Testing
@testable import Tensors

/// The op of each fixture case, written with nbrun's API.
private let operations: [String: ([Tensor]) throws -> Tensor] = [
    "add_broadcast": { try $0[0] + $0[1] },
    "subtract_broadcast": { try $0[0] - $0[1] },
    "multiply_broadcast": { try $0[0] * $0[1] },
    "divide": { try $0[0] / $0[1] },
    "divide_broadcast": { try $0[0] / $0[1] },
    "negate": { try -$0[0] },
    "scalar_ops": { try (2 - $0[0]) * 3 / 4 + 1 },
    "maximum": { try maximum($0[0], $0[1]) },
    "minimum": { try minimum($0[0], $0[1]) },
    "exp": { try exp($0[0]) },
    "log": { try log($0[0]) },
    "sqrt": { try sqrt($0[0]) },
    "abs": { try abs($0[0]) },
    "square": { try pow($0[0], 2) },
    "pow_scalar": { try pow($0[0], 3) },
    "pow_tensor": { try pow($0[0], $0[1]) },
    "tanh": { try tanh($0[0]) },
    "sigmoid": { try sigmoid($0[0]) },
    "relu": { try relu($0[0]) },
    "softmax": { try softmax($0[0]) },
    "softmax_axis1": { try softmax($0[0], alongAxis: 1) },
    "log_softmax": { try logSoftmax($0[0]) },
    "matmul": { try matmul($0[0], $0[1]) },
    "matmul_batch_broadcast": { try matmul($0[0], $0[1]) },
    "matmul_shared_kernel": { try matmul($0[0], $0[1]) },
    "matmul_transposed_a": { try matmul($0[0], transposed: true, $0[1]) },
    "matmul_transposed_b": { try matmul($0[0], transposed: false, $0[1], transposed: true) },
    "matmul_transposed_both": { try matmul($0[0], transposed: true, $0[1], transposed: true) },
    "sum": { try $0[0].sum() },
    "sum_along_axes": { try $0[0].sum(alongAxes: 1) },
    "sum_squeezing_axes": { try $0[0].sum(squeezingAxes: 0, 2) },
    "mean": { try $0[0].mean() },
    "mean_squeezing_axes": { try $0[0].mean(squeezingAxes: -1) },
    "max_squeezing_axes": { try $0[0].max(squeezingAxes: 1) },
    "min": { try $0[0].min() },
    "max_ties": { try $0[0].max(squeezingAxes: 1) },
    "reshape": { try $0[0].reshaped(to: [4, -1]) },
    "expand_dims": { try $0[0].expandingShape(at: 1) },
    "squeeze": { try $0[0].squeezingShape(at: -1) },
    "transpose_permutation": { try $0[0].transposed(permutation: 0, 2, 1) },
    "transpose": { try $0[0].transposed() },
    "index_at": { try $0[0][1] },
    "index_range": { try $0[0][1..<3] },
    "index_last_axis": { try $0[0][.ellipsis, .at(0)] },
    "index_strided": { try $0[0][.range(lower: nil, upper: nil, stride: -2), .range(lower: 1, upper: nil, stride: 1)] },
    "concatenate": { try Tensor(concatenating: [$0[0], $0[1]], alongAxis: -1) },
    "concatenate_axis0": { try Tensor(concatenating: [$0[0], $0[1], $0[2]], alongAxis: 0) },
    "stack": { try Tensor(stacking: [$0[0], $0[1]], alongAxis: 1) },
    "repeat": { try $0[0].repeated(3, alongAxis: 1) },
    "tile": { try $0[0].tiled(multiples: [2, 1, 3]) },
    "gather_rows": { try $0[0].gatheringRows($0[1]) },
    "composite_attention": { x in
        let scores = try tanh(matmul(x[0], x[2]) + x[1].expandingShape(at: 1))
        return try (softmax(scores, alongAxis: 1) * x[0]).sum(squeezingAxes: 1)
    },
]

/// Ops whose forward is smooth at the fixtures' inputs (finite differences apply).
private let smooth: Set<String> = [
    "add_broadcast", "multiply_broadcast", "divide", "exp", "log", "sqrt", "square", "pow_tensor", "tanh",
    "sigmoid", "softmax_axis1", "log_softmax", "matmul_batch_broadcast", "matmul_transposed_a", "mean_squeezing_axes",
    "index_strided", "concatenate", "repeat", "tile", "gather_rows", "composite_attention",
]

private struct GradientCase: CustomTestStringConvertible, Sendable {
    let name: String
    let inputs: Int
    let differentiable: [Int]
    var testDescription: String { name }
}

private let cases: [GradientCase] = {
    let manifest = try! Fixtures.json("gradients/manifest.json") as! [String: Any]
    return (manifest["cases"] as! [[String: Any]]).map {
        GradientCase(name: $0["name"] as! String, inputs: $0["inputs"] as! Int, differentiable: $0["differentiable"] as! [Int])
    }
}()

private func npy(_ file: String) throws -> Tensor {
    try Tensor(numpyData: Data(contentsOf: Fixtures.url("gradients/" + file)))
}

/// The largest |a - b| relative to the largest |b| (at least 1e-3, so tiny gradients compare absolutely).
private func relativeError(_ a: Tensor, _ b: Tensor) -> Float {
    let scale = max(b.scalars.map(Swift.abs).max() ?? 0, 1e-3)
    return zip(a.scalars, b.scalars).map { Swift.abs($0 - $1) }.max().map { $0 / scale } ?? 0
}

@Suite struct GradientTests {
    @Test func everyFixtureHasAnOperation() {
        #expect(Set(cases.map(\.name)) == Set(operations.keys))
    }

    @Test(arguments: cases)
    fileprivate func matchesGradientTape(_ c: GradientCase) throws {
        let op = try #require(operations[c.name])
        let inputs = try (0..<c.inputs).map { try npy("\(c.name).in\($0).npy") }
        let upstream = try npy("\(c.name).up.npy")
        let tape = GradientTape()
        var watched = inputs
        for i in c.differentiable { watched[i] = try tape.watch(inputs[i]) }
        let y = try op(watched)
        #expect(relativeError(y, try npy("\(c.name).out.npy")) <= 1e-5, "forward of \(c.name)")
        let loss = try (y * upstream).sum()
        let grads = try tape.gradients(of: loss, at: c.differentiable.map { watched[$0] })
        for (i, g) in zip(c.differentiable, grads) {
            let expected = try npy("\(c.name).grad\(i).npy")
            #expect(g.shape == expected.shape, "gradient \(i) of \(c.name)")
            let error = relativeError(g, expected)
            #expect(error <= 1e-4, "gradient \(i) of \(c.name): relative error \(error)")
        }
    }

    /// Central differences of the float32 forward, accumulated in Double: a check independent of
    /// TensorFlow (coarser, as float32 rounding limits the step).
    @Test(arguments: cases.filter { smooth.contains($0.name) })
    fileprivate func matchesFiniteDifferences(_ c: GradientCase) throws {
        let op = try #require(operations[c.name])
        let inputs = try (0..<c.inputs).map { try npy("\(c.name).in\($0).npy") }
        let upstream = try npy("\(c.name).up.npy").scalars.map(Double.init)
        func loss(_ xs: [Tensor]) throws -> Double {
            zip(try op(xs).scalars, upstream).reduce(0) { $0 + Double($1.0) * $1.1 }
        }
        let tape = GradientTape()
        var watched = inputs
        for i in c.differentiable { watched[i] = try tape.watch(inputs[i]) }
        let grads = try tape.gradients(of: try (op(watched) * npy("\(c.name).up.npy")).sum(), at: c.differentiable.map { watched[$0] })
        let h: Float = 1e-2
        for (i, g) in zip(c.differentiable, grads) {
            var numeric = [Float]()
            for k in 0..<inputs[i].scalarCount {
                var plus = inputs, minus = inputs
                var values = inputs[i].scalars
                values[k] += h
                plus[i] = try Tensor(shape: inputs[i].dims, scalars: values)
                values[k] -= 2 * h
                minus[i] = try Tensor(shape: inputs[i].dims, scalars: values)
                numeric.append(Float((try loss(plus) - loss(minus)) / Double(2 * h)))
            }
            let error = relativeError(g, try Tensor(shape: inputs[i].dims, scalars: numeric))
            #expect(error <= 2e-2, "gradient \(i) of \(c.name) against finite differences: relative error \(error)")
        }
    }

    @Test func noTapeRecordsNothing() throws {
        let x = try Tensor([1, 2, 3] as [Float])
        let y = try exp(x) * 2
        #expect(y.tapeOutput == nil)
    }

    @Test func stoppedTapeRecordsNothingMore() throws {
        let tape = GradientTape()
        let x = try tape.watch(Tensor([1, 2] as [Float]))
        let y = try (x * x).sum()
        let g = try tape.gradients(of: y, at: [x])
        #expect(g[0].scalars == [2, 4])
        #expect(try (x * 3).tapeOutput == nil)
    }

    @Test func intTensorsCarryNoGradient() throws {
        let tape = GradientTape()
        #expect(throws: TensorError.self) { try tape.watch(Tensor([1, 2] as [Int32])) }
        let x = try tape.watch(Tensor([1, -2] as [Float]))
        #expect(try (x .> 0).tapeOutput == nil)
        #expect(try x.converted(to: .int32).tapeOutput == nil)
    }

    @Test func nonScalarResultIsAnErrorNamingItsShape() throws {
        let tape = GradientTape()
        let x = try tape.watch(Tensor([1, 2] as [Float]))
        #expect(throws: TensorError("gradient: the result must be a scalar tensor, got shape (2,)")) {
            try tape.gradients(of: x * x, at: [x])
        }
    }

    @Test func unusedLeafGetsZerosAndReusedLeafAccumulates() throws {
        let tape = GradientTape()
        let x = try tape.watch(Tensor([1, 2] as [Float]))
        let unused = try tape.watch(Tensor([[5]] as [[Float]]))
        let y = try (x * x + x * 3 + x).sum()  // 2x + 4
        let g = try tape.gradients(of: y, at: [x, unused])
        #expect(g[0].scalars == [6, 8])
        #expect(g[1].scalars == [0] && g[1].shape == [1, 1])
    }

    /// A rank-2 weight shared by every batch (a Dense layer on a sequence) has its gradient from
    /// one gemm over all rows; used transposed, it must give the transpose of what the
    /// untransposed product gives (that one is checked against TensorFlow: matmul_shared_kernel).
    @Test func sharedWeightUsedTransposedGetsTheTransposedGradient() throws {
        var random = RandomGenerator(seed: 5)
        let a = try Tensor(randomNormal: [2, 3, 4], generator: &random)
        let w = try Tensor(randomNormal: [5, 4], generator: &random)
        let up = try Tensor(randomNormal: [2, 3, 5], generator: &random)
        let tape = GradientTape()
        let (wa, ww) = (try tape.watch(a), try tape.watch(w))
        let viaTransposed = try tape.gradients(of: (try matmul(wa, transposed: false, ww, transposed: true) * up).sum(), at: [wa, ww])
        let tape2 = GradientTape()
        let (wa2, wt2) = (try tape2.watch(a), try tape2.watch(try w.transposed()))
        let plain = try tape2.gradients(of: (try matmul(wa2, wt2) * up).sum(), at: [wa2, wt2])
        #expect(viaTransposed[0].shape == [2, 3, 4] && viaTransposed[1].shape == [5, 4])
        #expect(try abs(viaTransposed[0] - plain[0]).max().scalar < 1e-6)
        #expect(try abs(viaTransposed[1] - plain[1].transposed()).max().scalar < 1e-6)
    }
}
