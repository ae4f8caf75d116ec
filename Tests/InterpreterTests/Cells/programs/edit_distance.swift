// Dynamic programming on 2-D arrays: Levenshtein distance and the closest word.
func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
        for j in stride(from: 1, through: b.count, by: 1) {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        }
    }
    return d[a.count][b.count]
}
print(distance("kitten", "sitting"))        // expect: 3
print(distance("", "abc"), distance("same", "same"))  // expect: 3 0
let known = ["embedding", "encoder", "decoder", "attention"]
func closest(_ word: String) -> (String, Int) {
    known.map { ($0, distance(word, $0)) }.min { $0.1 < $1.1 }!
}
print(closest("embeding"))                  // expect: ("embedding", 1)
print(closest("atention").0)                // expect: attention
func lcs(_ a: [Character], _ b: [Character]) -> String {
    var t = Array(repeating: Array(repeating: "", count: b.count + 1), count: a.count + 1)
    for i in (0..<a.count).reversed() {
        for j in (0..<b.count).reversed() {
            t[i][j] = a[i] == b[j] ? String(a[i]) + t[i + 1][j + 1]
                : (t[i + 1][j].count >= t[i][j + 1].count ? t[i + 1][j] : t[i][j + 1])
        }
    }
    return t[0][0]
}
print(lcs(Array("transformer"), Array("translator")))  // expect: transor
