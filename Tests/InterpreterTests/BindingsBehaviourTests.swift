import Foundation
import Interpreter
import Reports
import Testing

/// What cells rely on beyond reference numbers: the session's seeded generator, errors a learner
/// meets (with their place in the cell), the sandbox, figures and tables as rich values, and user
/// layers inside models. (Serialized with every binding test: see `BindingsTests`.)
extension BindingsTests { @Suite struct BehaviourTests {
    typealias H = BindingsHarness

    // MARK: The session's generator

    @Test func randomTensorsFollowTheSeedAndContinueAcrossCells() {
        let cell = "print(Tensor(randomUniform: [2, 3]))"
        let (a, b) = (H.session(seed: 7), H.session(seed: 7))
        let first = H.shown(H.run(a, cell))
        #expect(first == H.shown(H.run(b, cell)))
        #expect(first != H.shown(H.run(a, cell)), "a second cell draws new numbers")
        #expect(first != H.shown(H.run(H.session(seed: 8), cell)))
    }

    @Test func randomTensorsStayInTheirBounds() {
        let r = H.run(H.session(), """
            let u = Tensor(randomUniform: [1000], lowerBound: -1, upperBound: 1)
            print(u.min().scalar >= -1, u.max().scalar < 1, u.min().scalar < -0.9, u.max().scalar > 0.9)
            let ids = Tensor<Int32>(randomUniform: [64, 30], lowerBound: 0, upperBound: 7)
            print(ids.min().scalar, ids.max().scalar, type(of: ids))
            let n = Tensor(randomNormal: [10000], mean: 3, standardDeviation: 0.5)
            print(abs(n.mean().scalar - 3) < 0.05)
            """)
        #expect(H.shown(r) == "true true true true\n0 6 Tensor<Int32>\ntrue\n")
    }

    @Test func trainTestSplitIsSeededAndKeepsEveryRow() {
        let cell = """
            let ids = Tensor<Int32>(rangeFrom: 0, to: 10, stride: 1).reshaped(to: [10, 1])
            let (a, b, c, d) = trainTestSplit(ids, ids * 10, testFraction: 0.3)
            print(a.shape, b.shape, c.shape, d.shape)
            print(a.sum().scalar + b.sum().scalar, c == a * 10, d == b * 10)
            print(b.scalars)
            """
        let first = H.shown(H.run(H.session(seed: 3), cell))
        #expect(first.hasPrefix("(7, 1) (3, 1) (7, 1) (3, 1)\n45 true true\n"))
        #expect(first == H.shown(H.run(H.session(seed: 3), cell)))
    }

    // MARK: Errors a learner meets

    @Test(arguments: [
        ("let lstm = LSTM(units: 4)\nlet y = lstm(Tensor(zeros: [2, 3]))",
         "2:9: lstm: LSTM expects an input of rank 3 (batch, time, features), got shape (2, 3)"),
        ("let d = Dense(units: 2)\n_ = d(Tensor(zeros: [1, 3]))\nd.setWeights([Tensor(zeros: [2, 2]), Tensor(zeros: [2])])",
         "3:1: dense.setWeights: weight 0 should have shape (3, 2), got (2, 2)"),
        ("let joined = Concatenate()([Tensor(zeros: [2, 3]), Tensor(zeros: [3, 3])])",
         "1:14: concatenate: Concatenate needs shapes that match except along axis -1, got [(2, 3), (3, 3)]"),
        ("let x = Tensor([[1, 2], [3]])", "1:9: Tensor: nested arrays have different lengths (2 and 1); a tensor needs a rectangular shape"),
        ("let y = Dense(units: 2)(5)", "1:9: Dense: expected a Tensor, got Int"),
        ("let d = Tensor<Double>(zeros: [2])", "1:9: tensors hold Float (Tensor<Float>, or just Tensor) or Int32 (Tensor<Int32>); use one of those"),
        ("let y = Tensor(zeros: [2, 3]) + Tensor(zeros: [4])", "1:9: add (+): shapes (2, 3) and (4,) cannot be broadcast together"),
        ("let lines = readLines(\"../x\")", "1:13: readLines: \"../x\" is outside the notebook's folder; a notebook reads only files below it"),
        ("let lines = readLines(\"/etc/passwd\")",
         "1:13: readLines: \"/etc/passwd\" is an absolute path; a notebook reads only files below its own folder, by relative paths"),
        ("let x = Tensor(numpyFile: \"data/../../BindingsReferenceTests.swift\")",
         "1:9: Tensor(numpyFile:): \"data/../../BindingsReferenceTests.swift\" is outside the notebook's folder; a notebook reads only files below it"),
        ("let text = readText(\"data/missing.txt\")", "1:12: readText: no file \"data/missing.txt\" in the notebook's folder"),
        ("let d = Dense(units: 2, activation: .gelu)", "1:9: Dense(activation:): unknown value '.gelu'; expected one of .linear, .relu, .sigmoid, .tanh, .softmax"),
    ])
    func learnerErrors(_ code: String, _ expected: String) {
        let r = H.run(H.session(), code)
        #expect(r.status == .failed)
        #expect(H.firstError(r) == expected)
    }

    @Test func symbolicLinksOutOfTheFolderAreRefused() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("nbrun-bindings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createSymbolicLink(atPath: base.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        try "inside\n".write(to: base.appendingPathComponent("ok.txt"), atomically: true, encoding: .utf8)
        let session = Session(options: SessionOptions(seed: 0, baseDirectory: base.path))
        let r = H.run(session, "let t = readText(\"etc/passwd\")")
        #expect(H.firstError(r) == "1:9: readText: \"etc/passwd\" is outside the notebook's folder; a notebook reads only files below it")
        #expect(H.shown(H.run(session, "print(readLines(\"ok.txt\"))")) == "[\"inside\"]\n")
    }

    @Test func theMemoryLimitIsAnErrorNamingTheShape() {
        // The reservation fails before any memory is taken.
        let r = H.run(H.session(memoryLimit: 512 << 20), "let big = Tensor(zeros: [200_000_000])")
        #expect(H.firstError(r) == "1:11: cannot allocate (200000000,) float32: 0.7 GiB is over the 0.5 GiB tensor memory limit")
        // Put the process-wide limit back for the other tests.
        _ = H.run(H.session(), "let small = Tensor(zeros: [1])")
        #expect(H.shown(H.run(H.session(), "print(Tensor(zeros: [1000, 1000]).shape)")) == "(1000, 1000)\n")
    }

    // MARK: Rich values

    @Test func aTensorResultIsShownAsATensor() {
        let r = H.run(H.session(), "Tensor([[1, 2], [3, 4]]) / 4")
        #expect(r.result == .tensor(shape: [2, 2], text: "[[0.25 0.5 ]\n [0.75 1.  ]]"))
    }

    @Test func figuresAreResultsOrDisplays() {
        let session = H.session()
        let heat = H.run(session, "heatmap(Tensor([[0.25, 0.75]]), rowLabels: [\"q\"], columnLabels: [\"a\", \"b\"], title: \"w\")")
        #expect(heat.result == .figure(.heatmap(Heatmap(title: "w", values: [[0.25, 0.75]], rowLabels: ["q"], columnLabels: ["a", "b"]))))
        let line = H.run(session, "display(linePlot([1, 4, 9], label: \"n²\", title: \"squares\", xLabel: \"n\"))\nprint(\"after\")")
        let plot = LinePlot(title: "squares", xLabel: "n", yLabel: nil, series: [.init(label: "n²", x: [0, 1, 2], y: [1, 4, 9])])
        #expect(line.outputs == [.display(.figure(.linePlot(plot))), .text("after\n")])
        let bad = H.run(session, "heatmap(Tensor([[1, 2]]), rowLabels: [\"a\", \"b\"])")
        #expect(H.firstError(bad) == "1:1: heatmap: 2 row labels for 1 rows")
    }

    @Test func summaryIsATableWhoseTextIsKeras() throws {
        let reference = BindingsReference.cases.first { $0.name == "model-summary-user-layer" }!
        let r = H.run(H.session(), reference.code)
        guard case .display(.table(let table))? = r.outputs.first else {
            Issue.record("summary() should display a table, got \(r.outputs)")
            return
        }
        #expect(table.columns == ["Layer (type)", "Output Shape", "Param #", "Connected to"])
        #expect(table.rows.map { $0[0] } == ["input_layer (InputLayer)", "embedding (Embedding)", "not_equal (NotEqual)",
                                             "lstm (LSTM)", "attention (Attention)", "dense_2 (Dense)"])
        #expect(table.rows[4][2] == "41")
        #expect(table.footer == ["Total params: 1,208 (4.72 KB)", "Trainable params: 1,208 (4.72 KB)", "Non-trainable params: 0 (0.00 B)"])
        #expect(reference.output.hasPrefix(table.plainText))
    }

    // MARK: User layers

    @Test func aClassLayerIsOneNodeToo() {
        let reference = BindingsReference.cases.first { $0.name == "model-summary-user-layer" }!
        let code = reference.code.replacingOccurrences(of: "struct Attention: Layer", with: "final class Attention: Layer")
        let r = H.run(H.session(), code)
        #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
        #expect(H.shown(r) == reference.output + "\n")
    }

    @Test func aModelRunsItsUserLayerAsTheLayersDoDirectly() {
        let r = H.run(H.session(), """
            struct Pool: Layer {
                var dense = Dense(units: 3, activation: .tanh)
                func callAsFunction(_ x: Tensor) -> Tensor { dense(x).mean(squeezingAxes: 1) }
            }
            let embedding = Embedding(vocabularySize: 20, embeddingSize: 4)
            let pool = Pool()
            let output = Dense(units: 2)
            let input = Input(shape: [5], dtype: .int32)
            let model = Model(inputs: input, outputs: output(pool(embedding(input))))
            let ids = Tensor<Int32>([[1, 2, 3, 4, 5], [6, 0, 0, 9, 19]])
            print(model(ids) == output(pool(embedding(ids))), model(ids).shape, pool.parameterCount)
            """)
        #expect(r.errors.isEmpty, "\(r.errors.map(\.message))")
        #expect(H.shown(r) == "true (2, 2) 15\n")
    }

    @Test func anErrorInsideAUserLayerPointsIntoItsBody() {
        let r = H.run(H.session(), """
            struct Broken: Layer {
                var dense = Dense(units: 3)
                func callAsFunction(_ x: Tensor) -> Tensor { matmul(dense(x), x) }
            }
            let y = Broken()(Tensor(zeros: [2, 4]))
            """)
        #expect(H.firstError(r) == "3:50: matmul: inner dimensions differ: (2, 3) x (2, 4)")
        #expect(r.errors.first?.callChain.first?.function == "Broken.callAsFunction(_:)")
    }
} }
