// Optimizers as Keras 3 runs them: gradients clipped (`clipNorm` per weight, `globalClipNorm`
// over one call's weights), then each weight's update rule with its own state (moments and step
// count), so one optimizer can update several models.
import Foundation
import Tensors

/// Identifies one weight for an optimizer's state: the object that holds it and its index there.
public struct WeightKey: Hashable {
    let owner: ObjectIdentifier
    let index: Int

    public init(owner: AnyObject, index: Int) {
        self.owner = ObjectIdentifier(owner)
        self.index = index
    }
}

/// An optimizer's state for one weight: its step count and the rule's slots (`m`, `v`, ...),
/// each as many zero-initialised floats as the weight has.
final class WeightState {
    /// Keeps the weight's owner alive so its `ObjectIdentifier` is never reused for another.
    let owner: AnyObject?
    var steps = 0
    let count: Int
    let slots: [UnsafeMutablePointer<Float>]

    init(owner: AnyObject?, count: Int, slotCount: Int) {
        self.owner = owner
        self.count = count
        slots = (0..<slotCount).map { _ in
            let p = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(count, 1))
            p.initialize(repeating: 0, count: Swift.max(count, 1))
            return p
        }
    }

    deinit { for p in slots { p.deallocate() } }
}

/// `body` on the weight and the gradient as raw buffers (empty weights skip it).
@inline(__always)
func withBuffers(_ w: inout [Float], _ g: [Float], _ body: (UnsafeMutablePointer<Float>, UnsafePointer<Float>, Int) -> Void) {
    let n = w.count
    guard n > 0 else { return }
    w.withUnsafeMutableBufferPointer { wp in g.withUnsafeBufferPointer { gp in body(wp.baseAddress!, gp.baseAddress!, n) } }
}

/// The base of `SGD`, `Adam` and `RMSProp`. Subclasses give the number of state slots a weight
/// needs and the update of one weight (`step`), in Keras 3's operation order, in float32.
public class Optimizer {
    /// Keras keeps the learning rate as a float32 variable; it may be changed between steps.
    public var learningRate: Double
    public let clipNorm: Double?
    public let globalClipNorm: Double?
    /// Per-weight state, created (zeros) the first time a weight is updated.
    private var states: [WeightKey: WeightState] = [:]
    private var owners: [WeightKey: AnyObject] = [:]

    init(learningRate: Double, clipNorm: Double?, globalClipNorm: Double?, kind: String) throws {
        if clipNorm != nil && globalClipNorm != nil {
            throw layerError("\(kind): give clipNorm or globalClipNorm, not both (Keras allows one)")
        }
        if let c = clipNorm, !(c > 0) { throw layerError("\(kind): clipNorm must be positive, got \(c)") }
        if let c = globalClipNorm, !(c > 0) { throw layerError("\(kind): globalClipNorm must be positive, got \(c)") }
        self.learningRate = learningRate
        self.clipNorm = clipNorm
        self.globalClipNorm = globalClipNorm
    }

    /// The optimizer's name in messages (`SGD`, `Adam`, `RMSProp`).
    public var kind: String { "Optimizer" }
    /// How many state arrays of the weight's size the rule keeps.
    var slotCount: Int { 0 }
    /// Updates `weight` along `gradient` (same count) with `state` (`state.steps` is already the
    /// step number, counting from 1).
    func step(_ weight: inout [Float], _ gradient: [Float], _ state: WeightState) {}

    /// Steps taken by the weight `key` (0 before its first update).
    public func steps(of key: WeightKey) -> Int { states[key]?.steps ?? 0 }

    /// One Keras `apply_gradients` call: clips `gradients` (global norm over all of them), then
    /// updates each weight with its own state. `weights[i]` and `gradients[i]` have the same
    /// count; `keys[i]` names weight i. `owners[i]`, when given, is kept alive with the state.
    public func apply(_ gradients: [[Float]], to weights: inout [[Float]], keys: [WeightKey],
                      owners: [AnyObject]? = nil) throws {
        guard keys.count == weights.count else {
            throw layerError("\(kind).update: \(keys.count) keys for \(weights.count) weights")
        }
        let clipped = try prepare(gradients, counts: weights.map(\.count))
        for i in weights.indices { step(keys[i], owner: owners?[i], &weights[i], clipped[i]) }
    }

    /// Checks the gradients against the weights' sizes and for non-finite values, then clips them.
    func prepare(_ gradients: [[Float]], counts: [Int]) throws -> [[Float]] {
        guard gradients.count == counts.count else {
            throw layerError("\(kind).update: \(gradients.count) gradients for \(counts.count) weights")
        }
        for (i, (g, n)) in zip(gradients, counts).enumerated() where g.count != n {
            throw layerError("\(kind).update: gradient \(i) has \(g.count) elements, its weight \(n)")
        }
        for (i, g) in gradients.enumerated() {
            if let bad = g.first(where: { !$0.isFinite }) {
                throw layerError("\(kind).update: gradient \(i) contains \(bad); the loss or the model produced a non-finite number")
            }
        }
        return clip(gradients)
    }

    /// One weight's update with its state (created on its first update).
    func step(_ key: WeightKey, owner: AnyObject?, _ weight: inout [Float], _ gradient: [Float]) {
        let state = self.state(key, count: weight.count, owner: owner)
        state.steps += 1
        step(&weight, gradient, state)
    }

    private func state(_ key: WeightKey, count: Int, owner: AnyObject?) -> WeightState {
        if let s = states[key], s.count == count { return s }
        let s = WeightState(owner: owner, count: count, slotCount: slotCount)
        states[key] = s
        return s
    }

    // MARK: Clipping (keras/src/optimizers/base_optimizer.py `_clip_gradients`)

    func clip(_ gradients: [[Float]]) -> [[Float]] {
        if let c = clipNorm {
            // tf.clip_by_norm: g * clip / max(‖g‖, clip).
            let limit = Float(c)
            return gradients.map { g in
                let norm = Float(squaredSum(g)).squareRoot()
                let divisor = Swift.max(norm, limit)
                return g.map { ($0 * limit) / divisor }
            }
        }
        if let c = globalClipNorm {
            // clip_by_global_norm: scale = clip * min(1 / ‖all‖, 1 / clip).
            let norm = Float(gradients.reduce(0) { $0 + Double(Float(squaredSum($1))) }).squareRoot()
            let scale = Float(c) * Swift.min(1 / norm, Float(1 / c))
            return gradients.map { g in g.map { $0 * scale } }
        }
        return gradients
    }
}

/// Σ x², accumulated in Double (TensorFlow's float32 reductions round differently by a few ulps).
func squaredSum(_ x: [Float]) -> Double {
    var total = 0.0
    for v in x { total += Double(v * v) }
    return total
}
