// Reading the Keras fixtures (Fixtures/manifest.json + .npy files written by
// scripts/fixtures/keras_layers.py) and building nbrun layers from their configurations.
import Foundation
import Tensors
@testable import Layers

enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let manifest: [String: Any] = {
        let data = try! Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static var cases: [[String: Any]] { manifest["cases"] as! [[String: Any]] }
    static var caseNames: [String] { cases.map { $0["name"] as! String } }
    static func named(_ name: String) -> [String: Any] { cases.first { $0["name"] as! String == name }! }

    static func text(_ file: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    }

    /// A float32 or int32, C-order .npy file (the only kinds the generator writes).
    static func npy(_ file: String) throws -> Tensor {
        let data = try Data(contentsOf: folder.appendingPathComponent(file))
        let bytes = [UInt8](data)
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        let header = String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self)
        let shapeText = header.components(separatedBy: "'shape': (")[1].components(separatedBy: ")")[0]
        let shape = shapeText.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let body = Array(bytes[(10 + headerLength)...])
        let count = shape.reduce(1, *)
        precondition(header.contains("'fortran_order': False"))
        if header.contains("<f4") {
            let values = (0..<count).map { i in
                Float(bitPattern: UInt32(body[4 * i]) | UInt32(body[4 * i + 1]) << 8
                    | UInt32(body[4 * i + 2]) << 16 | UInt32(body[4 * i + 3]) << 24)
            }
            return try Tensor(shape: shape, scalars: values)
        }
        precondition(header.contains("<i4"), "unexpected dtype in \(file): \(header)")
        let values = (0..<count).map { i in
            Int32(bitPattern: UInt32(body[4 * i]) | UInt32(body[4 * i + 1]) << 8
                | UInt32(body[4 * i + 2]) << 16 | UInt32(body[4 * i + 3]) << 24)
        }
        return try Tensor(shape: shape, int32Scalars: values)
    }

    /// The nbrun layer for a manifest entry `{"type": ..., "config": {...}}`.
    static func makeLayer(_ type: String, _ config: [String: Any], session: LayerSession) throws -> Layer {
        func int(_ k: String) -> Int { config[k] as! Int }
        func bool(_ k: String) -> Bool { config[k] as? Bool ?? false }
        switch type {
        case "Embedding":
            return try Embedding(vocabularySize: int("vocabularySize"), embeddingSize: int("embeddingSize"),
                                 maskZero: bool("maskZero"), session: session)
        case "Dense":
            return try Dense(units: int("units"), activation: Activation(rawValue: config["activation"] as? String ?? "linear")!,
                             useBias: config["useBias"] as? Bool ?? true, session: session)
        case "Softmax": return Softmax(axis: int("axis"), session: session)
        case "Concatenate": return Concatenate(axis: int("axis"), session: session)
        case "Dropout": return try Dropout(rate: Float(config["rate"] as! Double), session: session)
        case "SimpleRNN":
            return try SimpleRNN(units: int("units"), returnSequences: bool("returnSequences"),
                                 returnState: bool("returnState"), goBackwards: bool("goBackwards"), session: session)
        case "LSTM":
            return try LSTM(units: int("units"), returnSequences: bool("returnSequences"),
                            returnState: bool("returnState"), goBackwards: bool("goBackwards"), session: session)
        case "GRU":
            return try GRU(units: int("units"), returnSequences: bool("returnSequences"),
                           returnState: bool("returnState"), goBackwards: bool("goBackwards"),
                           resetAfter: config["resetAfter"] as? Bool ?? true, session: session)
        case "Bidirectional":
            let inner = config["layer"] as! [String: Any]
            let rnn = try makeLayer(inner["type"] as! String, inner["config"] as! [String: Any], session: session)
            return try Bidirectional(rnn as! Recurrent, mergeMode: MergeMode(rawValue: config["mergeMode"] as! String)!,
                                     session: session)
        default: fatalError("unknown layer type \(type)")
        }
    }
}

/// The largest absolute difference between two tensors of the same shape.
func maxDifference(_ a: Tensor, _ b: Tensor) -> Float {
    zip(a.scalars, b.scalars).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

func testSession(seed: UInt64 = 7) -> LayerSession { LayerSession(random: RandomGenerator(seed: seed)) }
