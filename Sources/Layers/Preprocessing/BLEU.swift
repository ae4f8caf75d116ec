import Foundation

/// Corpus BLEU (Papineni et al., 2002) of tokenised hypotheses against one reference each, as
/// NLTK's `corpus_bleu` computes it with its default uniform weights and no smoothing: n-gram
/// matches are clipped by the reference's counts and summed over the whole corpus for n = 1 ...
/// `maxOrder` (a hypothesis shorter than n counts one n-gram that cannot match, as NLTK counts it);
/// the score is the brevity penalty times the geometric mean of the n precisions, between 0 and 1.
/// The brevity penalty is exp(1 - r/c) when the hypotheses' total length c is
/// shorter than the references' r, else 1. An order with no match makes the score 0 (NLTK gives a
/// number below 1e-150 there).
public func corpusBLEU(_ hypotheses: [[String]], references: [[String]], maxOrder: Int = 4) throws -> Double {
    guard hypotheses.count == references.count else {
        throw PreprocessingError("corpusBLEU: \(hypotheses.count) hypotheses but \(references.count) references; give one reference per hypothesis")
    }
    guard maxOrder >= 1 else { throw PreprocessingError("corpusBLEU: maxOrder must be at least 1 (got \(maxOrder))") }
    var matches = [Int](repeating: 0, count: maxOrder), totals = [Int](repeating: 0, count: maxOrder)
    var hypothesisLength = 0, referenceLength = 0
    for (hypothesis, reference) in zip(hypotheses, references) {
        hypothesisLength += hypothesis.count
        referenceLength += reference.count
        for n in 1...maxOrder {
            let counts = ngramCounts(hypothesis, n), referenceCounts = ngramCounts(reference, n)
            for (gram, count) in counts { matches[n - 1] += min(count, referenceCounts[gram] ?? 0) }
            totals[n - 1] += max(hypothesis.count - n + 1, 1)  // NLTK counts at least one n-gram per hypothesis
        }
    }
    guard hypothesisLength > 0, !matches.contains(0) else { return 0 }
    let logPrecision = zip(matches, totals).map { log(Double($0) / Double($1)) }.reduce(0, +) / Double(maxOrder)
    let brevity = hypothesisLength > referenceLength ? 1 : exp(1 - Double(referenceLength) / Double(hypothesisLength))
    return brevity * exp(logPrecision)
}

private func ngramCounts(_ words: [String], _ n: Int) -> [[String]: Int] {
    var counts: [[String]: Int] = [:]
    if words.count >= n {
        for start in 0...(words.count - n) { counts[Array(words[start..<(start + n)]), default: 0] += 1 }
    }
    return counts
}
