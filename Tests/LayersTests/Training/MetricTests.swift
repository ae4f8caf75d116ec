// Accuracy metrics and their running means over batches, against Keras 3's metric objects.
import Foundation
import Testing
import Tensors
@testable import Layers

@Suite struct MetricTests {
    @Test("running means match Keras", arguments: TrainingFixtures.names("metrics"))
    func matchesKeras(_ name: String) throws {
        let entry = TrainingFixtures.named("metrics", name)
        let metric: Metric = switch name {
        case "binary_accuracy": .binaryAccuracy
        case "binary_accuracy_0.3": .binaryAccuracy(threshold: 0.3)
        case "sparse_categorical_accuracy", "sparse_categorical_accuracy_keras_mask": .sparseCategoricalAccuracy
        default: .categoricalAccuracy
        }
        var mean = RunningMean()
        for (batch, want) in zip(entry["batches"] as! [[Any]], entry["results"] as! [NSNumber]) {
            let (values, shape) = try metric.values(predicted: try fixtureTensor(batch[1]), expected: try fixtureTensor(batch[0]))
            // With a Keras mask on the predictions, Keras weighs each position by it.
            mean.add(values, shape: shape, weights: batch.count > 2 ? fixtureFloats(batch[2]) : nil)
            #expect(mean.result == want.floatValue, "\(name): \(mean.result) vs \(want)")
        }
    }

    @Test func accuracyIsChosenFromTheShapesAsKerasChooses() {
        let a = Metric.accuracy
        #expect(a.resolved(expected: TensorShape([8, 1]), predicted: TensorShape([8, 1])) == .binaryAccuracy)
        #expect(a.resolved(expected: TensorShape([8]), predicted: TensorShape([8, 5])) == .sparseCategoricalAccuracy)
        #expect(a.resolved(expected: TensorShape([8, 1]), predicted: TensorShape([8, 5])) == .sparseCategoricalAccuracy)
        #expect(a.resolved(expected: TensorShape([8, 5]), predicted: TensorShape([8, 5])) == .categoricalAccuracy)
        #expect(a.name == "accuracy" && Metric.sparseCategoricalAccuracy.name == "sparse_categorical_accuracy")
    }
}
