// Every loss's value and gradient (with respect to the predictions) against Keras 3's loss
// objects and TensorFlow's GradientTape, with and without masks (Keras's sample_weight).
import Foundation
import Testing
import Tensors
@testable import Layers

@Suite struct LossTests {
    static func loss(for name: String) -> Loss {
        if name.hasPrefix("bce_logits") { return .binaryCrossentropy(fromLogits: true) }
        if name.hasPrefix("bce") { return .binaryCrossentropy }
        if name.hasPrefix("cce_logits") { return .categoricalCrossentropy(fromLogits: true) }
        if name.hasPrefix("cce") { return .categoricalCrossentropy }
        if name.hasPrefix("scce_probs") { return .sparseCategoricalCrossentropy }
        if name.hasPrefix("scce") { return .sparseCategoricalCrossentropy(fromLogits: true) }
        return .meanSquaredError
    }

    @Test("value and gradient match TensorFlow", arguments: TrainingFixtures.names("losses"))
    func matchesTensorFlow(_ name: String) throws {
        let entry = TrainingFixtures.named("losses", name)
        let loss = Self.loss(for: name)
        let predicted = try fixtureTensor(entry["predicted"])
        let expected = try fixtureTensor(entry["expected"], integers: loss.kind == .sparseCategoricalCrossentropy)
        let mask = entry["mask"] is NSNull ? nil : try fixtureTensor(entry["mask"])
        // A mask the predictions carry (Keras's `_keras_mask`) divides by the unmasked positions.
        let kerasMask = entry["kerasMask"] as? Bool ?? false
        let (value, gradient) = kerasMask
            ? try { let r = try loss.evaluate(predicted: predicted, expected: expected, mask: mask, normalization: .unmaskedEntries,
                                              gradient: true); return (r.value, r.gradient!) }()
            : try loss.valueWithGradient(predicted: predicted, expected: expected, mask: mask)
        let want = (entry["value"] as! NSNumber).floatValue
        #expect(value.rank == 0)
        let got = try value.scalar
        #expect(abs(got - want) <= 1e-6 * max(1, abs(want)), "\(name): \(got) vs \(want)")
        #expect(gradient.shape == predicted.shape)
        let diff = relativeDifference(gradient.scalars, fixtureFloats(entry["gradient"]))
        #expect(diff <= 1e-6, "\(name): gradient difference \(diff)")
        if !kerasMask { #expect(try loss.value(predicted: predicted, expected: expected, mask: mask).scalar == got) }
    }

    @Test func functionsGiveTheLossValues() throws {
        let p = try Tensor(shape: [2, 1], scalars: [0.8, 0.3]), y = try Tensor(shape: [2, 1], scalars: [1, 0])
        let bce = try binaryCrossentropy(predicted: p, expected: y).scalar
        #expect(abs(bce - Float(-(log(0.8) + log(0.7)) / 2)) < 1e-6)
        let masked = try binaryCrossentropy(predicted: p, expected: y, mask: try Tensor(shape: [2], scalars: [1, 0])).scalar
        #expect(abs(masked - Float(-log(0.8) / 2)) < 1e-6)  // masked positions still count in the divisor
        let logits = try Tensor(shape: [1, 2, 3], scalars: [1, 2, 3, 0, 0, 0])
        let labels = try Tensor(shape: [1, 2], int32Scalars: [2, 0])
        let sparse = try sparseCategoricalCrossentropy(logits: logits, labels: labels).scalar
        let expected = Float((Foundation.log(Foundation.exp(1.0) + Foundation.exp(2.0) + Foundation.exp(3.0)) - 3 + Foundation.log(3.0)) / 2)
        #expect(abs(sparse - expected) < 1e-6)
        let mse = try meanSquaredError(predicted: p, expected: y).scalar
        #expect(abs(mse - (0.04 + 0.09) / 2) < 1e-7)
    }

    @Test func shapeMismatchesNameBothShapes() throws {
        let p = try Tensor(shape: [4, 3], scalars: Array(repeating: 0.5, count: 12))
        let error = #expect(throws: TensorError.self) {
            try binaryCrossentropy(predicted: p, expected: try Tensor(shape: [4, 2], scalars: Array(repeating: 1, count: 8)))
        }
        #expect(error?.message.contains("[4, 2]") == true || error?.message.contains("(4, 2)") == true)
        #expect(error?.message.contains("(4, 3)") == true || error?.message.contains("[4, 3]") == true)
        #expect(throws: TensorError.self) {
            try sparseCategoricalCrossentropy(logits: p, labels: try Tensor(shape: [4], int32Scalars: [0, 1, 3, 2]))
        }
        #expect(throws: TensorError.self) {
            try sparseCategoricalCrossentropy(logits: p, labels: try Tensor(shape: [3], int32Scalars: [0, 1, 2]))
        }
        #expect(throws: TensorError.self) {
            try meanSquaredError(predicted: p, expected: p, mask: try Tensor(shape: [3], scalars: [1, 1, 1]))
        }
    }
}
