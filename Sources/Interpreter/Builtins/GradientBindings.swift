// Gradients in cells (training.md): `gradient(at:)` and `valueWithGradient(at:)` with respect to
// tensors, built-in layers, models and user-defined layers; `trainableWeights`.
//
//     let g = gradient(at: x) { x in (x * x).sum() }
//     let (loss, grads) = valueWithGradient(at: model) { model in meanSquaredError(...) }
//     let (v, (ga, gb)) = valueWithGradient(at: a, b) { a, b in (a * b).sum() }
//
// A tensor argument reaches the closure as a watched tensor of the tape; a layer or model is
// passed as it is, and every layer called inside gives its weights to the tape (Layers'
// `valueWithGradient`). The closure runs in the training phase (Dropout active). The gradient
// of a tensor is a tensor; of a layer or model, a tuple whose `weights` lists one gradient per
// entry of `trainableWeights` and whose other elements are named after the layers (a model), the
// stored properties (a user layer) or the weights' Keras names (a built-in layer):
// `grads.weights[0]`, `grads.dense.kernel`.
import Foundation
import Layers
import Tensors

func registerGradientBindings(_ b: Builtins) {
    for name in ["gradient", "valueWithGradient"] {
        // `at: a` with one to four values, then the closure.
        for count in 1...4 {
            let params: [ParamSpec] = [.labelled("at")] + Array(repeating: .unlabelled, count: count - 1) + [.unlabelled]
            b.function(name, params) { ctx, a in
                let values = Array(a.dropLast())
                let body = try a.last!.function("\(name)(at:)")
                let (value, gradients) = try differentiate(ctx, values, body, name: name)
                let gradient = gradients.count == 1 ? gradients[0] : .tuple(TupleValue(gradients, labels: gradients.map { _ in nil }))
                if name == "gradient" { return gradient }
                return .tuple(TupleValue([tensorValue(value), gradient], labels: ["value", "gradient"]))
            }
        }
    }
    for typeName in ["Model", "Sequential"] + LayerTypes.all.keys.sorted() {
        guard case .native(let t)? = b.types[typeName] else { continue }
        t.bindProperty("trainableWeights") { _, v in tensorsValue(try trainableWeights(of: v)) }
    }
}

/// What a value given to `at:` is, for differentiation.
private enum Target {
    case tensor(Tensor)
    case layers(GraphOperation)
}

private func target(_ v: Value, _ name: String) throws -> Target {
    if case .native(let n) = v {
        if let t = n.value as? Tensor {
            guard t.dtype == .float32 else {
                throw RuntimeError("\(name)(at:): cannot differentiate with respect to a Tensor<Int32> (shape \(t.shape)): "
                    + "integer tensors (token ids, masks) carry no gradient; convert with Tensor<Float>(x) if you mean numbers")
            }
            guard !t.isSymbolic else {
                throw RuntimeError("\(name)(at:): needs a concrete tensor, not the symbolic \(t.shape) of a model being built")
            }
            return .tensor(t)
        }
        if let op = n.value as? GraphOperation, op is Layer || op is Model || op is Sequential { return .layers(op) }
    }
    if let state = userLayerState(of: v) {
        state.remember(v)
        return .layers(state.node)
    }
    throw RuntimeError("\(name)(at:): cannot differentiate with respect to a value of type \(typeName(v)); "
        + "give a Tensor, a layer, a model, or a struct or class conforming to Layer")
}

/// Runs `body` on `values` under a tape; returns its (scalar) value and one gradient per value.
private func differentiate(_ ctx: Context, _ values: [Value], _ body: Function, name: String) throws -> (Tensor, [Value]) {
    let targets = try values.map { try target($0, name) }
    let tensors = targets.compactMap { t -> Tensor? in if case .tensor(let x) = t { return x } else { return nil } }
    var resultType = ""
    let result = try engineCall {
        try valueWithGradient(session: ctx.bindings.layers, inputs: tensors) { watched in
            var next = 0
            let args = zip(values, targets).map { v, t -> Value in
                guard case .tensor = t else { return v }
                defer { next += 1 }
                return tensorValue(watched[next])
            }
            let r = try ctx.call(body, args)
            guard case .native(let n) = r, let y = n.value as? Tensor else {
                resultType = typeName(r)
                throw RuntimeError("\(name)(at:): the closure must return a scalar Tensor (the loss), got \(resultType)")
            }
            return y
        }
    }
    var next = 0
    let gradients = try zip(values, targets).map { v, t -> Value in
        switch t {
        case .tensor:
            defer { next += 1 }
            return tensorValue(result.inputs[next])
        case .layers:
            return try gradientTree(v, result)
        }
    }
    return (result.value, gradients)
}

/// The trainable weights of a layer, model or user layer, in training.md's order.
func trainableWeights(of v: Value) throws -> [Tensor] {
    guard case .layers(let op) = try target(v, "trainableWeights") else { return [] }
    return try trainableLayers(of: [op]).flatMap { try $0.weights }
}

/// The gradients of `v`'s weights with `v`'s structure (see the file's comment).
private func gradientTree(_ v: Value, _ g: LayerGradients) throws -> Value {
    guard case .layers(let op) = try target(v, "gradient") else { return .void }
    var labels: [String?] = ["weights"]
    var elements: [Value] = [tensorsValue(try g.weights(of: trainableLayers(of: [op])))]
    func add(_ label: String, _ value: Value) {
        guard !labels.contains(label) else { return }
        labels.append(label)
        elements.append(value)
    }
    switch op {
    case let layer as Layer:
        for (name, w) in zip(layer.weightNames, try g.weights(of: layer)) { add(name, tensorValue(w)) }
    case let model as Model:
        for layer in trainableLayers(of: [model]) { add(layer.name, try gradientTree(layerValue(layer), g)) }
    case let sequential as Sequential:
        for layer in sequential.layers { add(layer.name, try gradientTree(layerValue(layer), g)) }
    default:
        // A user layer: its stored properties that hold layers, by name.
        guard let state = userLayerState(of: v) else { break }
        let fields: [(String, Value)]
        switch v {
        case .structValue(let s): fields = zip(s.type.fields.map(\.name), s.fields).map { ($0, $1) }
        case .object(let o): fields = zip(o.type.fields.map(\.name), o.fields).map { ($0, $1) }
        default: fields = []
        }
        _ = state
        for (name, field) in fields {
            if let tree = try fieldGradients(field, g) { add(name, tree) }
        }
    }
    return .tuple(TupleValue(elements, labels: labels))
}

/// The gradients of a stored property holding a layer (or an array of layers), else nil.
private func fieldGradients(_ v: Value, _ g: LayerGradients) throws -> Value? {
    if case .array(let a) = v {
        let trees = try a.elements.compactMap { try fieldGradients($0, g) }
        return trees.isEmpty || trees.count != a.elements.count ? nil : .array(ArrayStorage(trees))
    }
    if case .some(let w) = v { return try fieldGradients(w, g) }
    guard (try? target(v, "gradient")).map({ if case .layers = $0 { return true } else { return false } }) == true else { return nil }
    return try gradientTree(v, g)
}
