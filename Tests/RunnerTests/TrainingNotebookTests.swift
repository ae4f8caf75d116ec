import Foundation
import Testing

/// Training through notebooks (training.md, issue 13): bad input is a cell error at the line,
/// naming what is wrong; the same training notebook gives the same losses to the last digit
/// on every run, alone or with `-j 2` beside other notebooks.
@Suite struct TrainingNotebookTests {
    static let errors = """
        ```swift id=setup
        let x = Tensor([[0, 1], [1, 0], [1, 1], [0, 0]])
        let y = Tensor([[1], [0], [1], [0]])
        let model = Sequential([Dense(units: 1)])
        _ = model(x)
        model.compile(optimizer: SGD(learningRate: 0.1), loss: .meanSquaredError)
        ```

        ```swift id=nan expect-error
        let withNaN = log(Tensor([[1, 1], [1, 1], [-1, 1], [1, 1]]))
        model.fit(withNaN, y, epochs: 2, batchSize: 1, shuffle: false)
        ```

        ```swift id=labels expect-error
        model.fit(x, Tensor([[1, 0, 1], [0, 1, 0], [1, 1, 1], [0, 0, 0]]), batchSize: 4)
        ```

        ```swift id=save
        model.saveWeights("weights.npz")
        ```

        ```swift id=load expect-error
        let other = Sequential([Dense(units: 3), Dense(units: 1)])
        _ = other(x)
        other.loadWeights("weights.npz")
        ```

        ```swift id=not-scalar expect-error
        let (value, grads) = valueWithGradient(at: model) { m -> Tensor in m(x) }
        ```

        ```swift id=ids expect-error
        let g = gradient(at: Tensor<Int32>([[1, 2]])) { i in Tensor<Float>(i).sum() }
        ```
        """

    @Test func badTrainingInputIsACellErrorNamingWhatIsWrong() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("nb/errors.md", Self.errors)
        let run = try box.nbrun(["nb/errors.md"])
        #expect(run.status == 0, "\(run.all)")
        let snap = try #require(box.read("output/errors.snap"))
        func cell(_ id: String) -> String {
            guard let start = snap.range(of: "=== \(id) (") else { return "" }
            let rest = snap[start.upperBound...]
            return String(rest[..<(rest.range(of: "\n===")?.lowerBound ?? rest.endIndex)])
        }
        // NaN: the epoch and the batch where it appeared (the third sample, batch size 1).
        #expect(cell("nan").contains("errors.md:11:1: error: sequential.fit: the loss is NaN at epoch 1, batch 3 of 4; "
            + "lower the learning rate, or check the inputs and labels for NaN or infinite values"), "\(cell("nan"))")
        // Labels that do not fit the predictions: both shapes.
        #expect(cell("labels").contains("expected has shape (4, 3), predicted (4, 1)"), "\(cell("labels"))")
        #expect(cell("labels").contains("errors.md:15:1: error:"), "\(cell("labels"))")
        // A weights file that does not fit: each mismatch named.
        let load = cell("load")
        #expect(load.contains("errors.md:25:1: error: sequential_1.loadWeights: weights.npz does not fit the model:"), "\(load)")
        for problem in ["dense_1/kernel (shape (2, 3)) is not in the file", "dense_2/bias (shape (1,)) is not in the file",
                        "dense/kernel (shape (2, 1)) in the file is not a weight of sequential_1"] {
            #expect(load.contains(problem), "\(load)")
        }
        #expect(!box.files().contains { $0.hasPrefix("nb/") && $0.contains(".tmp") })
        // A loss closure whose result is not a scalar: its shape.
        #expect(cell("not-scalar").contains("must return a scalar tensor (the loss), got float32 of shape (4, 1)"), "\(cell("not-scalar"))")
        // A gradient of integer ids.
        #expect(cell("ids").contains("cannot differentiate with respect to a Tensor<Int32> (shape (1, 2))"), "\(cell("ids"))")
    }

    /// Seeded weights, shuffles and dropout masks: one notebook, printed losses in full.
    static let training = """
        ---
        seed: 3
        ---
        ```swift id=train
        let x = Tensor<Int32>(randomUniform: [48, 6], lowerBound: 0, upperBound: 20)
        let y = Tensor(randomUniform: [48, 1])
        let model = Sequential([Embedding(vocabularySize: 20, embeddingSize: 4, maskZero: true), LSTM(units: 8),
                                Dropout(rate: 0.3), Dense(units: 16, activation: .relu), Dense(units: 1, activation: .sigmoid)])
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .binaryCrossentropy, metrics: [.accuracy])
        let history = model.fit(x, y, epochs: 3, batchSize: 8, validationData: (x, y))
        print(history["loss"]!, history["val_loss"]!)
        print(model.predict(x).sum())
        ```
        """

    @Test func trainingIsDeterministicAcrossRunsAndJobs() throws {
        let box = try Sandbox()
        defer { box.remove() }
        for name in ["a", "b", "c"] { try box.write("course/\(name).md", Self.training) }
        try box.nbrun(["-j", "1", "--rerun", "-o", "one", "course/a.md"])
        try box.nbrun(["-j", "1", "--rerun", "-o", "again", "course/a.md"])
        try box.nbrun(["-j", "2", "--rerun", "-o", "two", "course"])
        func losses(_ path: String) -> String? {
            box.read(path).flatMap { snap in snap.range(of: "\n===").map { String(snap[$0.lowerBound...]) } }
        }
        let first = try #require(losses("one/a.snap"))
        #expect(first.contains("Epoch 3/3"), "\(first)")
        #expect(losses("again/a.snap") == first)
        for name in ["a", "b", "c"] { #expect(losses("two/\(name).snap") == first, "\(name)") }
    }
}
