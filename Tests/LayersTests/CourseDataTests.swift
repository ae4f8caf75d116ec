import Foundation
import Testing
@testable import Layers

/// The course's committed data (notebooks/data/*.tsv, written by scripts/data/build_course_data.py)
/// is what its README says, and nbrun's Tokenizer gives on it exactly the ids Keras's gives
/// (Fixtures/course-tokenizer.json, made by scripts/fixtures/keras_course_tokenizer.py).
struct CourseDataTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../notebooks/data").standardizedFileURL

    /// The file's lines split into fields, after checking what every course file promises:
    /// UTF-8 in NFC, "\n" line ends (the last line too), `columns` fields, none empty or padded.
    static func rows(_ name: String, columns: Int) throws -> [[String]] {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        guard let text = String(data: data, encoding: .utf8) else { throw Failure("\(name) is not UTF-8") }
        guard text.precomposedStringWithCanonicalMapping.utf8.elementsEqual(text.utf8) else { throw Failure("\(name) is not in NFC") }
        guard !text.contains("\r"), text.hasSuffix("\n") else { throw Failure("\(name): line ends are not all \"\\n\"") }
        var rows: [[String]] = []
        for (k, line) in text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == columns else { throw Failure("\(name):\(k + 1): \(fields.count) fields, not \(columns)") }
            for field in fields where field.isEmpty || field != field.trimmingCharacters(in: .whitespaces) || field.contains("  ") {
                throw Failure("\(name):\(k + 1): an empty field or stray spaces: \(field.debugDescription)")
            }
            rows.append(fields)
        }
        return rows
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    // MARK: - Reviews

    @Test func reviewsAreTheSnippetsWithoutThePlotRows() throws {
        let train = try Self.rows("reviews-train.tsv", columns: 2), test = try Self.rows("reviews-test.tsv", columns: 2)
        #expect(train.count == 10_246 && test.count == 2_562)  // 12,808 split 80/20, the test set ceil(0.2 n)
        let all = train + test
        #expect(all.allSatisfy { $0[0] == "0" || $0[0] == "1" })
        #expect(all.filter { $0[0] == "1" }.count == 7_403)
        #expect(all.filter { $0[0] == "0" }.count == 5_405)
        // Both halves keep the corpus's balance (57.8% fresh): the split is a shuffle, not a cut.
        for part in [train, test] {
            let fresh = Double(part.filter { $0[0] == "1" }.count) / Double(part.count)
            #expect(abs(fresh - 7_403.0 / 12_808.0) < 0.02)
        }
        // Snippets, not plot summaries: the longest has 53 words, the median 18.
        let lengths = all.map { $0[1].split(separator: " ").count }.sorted()
        #expect(lengths.last! <= 60 && lengths[lengths.count / 2] == 18)
    }

    // MARK: - Verses

    static let bookNames = Set(["Genesis", "Exodus", "Leviticus", "Numbers", "Deuteronomy", "Joshua", "Judges", "Ruth",
        "I Samuel", "II Samuel", "I Kings", "II Kings", "I Chronicles", "II Chronicles", "Ezra", "Nehemiah", "Esther",
        "Job", "Psalms", "Proverbs", "Ecclesiastes", "Song of Solomon", "Isaiah", "Jeremiah", "Lamentations", "Ezekiel",
        "Daniel", "Hosea", "Joel", "Amos", "Obadiah", "Jonah", "Micah", "Nahum", "Habakkuk", "Zephaniah", "Haggai",
        "Zechariah", "Malachi", "Matthew", "Mark", "Luke", "John", "Acts", "Romans", "I Corinthians", "II Corinthians",
        "Galatians", "Ephesians", "Philippians", "Colossians", "I Thessalonians", "II Thessalonians", "I Timothy",
        "II Timothy", "Titus", "Philemon", "Hebrews", "James", "I Peter", "II Peter", "I John", "II John", "III John",
        "Jude", "Revelation of John"])

    @Test func versesArePairedShortAndFreeOfMarkup() throws {
        let train = try Self.rows("verses-train.tsv", columns: 3), test = try Self.rows("verses-test.tsv", columns: 3)
        #expect(train.count == 5_578 && test.count == 1_395)  // 6,973 aligned pairs of at most 16 English words
        let all = train + test
        #expect(Set(all.map { $0[0] }).count == all.count, "a verse appears twice")
        for row in all {
            let (reference, english, spanish) = (row[0], row[1], row[2])
            let book = reference.split(separator: " ").dropLast().joined(separator: " ")
            #expect(Self.bookNames.contains(book) && reference.range(of: #" \d+:\d+$"#, options: .regularExpression) != nil,
                    "\(reference)")
            #expect(english.split(separator: " ").count <= 16, "\(reference)")
            for side in [english, spanish] {
                // No OSIS tag, entity, USFM marker, paragraph mark or Hebrew letter is left.
                #expect(side.rangeOfCharacter(from: CharacterSet(charactersIn: "<>&\\¶{}[]")) == nil, "\(reference): \(side)")
                #expect(!side.unicodeScalars.contains { (0x0590...0x05FF).contains($0.value) }, "\(reference): \(side)")
                #expect(side.unicodeScalars.contains { CharacterSet.letters.contains($0) }, "\(reference): \(side)")
            }
        }
        // Chapters where the Spanish module's verses are out of step with the KJV's are left out.
        for chapter in ["Numbers 13:", "Jonah 2:", "Job 39:", "Job 41:", "Hosea 12:", "II Corinthians 13:"] {
            #expect(!all.contains { $0[0].hasPrefix(chapter) }, "\(chapter)")
        }
        // The archaic spellings the README warns of are the text's own.
        #expect(all.contains { $0[2].contains(" á ") } && all.contains { $0[2].contains("fué") })
    }

    @Test func psalm119KeepsNoAcrosticHeading() throws {
        let all = try Self.rows("verses-train.tsv", columns: 3) + Self.rows("verses-test.tsv", columns: 3)
        let psalm = all.filter { $0[0].hasPrefix("Psalms 119:") }
        #expect(!psalm.isEmpty)
        for row in psalm { #expect(row[2].range(of: #"^[A-Z]{2,}\.? [A-ZÁÉÍÓÚ¿¡]"#, options: .regularExpression) == nil, "\(row)") }
    }

    // MARK: - Tokenizer parity on the real data

    struct TokenizerFixture: Decodable {
        struct Case: Decodable {
            var name: String
            var fit: String
            var probe: String
            var fit_count: Int
            var probe_count: Int
            var filters: String
            var num_words: Int?
            var oov_token: String?
            var vocabulary: Int
            var first_words: [String]
            var first_sequences: [[Int]]
            var checksum: String
        }
        var cases: [Case]
    }

    static let tokenizerFixture: TokenizerFixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/course-tokenizer.json")
        return try! JSONDecoder().decode(TokenizerFixture.self, from: Data(contentsOf: url))
    }()

    /// The course's cleaning of a sentence, with the Foundation calls a cell's
    /// `replacingOccurrences(of:with:options: .regularExpression)` makes.
    static func preprocess(_ sentence: String, startAndEnd: Bool = false) -> String {
        var s = sentence.lowercased()
        s = s.replacingOccurrences(of: "([?.!,¿¡])", with: " $1 ", options: .regularExpression)
        s = s.replacingOccurrences(of: "[^\\p{L}?.!,¿¡]+", with: " ", options: .regularExpression)
        s = s.replacingOccurrences(of: "^ +| +$", with: "", options: .regularExpression)
        return startAndEnd ? "<start> " + s + " <end>" : s
    }

    /// The texts a fixture key names: "file.tsv:column", or "translator-train:english" (the
    /// translator's cleaned side of the pairs with at most 16 tokens each side).
    static func texts(_ key: String) throws -> [String] {
        let parts = key.split(separator: ":").map(String.init)
        if parts[0].hasSuffix(".tsv") {
            return try rows(parts[0], columns: parts[0].hasPrefix("reviews") ? 2 : 3).map { $0[Int(parts[1])!] }
        }
        let file = parts[0] == "translator-train" ? "verses-train.tsv" : "verses-test.tsv"
        let pairs = try rows(file, columns: 3).map { (preprocess($0[1]), preprocess($0[2], startAndEnd: true)) }
            .filter { $0.0.split(separator: " ").count <= 16 && $0.1.split(separator: " ").count <= 16 }
        return pairs.map { parts[1] == "english" ? $0.0 : $0.1 }
    }

    /// FNV-1a 64 of the sequences, each its ids joined by " ", joined by "\n" (as the fixture script).
    static func checksum(_ sequences: [[Int]]) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for byte in sequences.map({ $0.map(String.init).joined(separator: " ") }).joined(separator: "\n").utf8 {
            h = (h ^ UInt64(byte)) &* 0x100000001b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test(arguments: tokenizerFixture.cases.map(\.name))
    func tokenizerGivesKerasIDsOnTheCourseData(_ name: String) throws {
        let c = Self.tokenizerFixture.cases.first { $0.name == name }!
        let (fitTexts, probeTexts) = (try Self.texts(c.fit), try Self.texts(c.probe))
        #expect(fitTexts.count == c.fit_count && probeTexts.count == c.probe_count)
        let tokenizer = try Tokenizer(filters: c.filters, numWords: c.num_words, oovToken: c.oov_token)
        tokenizer.fit(on: fitTexts)
        #expect(tokenizer.wordIndex.count == c.vocabulary)
        #expect((1...c.first_words.count).map { tokenizer.indexWord[$0]! } == c.first_words)
        let sequences = tokenizer.sequences(for: probeTexts)
        #expect(Array(sequences.prefix(c.first_sequences.count)) == c.first_sequences)
        #expect(Self.checksum(sequences) == c.checksum)
    }
}
