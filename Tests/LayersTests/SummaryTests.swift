// The seed course's IMDB model built as the notebook builds it, against Keras 3's summary().
import Foundation
import Testing
import Tensors
@testable import Layers

/// The seed's BahdanauAttention: a user-defined layer holding Dense W1, W2, V, recorded as one
/// node through `CustomLayerNode` (as the interpreter will do for a cell's `struct ...: Layer`).
final class BahdanauAttention {
    let w1: Dense, w2: Dense, v: Dense
    let node: CustomLayerNode

    init(units: Int, session: LayerSession) throws {
        // Keras names the outer layer first (in `super().__init__()`), then the inner Denses.
        var held: [GraphOperation] = []
        node = CustomLayerNode(className: "BahdanauAttention", session: session, heldLayers: { held })
        w1 = try Dense(units: units, session: session)
        w2 = try Dense(units: units, session: session)
        v = try Dense(units: 1, session: session)
        held = [w1, w2, v]
    }

    /// (context `(batch, features)`, weights `(batch, time, 1)`).
    func callAsFunction(_ values: Tensor, _ query: Tensor) throws -> [Tensor] {
        try node.call([values, query], returnsList: true) { [w1, w2, v] args in
            let (values, query) = (args[0], args[1])
            let score = try v(tanh(try w1(values) + w2(query.expandingShape(at: 1))))
            let weights = try softmax(score, alongAxis: 1)
            return [try (weights * values).sum(squeezingAxes: 1), weights]
        }
    }
}

/// The seed's model: Input(500) → Embedding(10000, 128, maskZero) → Bidirectional(LSTM(64)) twice
/// → Concatenate states → BahdanauAttention(64) → Dense(20, relu) → Dropout → Dense(1, sigmoid).
func seedModel(session: LayerSession) throws -> (model: Model, attention: BahdanauAttention) {
    let input = try Input(shape: [500], dtype: .int32, session: session)
    let embedded = try Embedding(vocabularySize: 10000, embeddingSize: 128, maskZero: true, session: session)(input)
    let first = try Bidirectional(LSTM(units: 64, returnSequences: true, dropout: 0.5, session: session), session: session)(embedded)[0]
    let second = try Bidirectional(LSTM(units: 64, returnSequences: true, returnState: true, dropout: 0.5, session: session),
                                   session: session)(first)
    let stateH = try Concatenate(session: session)([second[1], second[3]])
    _ = try Concatenate(session: session)([second[2], second[4]])
    let attention = try BahdanauAttention(units: 64, session: session)
    let context = try attention(second[0], stateH)[0]
    let dense = try Dense(units: 20, activation: .relu, session: session)(context)
    let dropped = try Dropout(rate: 0.5, session: session)(dense)
    let output = try Dense(units: 1, activation: .sigmoid, session: session)(dropped)
    return (try Model(inputs: input, outputs: output, session: session), attention)
}

@Suite struct SummaryTests {
    @Test func seedModelParameterCountsMatchKeras() throws {
        let (model, _) = try seedModel(session: testSession())
        let summary = model.summary()
        let counts = Dictionary(uniqueKeysWithValues: summary.rows.map { ($0.name, $0.parameterCount) })
        #expect(counts["embedding"] == 1_280_000)
        #expect(counts["bidirectional"] == 98_816)
        #expect(counts["bidirectional_1"] == 98_816)
        #expect(counts["bahdanau_attention"] == 16_577)
        #expect(counts["dense_3"] == 2_580)
        #expect(counts["dense_4"] == 21)
        #expect(summary.totalParameters == 1_496_810)
        #expect(summary.totalParameters == Fixtures.manifest["seedModelParams"] as? Int)
    }

    @Test func seedModelSummaryTextIsKerasText() throws {
        let (model, _) = try seedModel(session: testSession())
        #expect(model.summary().text() == (try Fixtures.text("seed_summary.txt")))
    }

    @Test func wideSummaryTextIsKerasText() throws {
        let (model, _) = try seedModel(session: testSession())
        #expect(model.summary().text(lineLength: 108) == (try Fixtures.text("seed_summary_108.txt")))
    }

    @Test func sequentialSummaryIsKerasText() throws {
        let session = testSession()
        let model = try Sequential([
            Embedding(vocabularySize: 7578, embeddingSize: 256, session: session),
            GRU(units: 1024, returnSequences: true, session: session),
            Dense(units: 7578, session: session),
        ], input: Input(shape: [30], dtype: .int32, session: session), session: session)
        #expect(model.summary().text() == (try Fixtures.text("sequential_summary.txt")))
        #expect(model.parameterCount == Fixtures.manifest["sequentialModelParams"] as? Int)
    }

    @Test func namesCountPerSessionAsKerasDoes() throws {
        let session = testSession()
        let names = try [Dense(units: 1, session: session).name, Dense(units: 1, session: session).name,
                         LSTM(units: 1, session: session).name, Dense(units: 1, session: session).name]
        #expect(names == ["dense", "dense_1", "lstm", "dense_2"])
        #expect(try Dense(units: 1, session: testSession()).name == "dense")
        #expect(LayerSession.snakeCase("BahdanauAttention") == "bahdanau_attention")
        #expect(LayerSession.snakeCase("GRUCell") == "gru_cell")
    }
}
