import Tensors

/// Keras's `Tokenizer` (`tf.keras.preprocessing.text.Tokenizer`): words get ids by frequency.
///
/// Texts are lower-cased, every character of `filters` becomes a space, and words are what lies
/// between spaces. `fit(on:)` counts words; ids start at 1, the most frequent word first, ties in
/// order of first appearance (Keras sorts its insertion-ordered counts with a stable sort).
/// `sequences(for:)` maps texts to ids, dropping words it has never seen.
///
/// `numWords` (Keras's `num_words`) keeps only ids below it in `sequences(for:)` (the
/// `numWords - 1` most frequent words; `wordIndex` still lists every word, as Keras's does).
/// `oovToken` (Keras's `oov_token`) takes id 1, ahead of every word, and stands in `sequences(for:)`
/// for a word that was never seen or whose id is not below `numWords`.
public final class Tokenizer {
    public static let defaultFilters = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n"

    public let filters: Set<Character>
    public let lower: Bool
    public let numWords: Int?
    public let oovToken: String?
    /// Word → id (1 is the most frequent word).
    public private(set) var wordIndex: [String: Int] = [:]
    /// Id → word.
    public private(set) var indexWord: [Int: String] = [:]
    /// Word → how often `fit` saw it.
    public private(set) var wordCounts: [String: Int] = [:]
    private var firstSeen: [String: Int] = [:]

    public init(filters: String = Tokenizer.defaultFilters, lower: Bool = true, numWords: Int? = nil,
                oovToken: String? = nil) throws {
        if let numWords, numWords < 1 {
            throw PreprocessingError("Tokenizer: numWords must be at least 1 (got \(numWords)); leave it out to keep every word")
        }
        self.filters = Set(filters)
        self.lower = lower
        self.numWords = numWords
        self.oovToken = oovToken
    }

    /// Keras's `text_to_word_sequence`.
    public func words(in text: String) -> [String] {
        let cased = lower ? text.lowercased() : text
        let spaced = String(cased.map { filters.contains($0) ? " " : $0 })
        return spaced.split(separator: " ").map(String.init)
    }

    public func fit(on texts: [String]) {
        for text in texts {
            for word in words(in: text) {
                if wordCounts[word] == nil { firstSeen[word] = firstSeen.count }
                wordCounts[word, default: 0] += 1
            }
        }
        let ordered = (oovToken.map { [$0] } ?? []) + wordCounts.keys.sorted { a, b in
            let (ca, cb) = (wordCounts[a]!, wordCounts[b]!)
            return ca != cb ? ca > cb : firstSeen[a]! < firstSeen[b]!
        }
        // As Keras's dict(zip(words, ids)): a word spelled like the oovToken keeps the later id.
        wordIndex = [:]
        for (k, word) in ordered.enumerated() { wordIndex[word] = k + 1 }
        indexWord = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($0 + 1, $1) })
    }

    /// Keras's `texts_to_sequences`.
    public func sequences(for texts: [String]) -> [[Int]] {
        let oov = oovToken.flatMap { wordIndex[$0] }
        return texts.map { text in
            words(in: text).compactMap { word -> Int? in
                guard let id = wordIndex[word] else { return oov }
                if let numWords, id >= numWords { return oov }
                return id
            }
        }
    }
}
