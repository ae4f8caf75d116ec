// Five steps of every optimizer and option from fixed weights and gradients give Keras 3's weights.
import Foundation
import Testing
import Tensors
@testable import Layers

@Suite struct OptimizerTests {
    static func make(_ kind: String, _ config: [String: Any]) throws -> Optimizer {
        func d(_ k: String) -> Double? { (config[k] as? NSNumber)?.doubleValue }
        switch kind {
        case "SGD":
            return try SGD(learningRate: d("learning_rate") ?? 0.01, momentum: d("momentum") ?? 0,
                           nesterov: config["nesterov"] as? Bool ?? false, clipNorm: d("clipnorm"), globalClipNorm: d("global_clipnorm"))
        case "Adam":
            return try Adam(learningRate: d("learning_rate") ?? 0.001, beta1: d("beta_1") ?? 0.9, beta2: d("beta_2") ?? 0.999,
                            epsilon: d("epsilon") ?? 1e-7, clipNorm: d("clipnorm"), globalClipNorm: d("global_clipnorm"))
        case "RMSprop":
            return try RMSProp(learningRate: d("learning_rate") ?? 0.001, rho: d("rho") ?? 0.9, momentum: d("momentum") ?? 0,
                               epsilon: d("epsilon") ?? 1e-7, centered: config["centered"] as? Bool ?? false,
                               clipNorm: d("clipnorm"), globalClipNorm: d("global_clipnorm"))
        default: fatalError(kind)
        }
    }

    @Test("matches Keras step by step", arguments: TrainingFixtures.optimizerNames)
    func matchesKeras(_ name: String) throws {
        let section = TrainingFixtures.all["optimizers"] as! [String: Any]
        let entry = (section["cases"] as! [[String: Any]]).first { $0["name"] as! String == name }!
        let optimizer = try Self.make(entry["optimizer"] as! String, entry["config"] as! [String: Any])
        var weights = (section["initial"] as! [Any]).map(fixtureFloats)
        let owner = NSObject()
        let keys = weights.indices.map { WeightKey(owner: owner, index: $0) }
        for (step, (gradients, expected)) in zip(section["gradients"] as! [[Any]], entry["steps"] as! [[Any]]).enumerated() {
            try optimizer.apply(gradients.map(fixtureFloats), to: &weights, keys: keys)
            for (i, (w, want)) in zip(weights, expected.map(fixtureFloats)).enumerated() {
                let diff = relativeDifference(w, want)
                #expect(diff <= 2e-6, "\(name) step \(step + 1) weight \(i): difference \(diff)")
            }
        }
        #expect(optimizer.steps(of: keys[0]) == 5)
    }

    @Test func oneOptimizerKeepsEachWeightsStateApart() throws {
        // Two models updated by one Adam, one weight each: the same as two Adams.
        let shared = try Adam(learningRate: 0.1)
        let (a, b) = (try Adam(learningRate: 0.1), try Adam(learningRate: 0.1))
        let (ownerA, ownerB) = (NSObject(), NSObject())
        var wa: [[Float]] = [[1, 2]], wb: [[Float]] = [[-1, 0.5]]
        var wa2 = wa, wb2 = wb
        for step in 0..<3 {
            let g: [[Float]] = [[Float(step) + 0.5, -1]]
            try shared.apply(g, to: &wa, keys: [WeightKey(owner: ownerA, index: 0)])
            try shared.apply(g.map { $0.map { -2 * $0 } }, to: &wb, keys: [WeightKey(owner: ownerB, index: 0)])
            try a.apply(g, to: &wa2, keys: [WeightKey(owner: ownerA, index: 0)])
            try b.apply(g.map { $0.map { -2 * $0 } }, to: &wb2, keys: [WeightKey(owner: ownerB, index: 0)])
        }
        #expect(wa == wa2 && wb == wb2)
    }

    @Test func badArgumentsAreErrors() throws {
        #expect(throws: TensorError.self) { try SGD(momentum: 1.5) }
        #expect(throws: TensorError.self) { try Adam(clipNorm: 1, globalClipNorm: 1) }
        let sgd = try SGD()
        var w: [[Float]] = [[1, 2]]
        let key = [WeightKey(owner: sgd, index: 0)]
        #expect(throws: TensorError.self) { try sgd.apply([[1]], to: &w, keys: key) }
        #expect(throws: TensorError.self) { try sgd.apply([[.nan, 1]], to: &w, keys: key) }
        #expect(w == [[1, 2]])
    }

    @Test func updatesALayersWeightsInPlace() throws {
        let dense = try Dense(units: 2, session: testSession())
        _ = try dense(try Tensor(shape: [1, 3], scalars: [1, 2, 3]))
        let slots = trainableSlots(of: dense)
        #expect(slots.map(\.path) == ["dense/kernel", "dense/bias"])
        let before = try dense.weights.map(\.scalars)
        let sgd = try SGD(learningRate: 0.5)
        try sgd.update(slots, along: [try Tensor(shape: [3, 2], scalars: [1, 1, 1, 1, 1, 1]), try Tensor(shape: [2], scalars: [2, -2])])
        let after = try dense.weights.map(\.scalars)
        #expect(after[0] == before[0].map { $0 - 0.5 })
        #expect(after[1] == [-1, 1])
        #expect(throws: TensorError.self) { try sgd.update(slots, along: [try Tensor(shape: [2], scalars: [1, 1])]) }
    }
}
