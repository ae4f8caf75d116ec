// A closure-heavy data pipeline: parse records, filter, group, aggregate, format.
let csv = """
name,split,score
ann,train,0.91
bob,test,0.72
cid,train,0.65
dee,test,0.88
eve,train,0.79
"""
struct Row { let name: String; let split: String; let score: Double }
let rows: [Row] = csv.split(separator: "\n").dropFirst().compactMap { line in
    let f = line.split(separator: ",").map(String.init)
    guard f.count == 3, let s = Double(f[2]) else { return nil }
    return Row(name: f[0], split: f[1], score: s)
}
print(rows.count)   // expect: 5
let bySplit = Dictionary(grouping: rows, by: { $0.split })
for split in bySplit.keys.sorted() {
    let scores = bySplit[split]!.map { $0.score }
    let mean = scores.reduce(0, +) / Double(scores.count)
    print(split, scores.count, (mean * 100).rounded() / 100)
}
// expect: test 2 0.8
// expect: train 3 0.78
let best = rows.max { $0.score < $1.score }!
print(best.name)    // expect: ann
let steps: [(String, ([Double]) -> [Double])] = [
    ("clip", { $0.map { min($0, 0.9) } }),
    ("scale", { $0.map { $0 * 10 } }),
    ("round", { $0.map { $0.rounded() } }),
]
let result = steps.reduce(rows.map { $0.score }) { values, step in step.1(values) }
print(result)       // expect: [9.0, 7.0, 7.0, 9.0, 8.0]
print(steps.map { $0.0 }.joined(separator: " -> "))  // expect: clip -> scale -> round
let pipeline = rows
    .filter { $0.split == "train" }
    .sorted { $0.score > $1.score }
    .map { "\($0.name.uppercased())=\($0.score)" }
print(pipeline)     // expect: ["ANN=0.91", "EVE=0.79", "CID=0.65"]
func batches(_ xs: [String], size: Int) -> [[String]] {
    stride(from: 0, to: xs.count, by: size).map { Array(xs[$0..<min($0 + size, xs.count)]) }
}
print(batches(rows.map { $0.name }, size: 2))  // expect: [["ann", "bob"], ["cid", "dee"], ["eve"]]
