// Keras's built-in layers in cells: Embedding, Dense, SimpleRNN, LSTM, GRU, Bidirectional,
// Dropout, Softmax, Concatenate (labels as in tensor-api.md). Each is a reference type built
// from the session's LayerSession (Keras names, seeded weights); calling one returns a tensor,
// or a tuple when the layer returns several (`let (output, h, c) = lstm(x)`).
import Foundation
import Layers
import Tensors

/// The native type of every built-in layer, by its name in cells.
enum LayerTypes {
    static var all: [String: NativeType] = [:]
}

func registerLayerBindings(_ b: Builtins) {
    // `Layer` names the protocol user layers conform to; as a type annotation it accepts any value.
    b.types["Layer"] = .any

    layerType(b, "Dense").bindInit([.labelled("units"), .labelledDefault("activation", .implicitMember(ImplicitMember(name: "linear"))),
                                    .labelledDefault("useBias", .bool(true))]) { ctx, a in
        let activation = try a[1].memberName("Dense(activation:)", allowed: Activation.allCases.map(\.rawValue))
        return layerValue(try Dense(units: try a[0].int("Dense(units:)"), activation: Activation(rawValue: activation)!,
                                    useBias: try a[2].bool("Dense(useBias:)"), session: ctx.bindings.layers))
    }
    layerType(b, "Embedding").bindInit([.labelled("vocabularySize"), .labelled("embeddingSize"), .labelledDefault("maskZero", .bool(false))]) { ctx, a in
        layerValue(try Embedding(vocabularySize: try a[0].int("Embedding(vocabularySize:)"), embeddingSize: try a[1].int("Embedding(embeddingSize:)"),
                                 maskZero: try a[2].bool("Embedding(maskZero:)"), session: ctx.bindings.layers))
    }
    layerType(b, "Dropout").bindInit([.labelled("rate")]) { ctx, a in
        layerValue(try Dropout(rate: try a[0].float("Dropout(rate:)"), session: ctx.bindings.layers))
    }
    layerType(b, "Softmax").bindInit([.labelledDefault("axis", .int(-1))]) { ctx, a in
        layerValue(Softmax(axis: try a[0].int("Softmax(axis:)"), session: ctx.bindings.layers))
    }
    layerType(b, "Concatenate").bindInit([.labelledDefault("axis", .int(-1))]) { ctx, a in
        layerValue(Concatenate(axis: try a[0].int("Concatenate(axis:)"), session: ctx.bindings.layers))
    }
    registerRecurrentLayers(b)
}

/// A native type for a layer class, with the members every layer has.
@discardableResult
private func layerType(_ b: Builtins, _ name: String) -> NativeType {
    let t = b.type(NativeType(name: name))
    LayerTypes.all[name] = t
    // Keras's repr: `<Dense name=dense, built=True>`.
    t.describe = { v in
        guard let l = v as? Layer else { return name }
        return "<\(l.className) name=\(l.name), built=\(l.isBuilt ? "True" : "False")>"
    }
    func this(_ v: Value) throws -> Layer { try v.native(Layer.self, name) }
    t.bindProperty("name") { _, v in .string(try this(v).name) }
    t.bindProperty("parameterCount") { _, v in .int(try this(v).parameterCount) }
    t.bindProperty("weights") { _, v in tensorsValue(try this(v).weights) }
    t.bindMethod("setWeights", [.unlabelled]) { _, a in
        try this(a[0]).setWeights(try a[1].tensors("setWeights"))
        return .void
    }
    // `layer(x)`, and `Concatenate()([a, b])` with an array; recurrent layers add `initialState:`.
    t.bindMethod("callAsFunction", [.unlabelled]) { _, a in
        let layer = try this(a[0])
        return try applyLayer(layer, inputs: try a[1].tensors(name), states: [])
    }
    return t
}

/// Calls a built-in layer and shapes the result as Swift sees it.
func applyLayer(_ layer: Layer, inputs: [Tensor], states: [Tensor]) throws -> Value {
    if !(layer is Concatenate), inputs.count != 1 {
        throw RuntimeError("\(layer.name): \(layer.className) takes one tensor, got an array of \(inputs.count)")
    }
    let outputs = try layer.apply(inputs, initialState: states)
    return tupleOrTensor(outputs, asTuple: layer.returnsList)
}

func layerValue(_ layer: Layer) -> Value {
    guard let t = LayerTypes.all[layer.className] else { preconditionFailure("no binding for \(layer.className)") }
    return .native(NativeValue(layer, type: t))
}

private func registerRecurrentLayers(_ b: Builtins) {
    let common: [ParamSpec] = [.labelled("units"), .labelledDefault("returnSequences", .bool(false)),
                               .labelledDefault("returnState", .bool(false)), .labelledDefault("dropout", .int(0)),
                               .labelledDefault("goBackwards", .bool(false))]
    func options(_ a: [Value], _ what: String) throws -> (Int, Bool, Bool, Float, Bool) {
        (try a[0].int("\(what)(units:)"), try a[1].bool("\(what)(returnSequences:)"), try a[2].bool("\(what)(returnState:)"),
         try a[3].float("\(what)(dropout:)"), try a[4].bool("\(what)(goBackwards:)"))
    }
    layerType(b, "SimpleRNN").bindInit(common) { ctx, a in
        let (u, seq, state, dropout, back) = try options(a, "SimpleRNN")
        return layerValue(try SimpleRNN(units: u, returnSequences: seq, returnState: state, goBackwards: back, dropout: dropout, session: ctx.bindings.layers))
    }
    layerType(b, "LSTM").bindInit(common) { ctx, a in
        let (u, seq, state, dropout, back) = try options(a, "LSTM")
        return layerValue(try LSTM(units: u, returnSequences: seq, returnState: state, goBackwards: back, dropout: dropout, session: ctx.bindings.layers))
    }
    layerType(b, "GRU").bindInit(common + [.labelledDefault("resetAfter", .bool(true))]) { ctx, a in
        let (u, seq, state, dropout, back) = try options(a, "GRU")
        return layerValue(try GRU(units: u, returnSequences: seq, returnState: state, goBackwards: back, dropout: dropout,
                                  resetAfter: try a[5].bool("GRU(resetAfter:)"), session: ctx.bindings.layers))
    }
    layerType(b, "Bidirectional").bindInit([.unlabelled, .labelledDefault("mergeMode", .implicitMember(ImplicitMember(name: "concat")))]) { ctx, a in
        guard case .native(let n) = a[0], let rnn = n.value as? Recurrent else {
            throw RuntimeError("Bidirectional: expected a recurrent layer (SimpleRNN, LSTM or GRU), got \(typeName(a[0]))")
        }
        let mode = try a[1].memberName("Bidirectional(mergeMode:)", allowed: MergeMode.allCases.map(\.rawValue))
        return layerValue(try Bidirectional(rnn, mergeMode: MergeMode(rawValue: mode)!, session: ctx.bindings.layers))
    }
    for name in ["SimpleRNN", "LSTM", "GRU", "Bidirectional"] {
        // `gru(x, initialState: h)`, `lstm(x, initialState: [h, c])`.
        LayerTypes.all[name]!.bindMethod("callAsFunction", [.unlabelled, .labelled("initialState")]) { _, a in
            let layer = try a[0].native(Layer.self, name)
            return try applyLayer(layer, inputs: [try a[1].tensor(name)], states: try a[2].tensors("\(name)(initialState:)"))
        }
    }
}
