// A word-level tokenizer with a vocabulary, as a course on NLP would write it.
import Foundation
let corpus = [
    "The cat sat on the mat.",
    "The dog sat on the log!",
    "Cats and dogs?",
]
func clean(_ s: String) -> String {
    s.lowercased().replacingOccurrences(of: "[^a-z ]", with: "", options: .regularExpression)
}
let sentences = corpus.map { clean($0).split(separator: " ").map(String.init) }
print(sentences[0])   // expect: ["the", "cat", "sat", "on", "the", "mat"]
var frequency: [String: Int] = [:]
for words in sentences { for w in words { frequency[w, default: 0] += 1 } }
let ranked = frequency.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
print(ranked.prefix(3).map { "\($0.key):\($0.value)" })  // expect: ["the:4", "on:2", "sat:2"]
var vocab = ["<pad>": 0, "<unk>": 1]
for (word, _) in ranked { vocab[word] = vocab.count }
print(vocab.count)    // expect: 12
func encode(_ s: String) -> [Int] { clean(s).split(separator: " ").map { vocab[String($0)] ?? 1 } }
print(encode("The cat ate the log"))  // expect: [2, 6, 1, 2, 10]
let inverse = Dictionary(uniqueKeysWithValues: vocab.map { ($1, $0) })
print(encode("the dog sat").map { inverse[$0]! }.joined(separator: " "))  // expect: the dog sat
func pad(_ ids: [Int], to length: Int) -> [Int] {
    ids.count >= length ? Array(ids.prefix(length)) : ids + Array(repeating: 0, count: length - ids.count)
}
print(pad([5, 6], to: 4), pad([1, 2, 3, 4, 5], to: 3))  // expect: [5, 6, 0, 0] [1, 2, 3]
