import Foundation
import Testing
@testable import Layers

/// corpusBLEU against NLTK's corpus_bleu (Fixtures/bleu.json, made by scripts/fixtures/bleu_nltk.py
/// from the course's Spanish verses).
struct BLEUTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            var name: String
            var max_order: Int
            var hypotheses: [[String]]
            var score: Double
        }
        var references: [[String]]
        var cases: [Case]
    }

    static let fixture: Fixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/bleu.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    @Test(arguments: fixture.cases.indices)
    func corpusBLEUMatchesNLTK(_ index: Int) throws {
        let c = Self.fixture.cases[index]
        let score = try corpusBLEU(c.hypotheses, references: Self.fixture.references, maxOrder: c.max_order)
        #expect(abs(score - c.score) <= 1e-12, "\(c.name), order \(c.max_order): \(score) vs NLTK's \(c.score)")
    }

    @Test func fixtureSpansTheRange() {
        let scores = Self.fixture.cases.map(\.score)
        #expect(scores.contains(1) && scores.contains { $0 < 1e-100 } && scores.contains { $0 > 0.3 && $0 < 0.8 })
    }

    @Test func aShortCorpusPaysTheBrevityPenalty() throws {
        // Every n-gram of "a b c d" is in the reference, but 4 words for 8: BP = exp(1 - 8/4).
        let score = try corpusBLEU([["a", "b", "c", "d"]], references: [["a", "b", "c", "d", "e", "f", "g", "h"]])
        #expect(abs(score - exp(-1.0)) < 1e-12)
    }

    @Test func mismatchedCountsAreAnError() {
        #expect(throws: PreprocessingError.self) { try corpusBLEU([["a"]], references: []) }
        #expect(throws: PreprocessingError.self) { try corpusBLEU([["a"]], references: [["a"]], maxOrder: 0) }
    }
}
