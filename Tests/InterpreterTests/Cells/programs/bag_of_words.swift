// A multi-cell lesson: documents to bag-of-words vectors, TF-IDF weights and cosine similarity.
import Foundation
let documents = [
    "the encoder reads the sentence",
    "the decoder writes the translation",
    "attention lets the decoder look at the encoder",
]
let tokenized = documents.map { $0.split(separator: " ").map(String.init) }
let vocabulary = Array(Set(tokenized.flatMap { $0 })).sorted()
print(vocabulary.count, vocabulary.prefix(4))  // expect: 11 ["at", "attention", "decoder", "encoder"]
// cell
func bagOfWords(_ words: [String]) -> [Double] {
    var v = [Double](repeating: 0, count: vocabulary.count)
    for w in words { if let i = vocabulary.firstIndex(of: w) { v[i] += 1 } }
    return v
}
let vectors = tokenized.map(bagOfWords)
print(vectors[0].map { Int($0) })    // expect: [0, 0, 0, 1, 0, 0, 1, 1, 2, 0, 0]
// cell
let documentFrequency = vocabulary.map { w in Double(tokenized.filter { $0.contains(w) }.count) }
let idf = documentFrequency.map { log(Double(documents.count) / $0) }
let tfidf = vectors.map { v in zip(v, idf).map { $0 * $1 } }
func cosine(_ a: [Double], _ b: [Double]) -> Double {
    let dot = zip(a, b).map { $0 * $1 }.reduce(0, +)
    let norm = { (v: [Double]) in v.map { $0 * $0 }.reduce(0, +).squareRoot() }
    return dot / (norm(a) * norm(b))
}
for (i, j) in [(0, 1), (0, 2), (1, 2)] {
    print(i, j, String(format: "%.3f", cosine(tfidf[i], tfidf[j])))
}
// expect: 0 1 0.000
// expect: 0 2 0.045
// expect: 1 2 0.045
