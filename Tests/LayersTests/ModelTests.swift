// Functional models: the graph recorded on symbolic tensors runs on concrete ones as Keras runs it.
import Testing
import Tensors
@testable import Layers

@Suite struct ModelTests {
    /// The seed's architecture at small sizes, as scripts/fixtures/keras_layers.py builds it.
    static func tinySeed(session: LayerSession) throws -> (Model, [String: GraphOperation], BahdanauAttention) {
        let input = try Input(shape: [7], dtype: .int32, session: session)
        let embedding = try Embedding(vocabularySize: 20, embeddingSize: 6, maskZero: true, session: session)
        let bi1 = try Bidirectional(LSTM(units: 4, returnSequences: true, dropout: 0.5, session: session), session: session)
        let bi2 = try Bidirectional(LSTM(units: 4, returnSequences: true, returnState: true, dropout: 0.5, session: session),
                                    session: session)
        let first = try bi1(embedding(input))[0]
        let second = try bi2(first)
        let stateH = try Concatenate(session: session)([second[1], second[3]])
        let attention = try BahdanauAttention(units: 5, session: session)
        let attended = try attention(second[0], stateH)
        let dense3 = try Dense(units: 3, activation: .relu, session: session)
        let dense4 = try Dense(units: 1, activation: .sigmoid, session: session)
        let output = try dense4(Dropout(rate: 0.5, session: session)(dense3(attended[0])))
        let model = try Model(inputs: [input], outputs: [output, attended[1]], session: session)
        let layers: [String: GraphOperation] = ["embedding": embedding, "bidirectional": bi1, "bidirectional_1": bi2,
                                                "dense_3": dense3, "dense_4": dense4]
        return (model, layers, attention)
    }

    static func loadKerasWeights(_ layers: [String: GraphOperation], _ attention: BahdanauAttention) throws {
        let spec = Fixtures.manifest["tinySeedModel"] as! [String: Any]
        let weights = spec["weights"] as! [String: [String]]
        for (name, files) in weights {
            let tensors = try files.map(Fixtures.npy)
            if name == "bahdanau_attention" {
                try attention.w1.setWeights(Array(tensors[0..<2]))
                try attention.w2.setWeights(Array(tensors[2..<4]))
                try attention.v.setWeights(Array(tensors[4..<6]))
            } else {
                try (layers[name] as! Layer).setWeights(tensors)
            }
        }
    }

    @Test func runsTheSeedArchitectureAsKeras() throws {
        let (model, layers, attention) = try Self.tinySeed(session: testSession())
        try Self.loadKerasWeights(layers, attention)
        let spec = Fixtures.manifest["tinySeedModel"] as! [String: Any]
        let ids = try Fixtures.npy(spec["input"] as! String)
        let expected = try (spec["outputs"] as! [String]).map(Fixtures.npy)
        let outputs = try model([ids])
        #expect(outputs.map(\.shape) == expected.map(\.shape))
        for (out, want) in zip(outputs, expected) {
            #expect(maxDifference(out, want) <= 1e-5)
        }
        // Ids as whole-number floats (the seed feeds `zeros`) give the same numbers.
        let floatIds = try ids.converted(to: .float32)
        #expect(maxDifference(try model([floatIds])[0], expected[0]) <= 1e-5)
    }

    @Test func userLayerIsOneNodeWithItsParameters() throws {
        let session = testSession()
        let (model, _, attention) = try Self.tinySeed(session: session)
        let names = model.operations.map(\.name)
        #expect(names == ["input_layer", "embedding", "not_equal", "bidirectional", "bidirectional_1",
                          "concatenate", "bahdanau_attention", "dense_3", "dropout", "dense_4"])
        // The Dense layers inside the attention are not nodes of the model.
        #expect(attention.w1.nodeCount == 0 && attention.v.nodeCount == 0)
        #expect(attention.node.parameterCount == (8 * 5 + 5) * 2 + 5 + 1)
        let row = model.summary().rows.first { $0.name == "bahdanau_attention" }!
        #expect(row.outputShape == "[(None, 8), (None, 7, 1)]")
        #expect(row.connectedTo == ["bidirectional_1[0][0]", "concatenate[0][0]"])
    }

    @Test func symbolicCallsComputeShapesOnly() throws {
        let session = testSession()
        let input = try Input(shape: [500], dtype: .int32, session: session)
        let embedded = try Embedding(vocabularySize: 10000, embeddingSize: 128, maskZero: true, session: session)(input)
        let outputs = try Bidirectional(LSTM(units: 64, returnSequences: true, returnState: true, session: session),
                                        session: session)(embedded)
        #expect(embedded.isSymbolic && embedded.shape.description == "(None, 500, 128)")
        #expect(outputs.map(\.shape.description) == ["(None, 500, 128)", "(None, 64)", "(None, 64)", "(None, 64)", "(None, 64)"])
        #expect(kerasMask(of: outputs[0]) != nil && kerasMask(of: outputs[1]) == nil)
    }

    @Test func masksTravelWithConcreteTensors() throws {
        let session = testSession()
        let embedding = try Embedding(vocabularySize: 5, embeddingSize: 2, maskZero: true, session: session)
        let x = try embedding(Tensor(shape: [1, 4], int32Scalars: [3, 1, 0, 0]))
        #expect(kerasMask(of: x)?.int32Scalars == [1, 1, 0, 0])
        let lstm = try LSTM(units: 3, returnSequences: true, session: session)
        let y = try lstm(x)[0]
        // Masked steps repeat the last unmasked output.
        let s = y.scalars
        #expect(Array(s[6..<9]) == Array(s[3..<6]) && Array(s[9..<12]) == Array(s[3..<6]))
        #expect(kerasMask(of: y)?.int32Scalars == [1, 1, 0, 0])
    }

    @Test func sequentialRunsLayersInOrder() throws {
        let session = testSession()
        let dense1 = try Dense(units: 4, activation: .tanh, session: session)
        let dense2 = try Dense(units: 2, session: session)
        let model = try Sequential([dense1, dense2], session: session)
        let x = try Tensor(randomUniform: [3, 5], generator: &session.random)
        #expect(maxDifference(try model(x), try dense2(dense1(x))) == 0)
        #expect(model.parameterCount == 5 * 4 + 4 + 4 * 2 + 2)
    }

    @Test func kerasInitializersGiveKerasShapedWeights() throws {
        let session = testSession()
        let lstm = try LSTM(units: 3, session: session)
        _ = try lstm(Tensor(zeros: [1, 2, 5]))
        let w = try lstm.weights
        #expect(w.map(\.shape.description) == ["(5, 12)", "(3, 12)", "(12,)"])
        #expect(w[2].scalars == [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0])  // unit_forget_bias
        let limit = (6.0 / 17.0).squareRoot()
        #expect(w[0].scalars.allSatisfy { abs(Double($0)) <= limit })
        // The recurrent kernel is orthogonal: its rows are orthonormal.
        let r = w[1].scalars
        for i in 0..<3 {
            for j in 0..<3 {
                let dot = (0..<12).reduce(Float(0)) { $0 + r[i * 12 + $1] * r[j * 12 + $1] }
                #expect(abs(dot - (i == j ? 1 : 0)) < 1e-5)
            }
        }
        // Same seed, same weights: a rerun of a notebook builds the same model.
        let again = try LSTM(units: 3, session: testSession())
        _ = try again(Tensor(zeros: [1, 2, 5]))
        #expect(try again.weights[0].scalars == w[0].scalars)
    }
}

@Suite struct UserLayerTests {
    /// A user layer holding another user layer and a Dense: one node, parameters of both.
    final class Outer {
        let inner: BahdanauAttention
        let dense: Dense
        let node: CustomLayerNode

        init(session: LayerSession) throws {
            var held: [GraphOperation] = []
            node = CustomLayerNode(className: "OuterBlock", session: session, heldLayers: { held })
            inner = try BahdanauAttention(units: 3, session: session)
            dense = try Dense(units: 2, session: session)
            held = [inner.node, dense]
        }

        func callAsFunction(_ values: Tensor, _ query: Tensor) throws -> Tensor {
            try node.call([values, query], returnsList: false) { [inner, dense] args in
                [try dense(inner(args[0], args[1])[0])]
            }[0]
        }
    }

    @Test func nestedUserLayersRecordOneNode() throws {
        let session = testSession()
        let values = try Input(shape: [5, 4], session: session), query = try Input(shape: [4], session: session)
        let outer = try Outer(session: session)
        let output = try outer(values, query)
        #expect(output.shape.description == "(None, 2)")
        let model = try Model(inputs: [values, query], outputs: [output], session: session)
        #expect(model.operations.map(\.name) == ["input_layer", "input_layer_1", "outer_block"])
        #expect(outer.inner.node.nodeCount == 0 && outer.dense.nodeCount == 0)
        #expect(outer.node.parameterCount == outer.inner.node.parameterCount + outer.dense.parameterCount)
        #expect(outer.dense.parameterCount == 4 * 2 + 2)
        #expect(model.summary().totalParameters == outer.node.parameterCount)
        #expect(try model.weights.count == 8)
        // The model runs the body on concrete tensors.
        let v = try Tensor(randomUniform: [2, 5, 4], generator: &session.random)
        let q = try Tensor(randomUniform: [2, 4], generator: &session.random)
        #expect(maxDifference(try model([v, q])[0], try outer(v, q)) == 0)
    }

    @Test func sequentialBuildsOnFirstCallAsKeras3() throws {
        let session = testSession()
        let model = try Sequential([Dense(units: 4, session: session), Dense(units: 1, session: session)], session: session)
        #expect(model.summary().text() == (try Fixtures.text("sequential_unbuilt_summary.txt")))
        _ = try model(Tensor(zeros: [2, 3]))
        #expect(model.summary().text() == (try Fixtures.text("sequential_built_on_call_summary.txt")))
    }
}
