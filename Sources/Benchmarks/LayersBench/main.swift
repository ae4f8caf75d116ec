// LayersBench: the seed's layer shapes, timed in nbrun's layers and compared with TensorFlow's
// times measured in the same run by benchmarks/layers_tf.py (eager; the training step as a
// tf.function, as Keras's fit runs it; see benchmarks/layers.sh).
//
//   LayersBench PYTHON TF_SCRIPT [ROUNDS]
//
// Alternates ROUNDS (default 3) times: TensorFlow's cases (PYTHON TF_SCRIPT prints JSON), then
// ours; each side keeps its fastest time per case, the most stable estimate on a shared machine.
// Prints one row per case: milliseconds, TensorFlow's, and the ratio TF/nbrun (> 1: we are faster).
import Foundation
import Layers
import Tensors

/// Fastest wall time of `repeats` runs after one warm-up run, in milliseconds.
func milliseconds(repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return best
}

struct Case {
    let name: String
    let repeats: Int
    let run: () throws -> Void
}

let session = LayerSession(random: RandomGenerator(seed: 1))
func random(_ shape: [Int]) throws -> Tensor { try Tensor(randomUniform: shape, generator: &session.random) }

/// The cases, with layers and inputs made once (GRU(1024)'s orthogonal initialisation is slow).
func makeCases() throws -> [Case] {
    // LSTM(512) over (1, 3, 256): the seed's encoder.
    let lstm = try LSTM(units: 512, session: session)
    let lstmInput = try random([1, 3, 256])
    // GRU(1024) over (64, 30, 512): the translator's encoder.
    let gru = try GRU(units: 1024, returnSequences: true, session: session)
    let gruInput = try random([64, 30, 512])
    // Dense(30000) over (1, 3, 512): a decoder's vocabulary projection.
    let dense = try Dense(units: 30000, session: session)
    let denseInput = try random([1, 3, 512])
    // Bahdanau attention step: encoder outputs (64, 30, 1024), decoder state (64, 1024), units 1024.
    let w1 = try Dense(units: 1024, session: session), w2 = try Dense(units: 1024, session: session)
    let v = try Dense(units: 1, session: session)
    let values = try random([64, 30, 1024]), query = try random([64, 1024])
    // A training step of the course classifier's recurrent part: Bidirectional(LSTM(64,
    // dropout: 0.5, returnSequences)) twice over (256, 50, 128), forward and backward (the
    // gradients of the weights and the input), against TensorFlow's tf.function train step.
    func course() throws -> Bidirectional {
        try Bidirectional(try LSTM(units: 64, returnSequences: true, dropout: 0.5, session: session), session: session)
    }
    let (first, second) = (try course(), try course())
    let trainInput = try random([256, 50, 128]), upstream = try random([256, 50, 128])
    _ = try second(try first(trainInput)[0])
    return [
        Case(name: "bilstm2_train_256x50x128", repeats: 3) {
            let (y1, t1) = try first.trainingForward(trainInput, mask: nil, initialStates: [], training: true,
                                                     generator: &session.random)
            let (_, t2) = try second.trainingForward(y1[0], mask: nil, initialStates: [], training: true,
                                                     generator: &session.random)
            let g2 = try second.backward(t2, outputGradients: [upstream])
            _ = try first.backward(t1, outputGradients: [g2.input])
        },
        Case(name: "lstm_512_1x3x256", repeats: 200) { _ = try lstm(lstmInput) },
        Case(name: "gru_1024_64x30x512", repeats: 5) { _ = try gru(gruInput) },
        Case(name: "dense_30000_1x3x512", repeats: 50) { _ = try dense(denseInput) },
        Case(name: "bahdanau_64x30x1024", repeats: 10) {
            let score = try v(tanh(try w1(values) + w2(query.expandingShape(at: 1))))
            let weights = try softmax(score, alongAxis: 1)
            _ = try (weights * values).sum(squeezingAxes: 1)
        },
    ]
}

/// One round of TensorFlow's cases, as `{case: ms}`.
func tensorFlowRound(python: String, script: String) -> [String: Double] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script]
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch {
        print("cannot run \(python): \(error)")
        return [:]
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (try? JSONSerialization.jsonObject(with: data) as? [String: Double]) ?? [:]
}

let arguments = CommandLine.arguments
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
let cases = try makeCases()
var ours: [String: Double] = [:]
var reference: [String: Double] = [:]
for _ in 0..<rounds {
    if arguments.count > 2 {
        for (name, ms) in tensorFlowRound(python: arguments[1], script: arguments[2]) {
            reference[name] = min(reference[name] ?? .infinity, ms)
        }
    }
    for c in cases {
        ours[c.name] = min(ours[c.name] ?? .infinity, try milliseconds(repeats: c.repeats, c.run))
    }
}

print("case".padding(toLength: 26, withPad: " ", startingAt: 0) + "     nbrun ms         TF ms   TF/nbrun")
for c in cases {
    let ms = ours[c.name]!
    let tf = reference[c.name]
    let ratio = tf.map { String(format: "%9.2fx", $0 / ms) } ?? "         -"
    let tfText = tf.map { String(format: "%13.3f", $0) } ?? "            -"
    print(c.name.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%13.3f", ms) + tfText + "  " + ratio)
}
