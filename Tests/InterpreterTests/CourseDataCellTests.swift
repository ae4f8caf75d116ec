import Foundation
import Interpreter
import Reports
import Testing

/// The course's data files load in cells, the way the course notebook loads them, into the
/// inputs its two models train on (the same ids scripts/reference/course_keras.py gives Keras).
extension BindingsTests { @Suite struct CourseDataCellTests {
    typealias H = BindingsHarness

    /// A session whose notebook folder is the repository's notebooks/ (where the data lives).
    static func session() -> Session {
        let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../notebooks").standardizedFileURL.path
        return Session(options: SessionOptions(seed: 0, memoryLimit: 4 << 30, baseDirectory: notebooks))
    }

    /// The ids of the first probe text of a case of Tests/LayersTests/Fixtures/course-tokenizer.json.
    static func kerasIDs(case name: String) -> [Int] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../LayersTests/Fixtures/course-tokenizer.json")
        guard let data = try? Data(contentsOf: url),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = json["cases"] as? [[String: Any]],
              let c = cases.first(where: { $0["name"] as? String == name }),
              let sequences = c["first_sequences"] as? [[Int]], let first = sequences.first else { return [] }
        return first
    }

    @Test func theReviewsBecomeTheClassifiersInputs() {
        let r = H.run(Self.session(), #"""
            func readTable(_ path: String) -> [[String]] {
                readLines(path).map { $0.split(separator: "\t").map(String.init) }
            }
            let trainRows = readTable("data/reviews-train.tsv")
            let testRows = readTable("data/reviews-test.tsv")
            let reviewTokenizer = Tokenizer(numWords: 10000)
            reviewTokenizer.fit(on: trainRows.map { $0[1] })
            let xTrain = padSequences(reviewTokenizer.sequences(for: trainRows.map { $0[1] }), maxLength: 50)
            let xTest = padSequences(reviewTokenizer.sequences(for: testRows.map { $0[1] }), maxLength: 50)
            let yTrain = Tensor(trainRows.map { Float(Int($0[0])!) })
            let yTest = Tensor(testRows.map { Float(Int($0[0])!) })
            print(xTrain.shape, yTrain.shape, xTest.shape, yTest.shape)
            print(yTrain.sum().scalar + yTest.sum().scalar, xTrain.max().scalar < 10000)
            print(testRows[0][1])
            print(reviewTokenizer.sequences(for: [testRows[0][1]])[0])
            """#)
        #expect(r.status == .succeeded, "\(H.firstError(r) ?? "")")
        let lines = H.shown(r).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "(10246, 50) (10246,) (2562, 50) (2562,)")
        #expect(lines[1] == "7403.0 true")
        #expect(lines[2].hasPrefix("Although there are several truly jolting scares"))
        // The ids Keras's Tokenizer gives this review (Tests/LayersTests/Fixtures/course-tokenizer.json).
        #expect(lines.count > 3 && lines[3] == Self.kerasIDs(case: "reviews").description)
    }

    @Test func theVersesBecomeTheTranslatorsInputs() {
        let r = H.run(Self.session(), #"""
            func preprocess(_ sentence: String, startToken: Bool = false, endToken: Bool = false) -> String {
                var s = sentence.lowercased()
                s = s.replacingOccurrences(of: "([?.!,¿¡])", with: " $1 ", options: .regularExpression)
                s = s.replacingOccurrences(of: "[^\\p{L}?.!,¿¡]+", with: " ", options: .regularExpression)
                s = s.replacingOccurrences(of: "^ +| +$", with: "", options: .regularExpression)
                if startToken { s = "<start> " + s }
                if endToken { s += " <end>" }
                return s
            }
            func versePairs(_ path: String) -> [(String, String)] {
                var pairs: [(String, String)] = []
                for line in readLines(path) {
                    let fields = line.split(separator: "\t").map(String.init)
                    let english = preprocess(fields[1])
                    let spanish = preprocess(fields[2], startToken: true, endToken: true)
                    if english.split(separator: " ").count <= 16 && spanish.split(separator: " ").count <= 16 {
                        pairs.append((english, spanish))
                    }
                }
                return pairs
            }
            let trainPairs = versePairs("data/verses-train.tsv")
            let testPairs = versePairs("data/verses-test.tsv")
            let englishTokenizer = Tokenizer(filters: "", numWords: 2000, oovToken: "<unk>")
            let spanishTokenizer = Tokenizer(filters: "", numWords: 2000, oovToken: "<unk>")
            englishTokenizer.fit(on: trainPairs.map { $0.0 })
            spanishTokenizer.fit(on: trainPairs.map { $0.1 })
            let source = padSequences(englishTokenizer.sequences(for: trainPairs.map { $0.0 }), maxLength: 16, padding: .post)
            let target = padSequences(spanishTokenizer.sequences(for: trainPairs.map { $0.1 }), maxLength: 16, padding: .post)
            print(trainPairs.count, testPairs.count, source.shape, target.shape)
            print(englishTokenizer.wordIndex.count, spanishTokenizer.wordIndex.count, spanishTokenizer.indexWord[1]!)
            print(trainPairs[0].0, "|", trainPairs[0].1)
            """#)
        #expect(r.status == .succeeded, "\(H.firstError(r) ?? "")")
        let lines = H.shown(r).split(separator: "\n").map(String.init)
        // The counts scripts/reference/course_keras.py prints for the same pipeline.
        #expect(lines.first == "2631 655 (2631, 16) (2631, 16)")
        #expect(lines.count > 1 && lines[1].hasSuffix(" <unk>"))
    }

    @Test func corpusBLEUAndTheTokenizersOptionsInACell() {
        let r = H.run(H.session(), #"""
            let t = Tokenizer(numWords: 3, oovToken: "<unk>")
            t.fit(on: ["the cat sat", "the cat ran", "the dog"])
            print(t.wordIndex)
            print(t.sequences(for: ["the cat and the dog"]))
            let refs = [["el", "gato", "se", "sentó", "en", "la", "alfombra"]]
            print(corpusBLEU(refs, references: refs), corpusBLEU([["el", "gato"]], references: refs, maxOrder: 2))
            """#)
        #expect(r.status == .succeeded, "\(H.firstError(r) ?? "")")
        // Keras: <unk> takes id 1; num_words=3 keeps ids 1 and 2, so "cat" (3) and "dog" become <unk>.
        // BLEU-2 of "el gato": both precisions 1, brevity penalty exp(1 - 7/2).
        #expect(H.shown(r) == """
            ["<unk>": 1, "the": 2, "cat": 3, "sat": 4, "ran": 5, "dog": 6]
            [[2, 1, 1, 2, 1]]
            1.0 \(exp(1.0 - 7.0 / 2.0))

            """)
    }

    @Test func badTokenizerAndBLEUArgumentsAreCellErrors() {
        let r = H.run(H.session(), "let t = Tokenizer(numWords: 0)")
        #expect(H.firstError(r) == "1:9: Tokenizer: numWords must be at least 1 (got 0); leave it out to keep every word")
        let b = H.run(H.session(), "let s = corpusBLEU([[\"a\"]], references: [])")
        #expect(H.firstError(b) == "1:9: corpusBLEU: 1 hypotheses but 0 references; give one reference per hypothesis")
    }
} }
