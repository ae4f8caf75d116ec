import Tensors

/// Keras's `Tokenizer` (`tf.keras.preprocessing.text.Tokenizer`): words get ids by frequency.
///
/// Texts are lower-cased, every character of `filters` becomes a space, and words are what lies
/// between spaces. `fit(on:)` counts words; ids start at 1, the most frequent word first, ties in
/// order of first appearance (Keras sorts its insertion-ordered counts with a stable sort).
/// `sequences(for:)` maps texts to ids, dropping words it has never seen.
public final class Tokenizer {
    public static let defaultFilters = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n"

    public let filters: Set<Character>
    public let lower: Bool
    /// Word → id (1 is the most frequent word).
    public private(set) var wordIndex: [String: Int] = [:]
    /// Id → word.
    public private(set) var indexWord: [Int: String] = [:]
    /// Word → how often `fit` saw it.
    public private(set) var wordCounts: [String: Int] = [:]
    private var firstSeen: [String: Int] = [:]

    public init(filters: String = Tokenizer.defaultFilters, lower: Bool = true) {
        self.filters = Set(filters)
        self.lower = lower
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
        let ordered = wordCounts.keys.sorted { a, b in
            let (ca, cb) = (wordCounts[a]!, wordCounts[b]!)
            return ca != cb ? ca > cb : firstSeen[a]! < firstSeen[b]!
        }
        wordIndex = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0 + 1) })
        indexWord = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($0 + 1, $1) })
    }

    /// Keras's `texts_to_sequences`.
    public func sequences(for texts: [String]) -> [[Int]] {
        texts.map { words(in: $0).compactMap { wordIndex[$0] } }
    }
}
