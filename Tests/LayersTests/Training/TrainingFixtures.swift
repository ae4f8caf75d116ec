// Reading Fixtures/Training/training.json, written by scripts/fixtures/keras_training.py from
// Keras 3 on TensorFlow (every float32 written as its exact decimal).
import Foundation
import Tensors
@testable import Layers

enum TrainingFixtures {
    static let folder = Fixtures.folder.appendingPathComponent("Training")

    static let all: [String: Any] = {
        let data = try! Data(contentsOf: folder.appendingPathComponent("training.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static func section(_ name: String) -> [[String: Any]] { all[name] as! [[String: Any]] }
    static func named(_ section: String, _ name: String) -> [String: Any] {
        self.section(section).first { $0["name"] as! String == name }!
    }
    static func names(_ section: String) -> [String] { self.section(section).map { $0["name"] as! String } }
}

/// `{"shape": [...], "values": [...]}` as a tensor: int32 when every value came as an integer
/// and `integers` is set, else float32.
func fixtureTensor(_ any: Any?, integers: Bool = false) throws -> Tensor {
    let d = any as! [String: Any]
    let shape = d["shape"] as! [Int]
    let values = (d["values"] as! [NSNumber])
    if integers { return try Tensor(shape: shape, int32Scalars: values.map { $0.int32Value }) }
    return try Tensor(shape: shape, scalars: values.map { $0.floatValue })
}

func fixtureFloats(_ any: Any?) -> [Float] {
    ((any as! [String: Any])["values"] as! [NSNumber]).map(\.floatValue)
}

/// max |a - b| / max(1, |b|) elementwise (relative for large values, absolute near zero).
func relativeDifference(_ a: [Float], _ b: [Float]) -> Float {
    precondition(a.count == b.count, "\(a.count) vs \(b.count) values")
    return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1) / max(1, abs($1.1))) }
}

extension TrainingFixtures {
    static var optimizerNames: [String] {
        ((all["optimizers"] as! [String: Any])["cases"] as! [[String: Any]]).map { $0["name"] as! String }
    }
}
