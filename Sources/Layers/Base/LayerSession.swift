// Per-session state the layers share: Keras's name counters and the seeded weight generator.
import Foundation
import Tensors

/// One notebook session's layer state. Names are generated as Keras generates them, counting per
/// base name from the session's start (`dense`, `dense_1`, ...; `input_layer`; `functional`),
/// and weights are drawn from the session's seeded generator, so a rerun gives the same model.
public final class LayerSession {
    private var nameCounts: [String: Int] = [:]
    /// Above 0 while a user-defined layer runs on symbolic tensors: the layers it calls inside
    /// compute shapes on detached tensors instead of becoming nodes of the outer model (Keras
    /// semantics). Per session, so notebooks running in parallel do not see each other's.
    var recordingSuspended = 0
    /// The session's generator; layers draw their initial weights from it when they build.
    public var random: RandomGenerator
    /// While gradients are being taken (`valueWithGradient`), the layers' weights as watched
    /// leaves of the tape; nil otherwise (see Autodiff/LayerGradients.swift).
    public internal(set) var training: TrainingScope?
    /// The learning phase: true while gradients are taken (Dropout is then active).
    public var isTraining: Bool { training != nil }

    public init(random: RandomGenerator) {
        self.random = random
    }

    /// The next name for `base`: `base` the first time, then `base_1`, `base_2`, ...
    public func uniqueName(_ base: String) -> String {
        let n = nameCounts[base, default: 0]
        nameCounts[base] = n + 1
        return n == 0 ? base : "\(base)_\(n)"
    }

    /// Keras's name for a user-defined class (`to_snake_case`): `BahdanauAttention` →
    /// `bahdanau_attention`, `GRUCell` → `gru_cell`.
    public static func snakeCase(_ className: String) -> String {
        var name = replace(className, #"\W+"#, "")
        name = replace(name, "(.)([A-Z][a-z]+)", "$1_$2")
        return replace(name, "([a-z])([A-Z])", "$1_$2").lowercased()
    }

    private static func replace(_ s: String, _ pattern: String, _ template: String) -> String {
        let regex = try! NSRegularExpression(pattern: pattern)  // constant patterns above
        return regex.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
    }
}
