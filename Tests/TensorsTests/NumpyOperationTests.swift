// Every operation against NumPy's results for the same inputs (Fixtures/ops.json, made by
// scripts/fixtures/numpy_ops.py): broadcasting edge cases, empty dimensions, negative axes,
// int32, and the errors NumPy also raises (ours must name the shapes).
import Foundation
import Testing
@testable import Tensors

@Suite struct NumpyOperationTests {
    struct Case: CustomStringConvertible, @unchecked Sendable {
        let index: Int
        let json: [String: Any]
        var op: String { json["op"] as! String }
        var params: [String: Any] { json["params"] as? [String: Any] ?? [:] }
        var description: String {
            let shapes = (json["inputs"] as! [[String: Any]]).map { "\($0["shape"]!)" }.joined(separator: " ")
            return "#\(index) \(op) \(shapes)"
        }
    }

    static let cases: [Case] = {
        guard let root = try? Fixtures.json("ops.json") as? [String: Any],
              let list = root["cases"] as? [[String: Any]] else { return [] }
        return list.enumerated().map { Case(index: $0.offset, json: $0.element) }
    }()

    @Test func fixturesArePresent() {
        #expect(Self.cases.count > 500)
    }

    @Test(arguments: cases)
    func matchesNumpy(_ c: Case) throws {
        let inputs = try (c.json["inputs"] as! [[String: Any]]).map(tensor)
        if c.json["error"] as? Bool == true {
            do {
                let result = try run(c.op, c.params, inputs)
                Issue.record("expected an error, got shape \(result.shape)")
            } catch let error as TensorError {
                // The message names the operation's inputs by shape.
                let named = inputs.contains { error.message.contains($0.shape.description) }
                    || error.message.contains("axis") || error.message.contains("dtype")
                #expect(named, "message does not name the shapes: \(error.message)")
            }
            return
        }
        let result = try run(c.op, c.params, inputs)
        let expected = c.json["expected"] as! [String: Any]
        #expect(result.shape.dimensions == (expected["shape"] as! [Int]).map { Optional($0) })
        #expect(result.dtype.rawValue == expected["dtype"] as! String)
        let stride = expected["stride"] as? Int ?? 1
        let tol = c.json["tol"] as? Double ?? 0
        let got = result.scalars
        let want = (expected["data"] as! [Any]).map(number)
        var bad: [String] = []
        for (k, w) in want.enumerated() {
            let g = got[k * stride]
            if !close(g, w, tol) { bad.append("[\(k * stride)] \(g) != \(w)") }
        }
        #expect(bad.isEmpty, "\(bad.count) elements differ: \(bad.prefix(5))")
    }

    // MARK: Helpers

    func close(_ g: Float, _ w: Float, _ tol: Double) -> Bool {
        if g.isNaN || w.isNaN { return g.isNaN && w.isNaN }
        if g == w { return true }
        if tol == 0 { return false }
        return Double(abs(g - w)) <= tol * max(1, Double(abs(w)))
    }

    func number(_ v: Any) -> Float {
        if let s = v as? String { return s == "nan" ? .nan : (s == "inf" ? .infinity : -.infinity) }
        return Float((v as! NSNumber).doubleValue)
    }

    func tensor(_ j: [String: Any]) throws -> Tensor {
        let shape = j["shape"] as! [Int]
        if let salt = j["gen"] as? Int {
            let n = shape.reduce(1, *)
            return try Tensor(shape: shape, scalars: (0..<n).map { i in
                Float(((i * 7919 + salt * 104729) % 2001) - 1000) / 256
            })
        }
        let data = j["data"] as! [Any]
        if j["dtype"] as! String == "int32" {
            return try Tensor(shape: shape, int32Scalars: data.map { Int32(($0 as! NSNumber).intValue) })
        }
        return try Tensor(shape: shape, scalars: data.map(number))
    }

    func index(_ j: [Any]) -> TensorIndex {
        let kind = j[0] as! String
        func int(_ v: Any) -> Int? { v is NSNull ? nil : (v as! NSNumber).intValue }
        switch kind {
        case "at": return .at(int(j[1])!)
        case "range": return .range(lower: int(j[1]), upper: int(j[2]), stride: int(j[3])!)
        case "ellipsis": return .ellipsis
        default: return .newAxis
        }
    }

    func run(_ op: String, _ p: [String: Any], _ x: [Tensor]) throws -> Tensor {
        let scalar = Float((p["scalar"] as? NSNumber)?.doubleValue ?? 0)
        let axis = p["axis"] as? Int ?? 0
        let axes = p["axes"] as? [Int] ?? []
        let keep = p["keep"] as? Bool ?? false
        switch op {
        case "add": return try x[0] + x[1]
        case "subtract": return try x[0] - x[1]
        case "multiply": return try x[0] * x[1]
        case "divide": return try x[0] / x[1]
        case "maximum": return try maximum(x[0], x[1])
        case "minimum": return try minimum(x[0], x[1])
        case "addScalar": return try x[0] + scalar
        case "scalarSubtract": return try scalar - x[0]
        case "multiplyScalar": return try x[0] * scalar
        case "scalarDivide": return try scalar / x[0]
        case "equal": return try x[0] .== x[1]
        case "notEqual": return try x[0] .!= x[1]
        case "less": return try x[0] .< x[1]
        case "greater": return try x[0] .> x[1]
        case "lessEqual": return try x[0] .<= x[1]
        case "greaterEqual": return try x[0] .>= x[1]
        case "exp": return try exp(x[0])
        case "tanh": return try tanh(x[0])
        case "sigmoid": return try sigmoid(x[0])
        case "relu": return try relu(x[0])
        case "negate": return try -x[0]
        case "abs": return try abs(x[0])
        case "log": return try log(x[0])
        case "sqrt": return try sqrt(x[0])
        case "pow": return try pow(x[0], Float((p["exponent"] as! NSNumber).doubleValue))
        case "softmax": return try softmax(x[0], alongAxis: axis)
        case "logSoftmax": return try logSoftmax(x[0], alongAxis: axis)
        case "matmul":
            return try matmul(x[0], transposed: p["transposeA"] as? Bool ?? false,
                              x[1], transposed: p["transposeB"] as? Bool ?? false)
        case "sum": return try keep ? x[0].sum(alongAxes: axes) : x[0].sum(squeezingAxes: axes)
        case "mean": return try keep ? x[0].mean(alongAxes: axes) : x[0].mean(squeezingAxes: axes)
        case "max": return try keep ? x[0].max(alongAxes: axes) : x[0].max(squeezingAxes: axes)
        case "min": return try keep ? x[0].min(alongAxes: axes) : x[0].min(squeezingAxes: axes)
        case "argmax": return try x[0].argmax(squeezingAxis: axis)
        case "reshape": return try x[0].reshaped(to: p["shape"] as! [Int])
        case "expand": return try x[0].expandingShape(at: axis)
        case "squeeze": return try x[0].squeezingShape(at: axes)
        case "transpose":
            if let perm = p["perm"] as? [Int] { return try x[0].transposed(permutation: perm) }
            return try x[0].transposed()
        case "concatenate": return try Tensor(concatenating: x, alongAxis: axis)
        case "stack": return try Tensor(stacking: x, alongAxis: axis)
        case "repeat": return try x[0].repeated(p["count"] as! Int, alongAxis: axis)
        case "tile": return try x[0].tiled(multiples: p["multiples"] as! [Int])
        case "index": return try x[0].indexed((p["index"] as! [[Any]]).map(index))
        case "range":
            func f(_ k: String) -> Float { Float((p[k] as! NSNumber).doubleValue) }
            return try Tensor(rangeFrom: f("start"), to: f("end"), stride: f("stride"))
        case "toInt32": return try Tensor(int32: x[0])
        case "toFloat": return try Tensor(float: x[0])
        case "powTensor": return try pow(x[0], x[1])
        default: throw TensorError("test: unknown op \(op)")
        }
    }
}
