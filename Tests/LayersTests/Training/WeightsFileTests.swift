// saveWeights / loadWeights: .npz archives named by Keras's variable paths, read from Keras's
// own export and written back so that NumPy's layout survives a round trip.
import Foundation
import Testing
import Tensors
@testable import Layers

@Suite struct WeightsFileTests {
    /// Embedding(maskZero) → Bidirectional(LSTM(3)) → Dense(2, softmax), as the fixture's Keras model.
    static func model(_ session: LayerSession) throws -> Model {
        let input = try Input(shape: [5], dtype: .int32, session: session)
        let e = try Embedding(vocabularySize: 10, embeddingSize: 4, maskZero: true, session: session).apply([input])[0]
        let b = try Bidirectional(try LSTM(units: 3, session: session), session: session).apply([e])[0]
        let o = try Dense(units: 2, activation: .softmax, session: session).apply([b])[0]
        return try Model(inputs: input, outputs: o, session: session)
    }

    @Test func loadsKerasWeightsByPath() throws {
        let model = try Self.model(testSession())
        let fixture = TrainingFixtures.all["weights"] as! [String: Any]
        #expect(trainableSlots(of: model).map(\.path) == fixture["paths"] as! [String])
        try loadWeights(model, from: TrainingFixtures.folder.appendingPathComponent("keras_weights.npz").path)
        let output = try model(try fixtureTensor(fixture["ids"], integers: true))
        #expect(relativeDifference(output.scalars, fixtureFloats(fixture["output"])) <= 1e-6)
    }

    @Test func savedWeightsComeBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nbrun-weights-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("weights.npz").path
        let trained = try Self.model(testSession(seed: 1))
        try saveWeights(trained, to: path)
        let fresh = try Self.model(testSession(seed: 2))
        try loadWeights(fresh, from: path)
        #expect(try fresh.weights.map(\.scalars) == trained.weights.map(\.scalars))
        let archive = try loadNumpyArchive(path)
        #expect(archive["bidirectional/backward_lstm/lstm_cell/recurrent_kernel"]?.shape == TensorShape([3, 12]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["weights.npz"])  // no temporary left
    }

    @Test func mismatchesAreEachNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nbrun-weights-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("other.npz").path
        let model = try Self.model(testSession())
        var arrays = try trainableSlots(of: model).map { ($0.path, try Tensor(shape: $0.shape, scalars: $0.values)) }
        arrays.removeFirst()                                   // embedding/embeddings missing
        arrays[arrays.count - 1] = ("dense/bias", try Tensor(shape: [3], scalars: [1, 2, 3]))
        arrays.append(("dense_9/kernel", try Tensor(shape: [1], scalars: [0])))
        try saveNumpyArchive(arrays, to: path)
        let before = try model.weights.map(\.scalars)
        let error = #expect(throws: TensorError.self) { try loadWeights(model, from: path) }
        let message = error?.message ?? ""
        #expect(message.contains("embedding/embeddings (shape (10, 4)) is not in the file"))
        #expect(message.contains("dense/bias has shape (3,)"))
        #expect(message.contains("dense_9/kernel"))
        #expect(try model.weights.map(\.scalars) == before)   // nothing loaded
    }
}

extension WeightsFileTests {
    @Test func userLayersPrefixTheirLayersPathsAsKerasDoes() throws {
        let session = testSession()
        let w1 = try Dense(units: 3, session: session, name: "dense_1"), v = try Dense(units: 1, session: session, name: "dense_2")
        let node = CustomLayerNode(className: "BahdanauAttention", session: session, heldLayers: { [w1, v] })
        _ = try v(try w1(try Tensor(shape: [1, 2, 4], scalars: Array(repeating: 0.5, count: 8))))
        #expect(trainableSlots(of: node).map(\.path) == TrainingFixtures.all["customLayerPaths"] as! [String])
    }
}
