// A bigram language model over words: counts, probabilities, greedy generation.
let text = "the cat sat on the mat the cat ate the rat"
let words = text.split(separator: " ").map(String.init)
var bigrams: [String: [String: Int]] = [:]
for (a, b) in zip(words, words.dropFirst()) {
    bigrams[a, default: [:]][b, default: 0] += 1
}
print(bigrams["the"]!.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
// expect: ["cat=2", "mat=1", "rat=1"]
func probability(_ a: String, _ b: String) -> Double {
    guard let next = bigrams[a] else { return 0 }
    return Double(next[b] ?? 0) / Double(next.values.reduce(0, +))
}
print(probability("the", "cat"), probability("cat", "sat"), probability("rat", "x"))  // expect: 0.5 0.5 0.0
func mostLikely(after word: String) -> String? {
    bigrams[word]?.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
}
var sentence = ["the"]
while sentence.count < 6, let next = mostLikely(after: sentence.last!) { sentence.append(next) }
print(sentence.joined(separator: " "))   // expect: the cat ate the cat ate
let trigrams = (0..<(words.count - 2)).map { words[$0..<($0 + 3)].joined(separator: " ") }
print(trigrams.count, Set(trigrams).count)  // expect: 9 9
