// Gradients with respect to layers' weights: the training scope that gives each layer its
// weights as watched tensors of the tape, the trainable layers of a model in Keras's order, and
// `valueWithGradient`, which runs a computation in the training phase and differentiates it.
import Tensors

/// While gradients are taken: the tape, and each called layer's weights as watched leaves (one
/// set per layer, so a layer called several times, like a decoder step, accumulates into one).
public final class TrainingScope {
    public let tape = GradientTape()
    private var watched: [ObjectIdentifier: [Tensor]] = [:]

    /// `layer`'s weights as leaves of the tape (watched on first use).
    func weights(of layer: Layer) throws -> [Tensor] {
        let key = ObjectIdentifier(layer)
        if let w = watched[key] { return w }
        let w = try layer.weights.map(tape.watch)
        watched[key] = w
        return w
    }

    fileprivate var leaves: [(ObjectIdentifier, [Tensor])] { watched.map { ($0.key, $0.value) } }

    /// The calls of layers whose training outputs depend only on their inputs and weights
    /// (`Layer.repeatsInTraining`), by layer and inputs: a second call on the same tensors (an
    /// attention's `wEncoder(encoderStates)` at every decoder step) returns the first call's
    /// outputs, so the tape holds one node whose backward runs once on the summed gradients.
    /// Each entry keeps its inputs alive, so their identities cannot be reused meanwhile.
    private var calls: [CallKey: (inputs: [Tensor], outputs: [Tensor])] = [:]

    struct CallKey: Hashable {
        let layer: ObjectIdentifier
        let tensors: [TensorIdentity?]
    }

    /// `layer`'s outputs on these inputs, computed by `compute` the first time only.
    func call(_ layer: Layer, _ inputs: [Tensor], masks: [Tensor?], states: [Tensor],
              compute: () throws -> [Tensor]) throws -> [Tensor] {
        let tensors = inputs + masks.compactMap { $0 } + states
        let key = CallKey(layer: ObjectIdentifier(layer),
                          tensors: inputs.map(\.identity) + masks.map { $0?.identity } + states.map(\.identity))
        if let done = calls[key] { return done.outputs }
        let outputs = try compute()
        calls[key] = (tensors, outputs)
        return outputs
    }
}

/// What `valueWithGradient` computed: the value, the gradient of each input, and of each
/// weight of every layer the computation called.
public struct LayerGradients {
    public let value: Tensor
    public let inputs: [Tensor]
    fileprivate let byLayer: [ObjectIdentifier: [Tensor]]

    /// The gradients of `layer`'s weights, in Keras's order (zeros for a layer not called).
    public func weights(of layer: Layer) throws -> [Tensor] {
        if let g = byLayer[ObjectIdentifier(layer)] { return g }
        return try layer.weights.map { try Tensor(zeros: dims($0)) }
    }

    /// The gradients of the weights of `layers`, flattened (`grads.weights`).
    public func weights(of layers: [Layer]) throws -> [Tensor] {
        try layers.flatMap { try weights(of: $0) }
    }
}

/// Runs `body` on `inputs` (as watched tensors) in the training phase and returns its value with
/// the gradients of the inputs and of the weights of every layer it called. The value must be a
/// scalar float32 tensor. Nested calls (a gradient inside the closure of another) are an error.
public func valueWithGradient(session: LayerSession, inputs: [Tensor] = [],
                              _ body: ([Tensor]) throws -> Tensor) throws -> LayerGradients {
    guard session.training == nil else {
        throw layerError("gradient: cannot take a gradient inside the closure of another (nested gradients are not supported)")
    }
    let scope = TrainingScope()
    session.training = scope
    defer { session.training = nil; scope.tape.stop() }
    let watchedInputs = try inputs.map(scope.tape.watch)
    let y = try body(watchedInputs)
    guard y.dtype == .float32, !y.isSymbolic, y.rank == 0 || y.scalarCount == 1 && y.shape.dimensions.allSatisfy({ $0 == 1 }) else {
        throw layerError("gradient: the closure must return a scalar tensor (the loss), got \(y.dtype) of shape \(y.shape); "
            + "reduce it, e.g. with .mean() or .sum()")
    }
    session.training = nil
    let leaves = scope.leaves
    let all = try scope.tape.gradients(of: y, at: watchedInputs + leaves.flatMap(\.1))
    var byLayer: [ObjectIdentifier: [Tensor]] = [:]
    var next = watchedInputs.count
    for (key, w) in leaves {
        byLayer[key] = Array(all[next..<next + w.count])
        next += w.count
    }
    return LayerGradients(value: GradientTape.detached(y), inputs: Array(all[0..<watchedInputs.count]), byLayer: byLayer)
}

/// Runs `body` (a model's forward pass) in the training phase under a tape and returns its
/// output with a pullback: given the gradient of a loss with respect to that output (its shape),
/// the gradients of every called layer's weights (fit's training step: the loss's own backward
/// gives the output gradient). The pullback can be called once.
public func differentiableForward(session: LayerSession, _ body: () throws -> Tensor) throws
    -> (output: Tensor, pullback: (Tensor) throws -> LayerGradients) {
    guard session.training == nil else {
        throw layerError("gradient: cannot take a gradient inside the closure of another (nested gradients are not supported)")
    }
    let scope = TrainingScope()
    session.training = scope
    defer { session.training = nil }
    let y = try body()
    return (GradientTape.detached(y), { seed in
        let leaves = scope.leaves
        let all = try scope.tape.gradients(of: y, seed: seed, at: leaves.flatMap(\.1))
        var byLayer: [ObjectIdentifier: [Tensor]] = [:]
        var next = 0
        for (key, w) in leaves {
            byLayer[key] = Array(all[next..<next + w.count])
            next += w.count
        }
        return LayerGradients(value: GradientTape.detached(y), inputs: [], byLayer: byLayer)
    })
}

/// The layers whose weights a model trains, in Keras's `trainable_weights` order: a functional
/// model's layers in graph order, a Sequential's in order, a user layer's in the order of its
/// stored properties (nested ones expanded); each layer once.
public func trainableLayers(of operations: [GraphOperation]) -> [Layer] {
    var seen = Set<ObjectIdentifier>()
    var found: [Layer] = []
    func walk(_ op: GraphOperation) {
        switch op {
        case let layer as Layer:
            if seen.insert(ObjectIdentifier(layer)).inserted { found.append(layer) }
        case let custom as CustomLayerNode: custom.layers.forEach(walk)
        case let model as Model: model.operations.forEach(walk)
        case let sequential as Sequential: sequential.layers.forEach(walk)
        default: break
        }
    }
    operations.forEach(walk)
    return found
}
