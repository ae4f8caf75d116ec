// Training in cells (training.md): losses as functions (on the tape inside `valueWithGradient`),
// optimizers and `optimizer.update(&model, along: grads)`, and Keras's loop on Model and
// Sequential: `compile`, `fit` (one line per epoch in the cell's output, without timings, so
// snapshots do not change from run to run), `evaluate`, `predict`, `History` with `plot()`,
// `saveWeights` / `loadWeights` (paths below the notebook's folder).
import Foundation
import Layers
import Reports
import Tensors

let historyType = NativeType(name: "History")
let evaluationType = NativeType(name: "Evaluation")

func registerTrainingBindings(_ b: Builtins) {
    registerLossFunctions(b)
    registerOptimizers(b)
    registerHistory(b)
    for name in ["Model", "Sequential"] {
        guard case .native(let t)? = b.types[name] else { continue }
        registerLoop(t)
    }
}

// MARK: Losses

private func registerLossFunctions(_ b: Builtins) {
    let mask = ParamSpec.labelledDefault("mask", .none)
    for (name, kind) in [("binaryCrossentropy", Loss.Kind.binaryCrossentropy), ("categoricalCrossentropy", .categoricalCrossentropy)] {
        b.bind(name, [.labelled("predicted"), .labelled("expected"), mask, .labelledDefault("fromLogits", .bool(false))]) { _, a in
            tensorValue(try recordedLoss(Loss(kind, fromLogits: try a[3].bool(name)), predicted: try a[0].tensor(name),
                                         expected: try a[1].tensor(name), mask: try optionalTensor(a[2], name)))
        }
    }
    b.bind("meanSquaredError", [.labelled("predicted"), .labelled("expected"), mask]) { _, a in
        tensorValue(try recordedLoss(.meanSquaredError, predicted: try a[0].tensor("meanSquaredError"),
                                     expected: try a[1].tensor("meanSquaredError"), mask: try optionalTensor(a[2], "meanSquaredError")))
    }
    for (label, logits) in [("logits", true), ("probabilities", false)] {
        b.bind("sparseCategoricalCrossentropy", [.labelled(label), .labelled("labels"), mask]) { _, a in
            let name = "sparseCategoricalCrossentropy"
            return tensorValue(try recordedLoss(Loss(.sparseCategoricalCrossentropy, fromLogits: logits), predicted: try a[0].tensor(name),
                                                expected: try a[1].tensor(name), mask: try optionalTensor(a[2], name)))
        }
    }
}

private func optionalTensor(_ v: Value, _ what: String) throws -> Tensor? {
    try v.unlessNil.map { try $0.tensor("\(what)(mask:)") }
}

/// `.binaryCrossentropy`, `.sparseCategoricalCrossentropy(fromLogits: true)`, ...
private func loss(_ v: Value) throws -> Loss {
    let names = Loss.Kind.allCases.map(\.rawValue)
    guard case .implicitMember(let m) = v, let kind = Loss.Kind.allCases.first(where: { "\($0)" == m.name }) else {
        throw RuntimeError("compile(loss:): expected one of .binaryCrossentropy, .categoricalCrossentropy, "
            + ".sparseCategoricalCrossentropy, .meanSquaredError (with (fromLogits: true) for logits), got \(describeMember(v)) \(names.isEmpty ? "" : "")")
    }
    var fromLogits = false
    if m.hasCall {
        guard m.labels == ["fromLogits"], case .bool(let f) = m.arguments.first else {
            throw RuntimeError("compile(loss:): .\(m.name) takes (fromLogits: Bool)")
        }
        fromLogits = f
    }
    return Loss(kind, fromLogits: fromLogits)
}

private func metric(_ v: Value) throws -> Metric {
    guard case .implicitMember(let m) = v else { throw RuntimeError("compile(metrics:): expected metrics such as .accuracy, got \(typeName(v))") }
    switch (m.name, m.hasCall) {
    case ("accuracy", false): return .accuracy
    case ("sparseCategoricalAccuracy", false): return .sparseCategoricalAccuracy
    case ("categoricalAccuracy", false): return .categoricalAccuracy
    case ("binaryAccuracy", false): return .binaryAccuracy
    case ("binaryAccuracy", true):
        guard m.labels == ["threshold"], let t = m.arguments.first?.floatScalar else {
            throw RuntimeError("compile(metrics:): .binaryAccuracy takes (threshold: Float)")
        }
        return .binaryAccuracy(threshold: t)
    default:
        throw RuntimeError("compile(metrics:): unknown metric '.\(m.name)'; expected .accuracy, .binaryAccuracy, "
            + ".binaryAccuracy(threshold:), .sparseCategoricalAccuracy, .categoricalAccuracy")
    }
}

private func describeMember(_ v: Value) -> String {
    if case .implicitMember(let m) = v { return "'.\(m.name)'" }
    return typeName(v)
}

// MARK: Optimizers

private func registerOptimizers(_ b: Builtins) {
    let clip: [ParamSpec] = [.labelledDefault("clipNorm", .none), .labelledDefault("globalClipNorm", .none)]
    func double(_ v: Value, _ what: String) throws -> Double? { try v.unlessNil.map { try $0.double(what) } }
    let sgd = b.type(NativeType(name: "SGD"))
    sgd.bindInit([.labelledDefault("learningRate", .double(0.01)), .labelledDefault("momentum", .double(0)),
                  .labelledDefault("nesterov", .bool(false))] + clip) { _, a in
        .native(NativeValue(try SGD(learningRate: try a[0].double("SGD(learningRate:)"), momentum: try a[1].double("SGD(momentum:)"),
                                    nesterov: try a[2].bool("SGD(nesterov:)"), clipNorm: try double(a[3], "clipNorm"),
                                    globalClipNorm: try double(a[4], "globalClipNorm")), type: sgd))
    }
    let adam = b.type(NativeType(name: "Adam"))
    adam.bindInit([.labelledDefault("learningRate", .double(0.001)), .labelledDefault("beta1", .double(0.9)),
                   .labelledDefault("beta2", .double(0.999)), .labelledDefault("epsilon", .double(1e-7))] + clip) { _, a in
        .native(NativeValue(try Adam(learningRate: try a[0].double("Adam(learningRate:)"), beta1: try a[1].double("Adam(beta1:)"),
                                     beta2: try a[2].double("Adam(beta2:)"), epsilon: try a[3].double("Adam(epsilon:)"),
                                     clipNorm: try double(a[4], "clipNorm"), globalClipNorm: try double(a[5], "globalClipNorm")), type: adam))
    }
    let rmsProp = b.type(NativeType(name: "RMSProp"))
    rmsProp.bindInit([.labelledDefault("learningRate", .double(0.001)), .labelledDefault("rho", .double(0.9)),
                      .labelledDefault("momentum", .double(0)), .labelledDefault("epsilon", .double(1e-7)),
                      .labelledDefault("centered", .bool(false))] + clip) { _, a in
        .native(NativeValue(try RMSProp(learningRate: try a[0].double("RMSProp(learningRate:)"), rho: try a[1].double("RMSProp(rho:)"),
                                        momentum: try a[2].double("RMSProp(momentum:)"), epsilon: try a[3].double("RMSProp(epsilon:)"),
                                        centered: try a[4].bool("RMSProp(centered:)"), clipNorm: try double(a[5], "clipNorm"),
                                        globalClipNorm: try double(a[6], "globalClipNorm")), type: rmsProp))
    }
    for t in [sgd, adam, rmsProp] {
        t.describe = { v in (v as? Optimizer)?.kind ?? t.name }
        // `optimizer.update(&model, along: grads)`: grads from valueWithGradient(at: model).
        t.bindMethod("update", [.unlabelled, .labelled("along")]) { _, a in
            let optimizer = try a[0].native(Optimizer.self, t.name)
            let slots = try weightSlots(of: a[1], "\(t.name).update")
            guard case .tuple(let grads) = a[2], let i = grads.index(of: "weights") else {
                throw RuntimeError("\(t.name).update(_:along:): expected the gradient of a model or layer from valueWithGradient(at:), got \(typeName(a[2]))")
            }
            try optimizer.update(slots, along: try grads.elements[i].tensors("\(t.name).update(along:)"))
            return .void
        }
        t.bindProperty("learningRate") { _, v in .double(try v.native(Optimizer.self, t.name).learningRate) }
    }
}

/// The trainable weights of a layer, model or user layer value, as fit's optimizer slots.
private func weightSlots(of v: Value, _ what: String) throws -> [WeightSlot] {
    if case .native(let n) = v, let op = n.value as? GraphOperation { return trainableSlots(of: op) }
    if let state = userLayerState(of: v) {
        state.remember(v)
        return trainableSlots(of: state.node)
    }
    throw RuntimeError("\(what): expected a layer or a model, got \(typeName(v))")
}

// MARK: compile, fit, evaluate, predict

private func registerLoop(_ t: NativeType) {
    func model(_ v: Value) throws -> (Compilable & GraphOperation) {
        if case .native(let n) = v, let m = n.value as? (Compilable & GraphOperation) { return m }
        throw RuntimeError("\(t.name): expected a model")
    }
    func step(_ m: GraphOperation, _ ctx: Context) -> TrainingStep {
        trainingStep(for: m, session: ctx.bindings.layers) { xs in
            if let model = m as? Model {
                let outputs = try model(xs)
                guard outputs.count == 1 else {
                    throw RuntimeError("\(model.name) has \(outputs.count) outputs; fit, evaluate and predict take a model with one output "
                        + "(train one with several with valueWithGradient and optimizer.update)")
                }
                return outputs[0]
            }
            return try (m as! Sequential)(xs[0])
        }
    }
    /// `x`: one tensor, or (a model with several inputs) an array of them, as Keras takes a list;
    /// checked against the model's inputs before anything runs.
    func inputs(_ v: Value, _ m: GraphOperation, _ what: String) throws -> [Tensor] {
        let xs: [Tensor]
        if case .array = v {
            xs = try v.array(what).map { try $0.tensor(what) }
        } else {
            xs = [try v.tensor(what)]
        }
        let expected = (m as? Model)?.inputs.count ?? 1
        guard xs.count == expected else {
            throw RuntimeError("\(what): \(m.name) has \(expected) input\(expected == 1 ? "" : "s"), got \(xs.count) tensor\(xs.count == 1 ? "" : "s")"
                + (expected > 1 ? "; give [x1, x2, ...], one tensor per input, in the order of the model's inputs" : ""))
        }
        return xs
    }
    t.bindMethod("compile", [.labelled("optimizer"), .labelled("loss"), .labelledDefault("metrics", .array(ArrayStorage([])))]) { _, a in
        let m = try model(a[0])
        let optimizer = try a[1].native(Optimizer.self, "compile(optimizer:)")
        m.compile(optimizer: optimizer, loss: try loss(a[2]), metrics: try a[3].array("compile(metrics:)").map(metric))
        return .void
    }
    t.bindMethod("fit", [.unlabelled, .unlabelled, .labelledDefault("epochs", .int(1)), .labelledDefault("batchSize", .int(32)),
                         .labelledDefault("shuffle", .bool(true)), .labelledDefault("validationData", .none)]) { ctx, a in
        let m = try model(a[0])
        var validation: (x: [Tensor], y: Tensor)? = nil
        if case .tuple(let v)? = a[6].unlessNil, v.elements.count == 2 {
            validation = (try inputs(v.elements[0], m, "fit(validationData:)"), try v.elements[1].tensor("fit(validationData:)"))
        } else if a[6].unlessNil != nil {
            throw RuntimeError("fit(validationData:): expected a pair (x, y) of tensors")
        }
        let log = TrainingLog(status: ctx.trainingHook, line: { ctx.write(ProgressLine.withoutTimings($0) + "\n") })
        let session = ctx.bindings.layers
        let history = try Trainer.fit(m, step: step(m, ctx), x: try inputs(a[1], m, "fit"), y: try a[2].tensor("fit"),
                                      epochs: try a[3].int("fit(epochs:)"), batchSize: try a[4].int("fit(batchSize:)"),
                                      shuffle: try a[5].bool("fit(shuffle:)"), validationData: validation,
                                      random: &session.random, report: log.handle)
        return .native(NativeValue(history, type: historyType))
    }
    t.bindMethod("evaluate", [.unlabelled, .unlabelled, .labelledDefault("batchSize", .int(32))]) { ctx, a in
        let m = try model(a[0])
        let result = try Trainer.evaluate(m, step: step(m, ctx), x: try inputs(a[1], m, "evaluate"), y: try a[2].tensor("evaluate"),
                                          batchSize: try a[3].int("evaluate(batchSize:)"))
        return .native(NativeValue(result, type: evaluationType))
    }
    t.bindMethod("predict", [.unlabelled, .labelledDefault("batchSize", .int(32))]) { ctx, a in
        let m = try model(a[0])
        return tensorValue(try Trainer.predict(m.name, step: step(m, ctx), x: try inputs(a[1], m, "predict"),
                                               batchSize: try a[2].int("predict(batchSize:)")))
    }
    t.bindMethod("saveWeights", [.unlabelled]) { ctx, a in
        let path = try sandboxedWritePath(try a[1].string("saveWeights"), in: ctx, operation: "saveWeights")
        try saveWeights(try model(a[0]), to: path)
        return .void
    }
    t.bindMethod("loadWeights", [.unlabelled]) { ctx, a in
        let given = try a[1].string("loadWeights")
        let path = try sandboxedPath(given, in: ctx, operation: "loadWeights")
        try loadWeights(try model(a[0]), from: path, shownAs: given)
        return .void
    }
}

// MARK: History and Evaluation

private func registerHistory(_ b: Builtins) {
    b.types["History"] = .native(historyType)
    func this(_ v: Value) throws -> History { try v.native(History.self, "History") }
    historyType.describe = { ($0 as? History)?.description ?? "History" }
    historyType.bindProperty("epochs") { _, v in .array(ArrayStorage(try this(v).epochs.map(Value.int))) }
    historyType.bindProperty("keys") { _, v in .array(ArrayStorage(try this(v).keys.map(Value.string))) }
    historyType.subscriptGet = { _, v, args, _ in
        let key = try args.first?.string("history[key]") ?? ""
        guard let values = try this(v)[key] else { return .none }
        return .some(.array(ArrayStorage(values.map { .float($0) })))
    }
    historyType.bindMethod("plot", []) { _, a in
        .native(NativeValue(try this(a[0]).plot(), type: figureType))
    }
    func evaluation(_ v: Value) throws -> Evaluation { try v.native(Evaluation.self, "Evaluation") }
    evaluationType.describe = { ($0 as? Evaluation)?.description ?? "Evaluation" }
    evaluationType.subscriptGet = { _, v, args, _ in
        let e = try evaluation(v)
        if case .string(let name)? = args.first {
            guard let value = e[name] else { return .none }
            return .some(.float(value))
        }
        let i = try args.first?.int("evaluation[i]") ?? 0
        guard e.values.indices.contains(i) else {
            throw RuntimeError("index \(i) is out of range for the \(e.values.count) results \(e.names)")
        }
        return .float(e[i])
    }
    evaluationType.bindProperty("count") { _, v in .int(try evaluation(v).values.count) }
}
