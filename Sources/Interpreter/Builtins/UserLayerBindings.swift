// Layers written in cells: `struct BahdanauAttention: Layer { ... func callAsFunction ... }`
// (or a class). Each value of such a type gets one `CustomLayerNode` when it is created (so it
// is named as Keras names it: `bahdanau_attention`, `bahdanau_attention_1`, ...). Its parameters
// are the layers in its stored properties (arrays and dictionaries of layers, nested user
// layers), found when asked. Called on symbolic tensors (from `Input`), the call becomes ONE
// node of the model, as Keras records a subclassed layer; on concrete tensors it just runs.
//
// The interpreter calls in at three places (see Construct.swift and Members.swift):
// `attachUserLayer` when an instance is made, `callUserLayer` for `value(args)`, and
// `userLayerMember` for `parameterCount` / `weights` / `name`.
import Foundation
import Layers
import Reports
import Tensors

/// What a user layer value carries in a hidden last field: its node, and the stored properties
/// it was last seen with (struct copies share this box, as they share their layers).
final class UserLayerState {
    var node: CustomLayerNode!
    /// The fields when last called or asked (a class instance is read live while it exists).
    /// The node's closure holds this box strongly: a model keeps its user layers' parameters.
    var fields: [Value] = []
    weak var instance: Instance?

    var currentFields: [Value] { instance?.fields ?? fields }

    /// The layers held by the stored properties, in declaration order.
    func heldLayers() -> [GraphOperation] {
        var found: [GraphOperation] = []
        func walk(_ v: Value) {
            switch v {
            case .native(let n):
                if let op = n.value as? GraphOperation { found.append(op) }
                if let state = n.value as? UserLayerState, state !== self { found.append(state.node) }
            case .array(let a): a.elements.forEach(walk)
            case .dictionary(let d): d.values.forEach(walk)
            case .some(let w): walk(w)
            case .tuple(let t): t.elements.forEach(walk)
            case .structValue, .object:
                // A nested user layer counts as one layer (its own node); other values hold none.
                if let state = userLayerState(of: v), state !== self { found.append(state.node) }
            default: break
            }
        }
        currentFields.forEach(walk)
        return found
    }

    /// Remembers the struct's current stored properties (layers may have been replaced).
    func remember(_ v: Value) {
        if case .structValue(let s) = v { fields = s.fields }
        if case .object(let o) = v { fields = o.fields; instance = o }
    }
}

private let userLayerStateType = NativeType(name: "UserLayerState")

/// Called when an instance of a cell type is made: a type conforming to `Layer` gets its node
/// (a hidden field after the declared ones, which printing and memberwise init never see).
func attachUserLayer(_ n: NominalType, _ fields: inout [Value], _ ctx: Context) {
    // A cell that declares its own `protocol Layer` means its own protocol, not the tensor API's.
    guard n.conforms(to: "Layer"), !ctx.protocolNames.contains("Layer") else { return }
    let state = UserLayerState()
    state.node = CustomLayerNode(className: n.name, session: ctx.bindings.layers, heldLayers: { state.heldLayers() })
    fields.append(.native(NativeValue(state, type: userLayerStateType)))
}

/// The state of a user layer value, if it is one.
func userLayerState(of v: Value) -> UserLayerState? {
    let fields: [Value]
    let type: NominalType
    switch v {
    case .structValue(let s): (fields, type) = (s.fields, s.type)
    case .object(let o): (fields, type) = (o.fields, o.type)
    default: return nil
    }
    guard fields.count > type.fields.count, case .native(let n) = fields[type.fields.count],
          let state = n.value as? UserLayerState else { return nil }
    if case .object(let o) = v { state.instance = o }
    return state
}

/// `parameterCount`, `weights` and `name` of a user layer (nil when `v` is not one).
func userLayerMember(_ v: Value, _ name: String) throws -> Value? {
    guard let state = userLayerState(of: v) else { return nil }
    state.remember(v)
    switch name {
    case "parameterCount": return .int(state.node.parameterCount)
    case "weights": return try engineCall { tensorsValue(try state.node.weights) }
    case "name": return .string(state.node.name)
    case "trainableWeights": return try engineCall { tensorsValue(try trainableWeights(of: v)) }
    default: return nil
    }
}

extension Context {
    /// `layer(args)` for a user layer: runs `method` (its callAsFunction) directly on concrete
    /// tensors; on symbolic ones records one node whose outputs are the method's tensors.
    /// Returns nil when `base` is not a user layer.
    func callUserLayer(_ base: inout Value, _ method: Function, _ args: CallArguments, at r: SourceRange?) throws -> Value? {
        guard let state = userLayerState(of: base) else { return nil }
        state.remember(base)
        // The tensor arguments (alone or in arrays, `layer([a, b])`) are the node's inputs.
        let inputs = args.values.flatMap(tensorArguments)
        if !inputs.contains(where: \.isSymbolic) {
            // Keras passes no mask into a layer that does not support masking.
            var next = 0
            let plain = inputs.map { t -> Tensor in var u = t; u.origin = nil; return u }
            var plainArgs = args
            plainArgs.values = args.values.map { replacingTensors($0, with: plain, next: &next) }
            return try invoke(method, plainArgs, selfValue: &base, at: r)
        }
        let base = base  // the recorded node may run the call again later, on this value
        var returnsTuple = false
        if case .tuple? = method.proto.returnType { returnsTuple = true }
        var template: Value? = nil
        let outputs = try located(r ?? SourceRange(at: SourceLocation(file: "", line: 0, column: 0))) {
            try engineCall {
                try state.node.call(inputs, returnsList: returnsTuple) { [unowned self] tensors in
                    var a = args
                    var next = 0
                    a.values = args.values.map { replacingTensors($0, with: tensors, next: &next) }
                    var selfValue = base
                    let result = try self.invoke(method, a, selfValue: &selfValue, at: r)
                    template = result
                    return try flattenLayerResult(result, layer: state.node.name)
                }
            }
        }
        guard let shape = template else { return tupleOrTensor(outputs, asTuple: returnsTuple) }
        var next = 0
        return rebuild(shape, from: outputs, next: &next)
    }
}

/// The tensors of one argument: a tensor, or the tensors of an array of them.
private func tensorArguments(_ v: Value) -> [Tensor] {
    if case .native(let n) = v, let t = n.value as? Tensor { return [t] }
    if case .array(let a) = v, !a.elements.isEmpty, a.elements.allSatisfy({ (try? $0.tensor("")) != nil }) {
        return a.elements.flatMap(tensorArguments)
    }
    return []
}

/// `v` with the tensors `tensorArguments` found in it replaced by `tensors[next...]`, in order.
private func replacingTensors(_ v: Value, with tensors: [Tensor], next: inout Int) -> Value {
    let found = tensorArguments(v)
    guard !found.isEmpty else { return v }
    if case .array = v {
        var elements: [Value] = []
        for _ in found { elements.append(tensorValue(tensors[next])); next += 1 }
        return .array(ArrayStorage(elements))
    }
    defer { next += 1 }
    return tensorValue(tensors[next])
}

/// The tensors a user layer returned: one tensor or a tuple of them.
private func flattenLayerResult(_ v: Value, layer: String) throws -> [Tensor] {
    switch v {
    case .tuple(let t): return try t.elements.flatMap { try flattenLayerResult($0, layer: layer) }
    default:
        guard case .native(let n) = v, let t = n.value as? Tensor else {
            throw RuntimeError("\(layer): called on symbolic tensors, callAsFunction must return tensors, got \(typeName(v))")
        }
        return [t]
    }
}

/// `shape` (a tensor or a tuple, labels kept) with its tensors replaced by `outputs` in order.
private func rebuild(_ shape: Value, from outputs: [Tensor], next: inout Int) -> Value {
    if case .tuple(let t) = shape {
        let labels = t.labels
        return .tuple(TupleValue(t.elements.map { rebuild($0, from: outputs, next: &next) }, labels: labels))
    }
    defer { next += 1 }
    return tensorValue(outputs[next])
}
