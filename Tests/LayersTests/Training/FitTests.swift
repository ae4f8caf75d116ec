// fit, evaluate and predict on small fixed problems with shuffle: false give Keras 3's per-epoch
// logs, printed lines, final weights, evaluation and predictions. The gradients come from a
// hand-written backward pass of two Dense layers (the loop does not depend on how they are made).
import Foundation
import Testing
import Tensors
import Reports
@testable import Layers

/// Two Dense layers trained through `TrainingStep` with their backward written out.
struct TwoDense {
    let model: Sequential
    let first: Dense, second: Dense

    init(activations: [String], weights: [Tensor], inputSize: Int, session: LayerSession) throws {
        first = try Dense(units: dims(weights[0])[1], activation: Activation(rawValue: activations[0])!, session: session)
        second = try Dense(units: dims(weights[2])[1], activation: Activation(rawValue: activations[1])!, session: session)
        model = try Sequential([first, second], session: session)
        _ = try model(try Tensor(shape: [1, inputSize], scalars: Array(repeating: 0, count: inputSize)))
        try first.setWeights(Array(weights[0..<2]))
        try second.setWeights(Array(weights[2..<4]))
    }

    var step: TrainingStep {
        TrainingStep(weights: trainableSlots(of: model), forward: { inputs in
            let x = inputs[0]
            let (a1, z1Derivative) = try Self.layer(first, x.scalars, rows: dims(x)[0])
            let rows = dims(x)[0]
            let (p, _) = try Self.layer(second, a1, rows: rows)
            let pullback: (Tensor) throws -> [Tensor] = { dp in
                let dz2 = Self.activationBackward(second.activation, output: p, gradient: dp.scalars, width: second.units)
                let (dW2, db2, da1) = Self.affineBackward(input: a1, inputSize: first.units, kernel: second.parameter(0),
                                                          units: second.units, dz: dz2, rows: rows)
                let dz1 = zip(da1, z1Derivative).map { $0 * $1 }
                let (dW1, db1, _) = Self.affineBackward(input: x.scalars, inputSize: dims(x)[1], kernel: first.parameter(0),
                                                        units: first.units, dz: dz1, rows: rows)
                return [try Tensor(shape: [dims(x)[1], first.units], scalars: dW1), try Tensor(shape: [first.units], scalars: db1),
                        try Tensor(shape: [first.units, second.units], scalars: dW2), try Tensor(shape: [second.units], scalars: db2)]
            }
            return (try Tensor(shape: [rows, second.units], scalars: p), pullback)
        }, predict: { inputs in try model(inputs[0]) })
    }

    /// The layer's output, and for elementwise activations their derivative at each output.
    static func layer(_ d: Dense, _ x: [Float], rows: Int) throws -> ([Float], [Float]) {
        let y = try d(try Tensor(shape: [rows, x.count / rows], scalars: x)).scalars
        let derivative: [Float] = y.map { v in
            switch d.activation {
            case .relu: return v > 0 ? 1 : 0
            case .sigmoid: return v * (1 - v)
            case .tanh: return 1 - v * v
            default: return 1
            }
        }
        return (y, derivative)
    }

    static func activationBackward(_ a: Activation, output p: [Float], gradient g: [Float], width: Int) -> [Float] {
        switch a {
        case .linear: return g
        case .sigmoid: return zip(p, g).map { $1 * $0 * (1 - $0) }
        case .softmax:
            var out = [Float](repeating: 0, count: g.count)
            for r in 0..<(g.count / width) {
                let range = r * width..<(r + 1) * width
                let dot = range.reduce(Float(0)) { $0 + g[$1] * p[$1] }
                for j in range { out[j] = p[j] * (g[j] - dot) }
            }
            return out
        default: fatalError("not used")
        }
    }

    /// dW = xᵀ·dz, db = Σ dz, dx = dz·Wᵀ.
    static func affineBackward(input x: [Float], inputSize k: Int, kernel w: [Float], units n: Int, dz: [Float], rows: Int)
        -> ([Float], [Float], [Float]) {
        var dW = [Float](repeating: 0, count: k * n), db = [Float](repeating: 0, count: n), dx = [Float](repeating: 0, count: rows * k)
        for r in 0..<rows {
            for j in 0..<n {
                let g = dz[r * n + j]
                db[j] += g
                for i in 0..<k {
                    dW[i * n + j] += x[r * k + i] * g
                    dx[r * k + i] += g * w[i * n + j]
                }
            }
        }
        return (dW, db, dx)
    }
}

@Suite struct FitTests {
    static func optimizer(_ entry: [String: Any]) throws -> Optimizer {
        let c = entry["optimizerConfig"] as! [String: Any]
        func d(_ k: String) -> Double { (c[k] as! NSNumber).doubleValue }
        switch entry["optimizer"] as! String {
        case "Adam": return try Adam(learningRate: d("learning_rate"), beta1: d("beta_1"), beta2: d("beta_2"), epsilon: d("epsilon"))
        case "SGD": return try SGD(learningRate: d("learning_rate"), momentum: d("momentum"), nesterov: c["nesterov"] as! Bool)
        default: return try RMSProp(learningRate: d("learning_rate"), rho: d("rho"), momentum: d("momentum"), epsilon: d("epsilon"),
                                    centered: c["centered"] as! Bool)
        }
    }

    @Test("fit, evaluate and predict match Keras", arguments: TrainingFixtures.names("fit"))
    func matchesKeras(_ name: String) throws {
        let entry = TrainingFixtures.named("fit", name)
        let weights = try (entry["initialWeights"] as! [Any]).map { try fixtureTensor($0) }
        let x = try fixtureTensor(entry["x"]), xVal = try fixtureTensor(entry["xVal"])
        let sparse = (entry["loss"] as! String).hasPrefix("sparse")
        let y = try fixtureTensor(entry["y"], integers: sparse), yVal = try fixtureTensor(entry["yVal"], integers: sparse)
        let net = try TwoDense(activations: entry["activations"] as! [String], weights: weights, inputSize: dims(x)[1],
                               session: testSession())
        let loss = Loss(Loss.Kind(rawValue: entry["loss"] as! String)!)
        let metrics = (entry["metrics"] as! [String]).map { Metric(Metric.Kind(rawValue: $0)!) }
        net.model.compile(optimizer: try Self.optimizer(entry), loss: loss, metrics: metrics)

        var printed: [String] = []
        let log = TrainingLog(line: { printed.append(ProgressLine.withoutTimings($0)) })
        var random = RandomGenerator(seed: 1)
        let history = try Trainer.fit(net.model, step: net.step, x: [x], y: y, epochs: entry["epochs"] as! Int,
                                      batchSize: entry["batchSize"] as! Int, shuffle: false, validationData: ([xVal], yVal),
                                      random: &random, report: log.handle)
        let want = entry["history"] as! [String: [NSNumber]]
        #expect(Set(history.keys) == Set(want.keys))
        for (key, values) in want {
            let diff = relativeDifference(history[key] ?? [], values.map(\.floatValue))
            #expect(diff <= 1e-5, "\(name) history \(key): difference \(diff)")
        }
        #expect(history.epochs == Array(0..<(entry["epochs"] as! Int)))
        #expect(printed == entry["printed"] as! [String])

        let final = try net.model.layers.flatMap { try $0.weights }.map(\.scalars)
        for (i, (w, expected)) in zip(final, (entry["finalWeights"] as! [Any]).map(fixtureFloats)).enumerated() {
            let diff = relativeDifference(w, expected)
            #expect(diff <= 1e-5, "\(name) final weight \(i): difference \(diff)")
        }

        let evaluation = try Trainer.evaluate(net.model, step: net.step, x: [xVal], y: yVal, batchSize: entry["batchSize"] as! Int)
        let expectedEvaluation = (entry["evaluate"] as! [NSNumber]).map(\.floatValue)
        #expect(evaluation.names == ["loss"] + metrics.map(\.name))
        #expect(relativeDifference(evaluation.values, expectedEvaluation) <= 1e-5)
        #expect(evaluation["loss"] == evaluation[0])
        if !metrics.isEmpty { #expect(evaluation[metrics[0].name] == evaluation[1]) }

        let predictions = try Trainer.predict(net.model.name, step: net.step, x: [xVal], batchSize: entry["batchSize"] as! Int)
        #expect(relativeDifference(predictions.scalars, fixtureFloats(entry["predict"])) <= 1e-5)
    }

    @Test func fitNeedsACompiledModelAndMatchingArrays() throws {
        let session = testSession()
        let model = try Sequential([try Dense(units: 1, session: session)], session: session)
        let x = try Tensor(shape: [4, 2], scalars: [1, 2, 3, 4, 5, 6, 7, 8]), y = try Tensor(shape: [4, 1], scalars: [0, 1, 0, 1])
        _ = try model(x)
        let step = TrainingStep(weights: trainableSlots(of: model), forward: { _ in fatalError("not reached") },
                                predict: { try model($0[0]) })
        var random = RandomGenerator(seed: 3)
        let notCompiled = #expect(throws: TensorError.self) { try Trainer.fit(model, step: step, x: [x], y: y, random: &random) }
        #expect(notCompiled?.message.contains("not compiled") == true)
        model.compile(optimizer: try SGD(), loss: .meanSquaredError)
        let mismatch = #expect(throws: TensorError.self) {
            try Trainer.fit(model, step: step, x: [x], y: try Tensor(shape: [3, 1], scalars: [0, 1, 0]), random: &random)
        }
        #expect(mismatch?.message.contains("(4, 2)") == true && mismatch?.message.contains("(3, 1)") == true)
    }

    @Test func aNonFiniteLossNamesTheEpochAndBatch() throws {
        let session = testSession()
        let model = try Sequential([try Dense(units: 1, session: session)], session: session)
        let x = try Tensor(shape: [4, 1], scalars: [1, 2, 3, .infinity]), y = try Tensor(shape: [4, 1], scalars: [0, 1, 0, 1])
        _ = try model(x)
        model.compile(optimizer: try SGD(), loss: .meanSquaredError)
        let step = TrainingStep(weights: trainableSlots(of: model), forward: { inputs in
            (try model(inputs[0]), { _ in try model.layers[0].weights.map { w in try Tensor(shape: dims(w), scalars: w.scalars.map { _ in 0 }) } })
        }, predict: { try model($0[0]) })
        var random = RandomGenerator(seed: 3)
        let error = #expect(throws: TensorError.self) {
            try Trainer.fit(model, step: step, x: [x], y: y, epochs: 2, batchSize: 3, shuffle: false, random: &random)
        }
        #expect(error?.message.contains("epoch 1, batch 2 of 2") == true)
    }

    @Test func shuffledOrderIsSeededAndAPermutation() {
        var a = RandomGenerator(seed: 42), b = RandomGenerator(seed: 42)
        let first = Batches.permutation(10, &a)
        #expect(first == Batches.permutation(10, &b))
        #expect(first.sorted() == Array(0..<10) && first != Array(0..<10))
        #expect(Batches.permutation(10, &a) != first)  // the next epoch draws a new order
    }
}

extension FitTests {
    @Test func historyPlotsEverySeriesPerEpoch() throws {
        var history = History()
        history.append(epoch: 0, logs: [("accuracy", 0.5), ("loss", 0.75), ("val_loss", 0.625)])
        history.append(epoch: 1, logs: [("accuracy", 0.75), ("loss", 0.5), ("val_loss", 0.5)])
        #expect(history["loss"] == [0.75, 0.5] && history.keys == ["accuracy", "loss", "val_loss"])
        guard case .linePlot(let plot) = history.plot() else { Issue.record("not a line plot"); return }
        #expect(plot.xLabel == "epoch")
        #expect(plot.series.map(\.label) == ["accuracy", "loss", "val_loss"])
        #expect(plot.series[2].x == [1, 2] && plot.series[2].y == [0.625, 0.5])
    }
}
