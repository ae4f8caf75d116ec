// LayersBench: the seed's layer shapes, timed in nbrun's layers and compared with TensorFlow's
// eager times measured in the same run by benchmarks/layers_tf.py (see benchmarks/layers.sh).
//
//   LayersBench [tf-times.json]   prints one row per case: milliseconds, TensorFlow's, ratio.
import Foundation
import Layers
import Tensors

/// Median wall time of `repeats` runs after one warm-up run, in milliseconds.
func milliseconds(repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return times.sorted()[times.count / 2]
}

let session = LayerSession(random: RandomGenerator(seed: 1))
func random(_ shape: [Int]) throws -> Tensor { try Tensor(randomUniform: shape, generator: &session.random) }

var results: [(String, Double)] = []

// LSTM(512) over (1, 3, 256): the seed's encoder.
do {
    let lstm = try LSTM(units: 512, session: session)
    let x = try random([1, 3, 256])
    results.append(("lstm_512_1x3x256", try milliseconds(repeats: 200) { _ = try lstm(x) }))
}
// GRU(1024) over (64, 30, 512): the translator's encoder.
do {
    let gru = try GRU(units: 1024, returnSequences: true, session: session)
    let x = try random([64, 30, 512])
    results.append(("gru_1024_64x30x512", try milliseconds(repeats: 5) { _ = try gru(x) }))
}
// Dense(30000) over (1, 3, 512): the decoder's vocabulary projection.
do {
    let dense = try Dense(units: 30000, session: session)
    let x = try random([1, 3, 512])
    results.append(("dense_30000_1x3x512", try milliseconds(repeats: 50) { _ = try dense(x) }))
}
// Bahdanau attention step: encoder outputs (64, 30, 1024), decoder state (64, 1024), units 1024.
do {
    let w1 = try Dense(units: 1024, session: session), w2 = try Dense(units: 1024, session: session)
    let v = try Dense(units: 1, session: session)
    let values = try random([64, 30, 1024]), query = try random([64, 1024])
    results.append(("bahdanau_64x30x1024", try milliseconds(repeats: 10) {
        let score = try v(tanh(try w1(values) + w2(query.expandingShape(at: 1))))
        let weights = try softmax(score, alongAxis: 1)
        _ = try (weights * values).sum(squeezingAxes: 1)
    }))
}

var reference: [String: Double] = [:]
if CommandLine.arguments.count > 1,
   let data = FileManager.default.contents(atPath: CommandLine.arguments[1]),
   let json = try? JSONSerialization.jsonObject(with: data) as? [String: Double] {
    reference = json
}
let header = "case".padding(toLength: 22, withPad: " ", startingAt: 0) + "     nbrun ms   TF eager ms   TF/nbrun"
print(header)
for (name, ms) in results {
    let tf = reference[name]
    let ratio = tf.map { String(format: "%9.2fx", $0 / ms) } ?? "         -"
    let tfText = tf.map { String(format: "%13.3f", $0) } ?? "            -"
    print(name.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: "%13.3f", ms) + tfText + "  " + ratio)
}
