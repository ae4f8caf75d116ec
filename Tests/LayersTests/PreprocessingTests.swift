import Foundation
import Testing
@testable import Layers
import Tensors

/// Tokenizer, padSequences and trainTestSplit against Keras's own outputs
/// (Fixtures/preprocessing.json, made by scripts/fixtures/keras_preprocessing.py).
struct PreprocessingTests {
    struct Fixture: Decodable {
        struct TokenizerCase: Decodable {
            var name: String
            var filters: String
            var texts: [String]
            var num_words: Int?
            var oov_token: String?
            var word_index: [String: Int]
            var probe: [String]
            var sequences: [[Int]]
        }
        struct PadCase: Decodable {
            var maxlen: Int?
            var padding: String
            var truncating: String
            var value: Int
            var shape: [Int]
            var values: [[Int]]
        }
        var sequences: [[Int]]
        var tokenizer: [TokenizerCase]
        var pad_sequences: [PadCase]
    }

    static let fixture: Fixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/preprocessing.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    @Test(arguments: fixture.tokenizer.map(\.name))
    func tokenizerMatchesKeras(_ name: String) throws {
        let c = Self.fixture.tokenizer.first { $0.name == name }!
        let tokenizer = try Tokenizer(filters: c.filters, numWords: c.num_words, oovToken: c.oov_token)
        tokenizer.fit(on: c.texts)
        #expect(tokenizer.wordIndex == c.word_index)
        #expect(tokenizer.sequences(for: c.probe) == c.sequences)
        for (word, id) in c.word_index { #expect(tokenizer.indexWord[id] == word) }
    }

    @Test func tokenizerFixtureCoversNumWordsAndTheOOVToken() {
        let cases = Self.fixture.tokenizer
        #expect(cases.contains { $0.num_words != nil && $0.oov_token == nil })
        #expect(cases.contains { $0.num_words != nil && $0.oov_token != nil })
        #expect(cases.contains { $0.num_words == nil && $0.oov_token != nil })
    }

    @Test func tokenizerRefusesNumWordsBelowOne() {
        #expect(throws: PreprocessingError.self) { try Tokenizer(numWords: 0) }
    }

    @Test func padSequencesMatchesKeras() throws {
        #expect(Self.fixture.pad_sequences.count == 32)
        for c in Self.fixture.pad_sequences {
            let t = try padSequences(Self.fixture.sequences, maxLength: c.maxlen, padding: SequenceEnd(rawValue: c.padding)!,
                                     truncating: SequenceEnd(rawValue: c.truncating)!, value: c.value)
            #expect(t.dtype == .int32)
            #expect(t.shape == TensorShape(c.shape), "\(c)")
            #expect(t.int32Scalars.map(Int.init) == c.values.flatMap { $0 }, "\(c)")
        }
    }

    @Test func padSequencesRejectsANegativeLength() {
        #expect(throws: PreprocessingError.self) { try padSequences([[1]], maxLength: -1) }
    }

    @Test func trainTestSplitKeepsRowsPairedAndIsSeeded() throws {
        let a = try Tensor(shape: [10, 2], int32Scalars: (0..<20).map(Int32.init))
        let b = try Tensor(shape: [10], scalars: (0..<10).map(Float.init))
        var g1 = RandomGenerator(seed: 3), g2 = RandomGenerator(seed: 3)
        let (aTrain, aTest, bTrain, bTest) = try trainTestSplit(a, b, testFraction: 0.25, generator: &g1)
        #expect(aTrain.shape == TensorShape([7, 2]) && aTest.shape == TensorShape([3, 2]))
        #expect(bTrain.shape == TensorShape([7]) && bTest.shape == TensorShape([3]))
        // Rows stay paired: row r of a is (2r, 2r+1) and row r of b is r.
        for (x, y) in [(aTrain, bTrain), (aTest, bTest)] {
            let pairs = x.int32Scalars, labels = y.scalars
            for (k, label) in labels.enumerated() { #expect(pairs[2 * k] == Int32(label) * 2) }
        }
        #expect(Set(bTrain.scalars + bTest.scalars) == Set((0..<10).map(Float.init)))
        let again = try trainTestSplit(a, b, testFraction: 0.25, generator: &g2)
        #expect(again.3.scalars == bTest.scalars)
        var g3 = RandomGenerator(seed: 3)
        #expect(throws: PreprocessingError.self) { try trainTestSplit(a, try Tensor(zeros: [9]), testFraction: 0.2, generator: &g3) }
    }
}
