// The seed course's sentence cleaning (Python's re.sub), in Swift with regular expressions.
import Foundation
func preprocess(_ sentence: String, startToken: Bool = false, endToken: Bool = false) -> String {
    var s = sentence.lowercased().trimmingCharacters(in: .whitespaces)
    s = s.replacingOccurrences(of: "([?.!,])", with: "$1 ", options: .regularExpression)
    s = s.replacingOccurrences(of: "[\" \"]+", with: " ", options: .regularExpression)
    s = s.replacingOccurrences(of: "[^a-zA-Z?.!,]+", with: " ", options: .regularExpression)
    s = s.trimmingCharacters(in: .whitespaces)
    if startToken { s = "<start> " + s }
    if endToken { s += " <end>" }
    return s
}
let raw = "Go.\tVe.\nWho are you?\t¿Quién eres?\nI'm OK!\tEstoy bien."
for line in raw.split(separator: "\n") {
    let pair = line.split(separator: "\t").map(String.init)
    print(preprocess(pair[0]), "|", preprocess(pair[1], startToken: true, endToken: true))
}
// expect: go. | <start> ve. <end>
// expect: who are you? | <start> qui n eres? <end>
// expect: i m ok! | <start> estoy bien. <end>
func clean(_ s: String) -> String {
    s.lowercased()
        .replacing(#/([?.!,])/#) { match in "\(match.1) " }
        .replacing(#/[^a-z?.!,]+/#, with: " ")
        .trimmingCharacters(in: .whitespaces)
}
print(clean("Hello,World!  How are you?"))  // expect: hello, world! how are you?
