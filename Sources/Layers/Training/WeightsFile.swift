// saveWeights / loadWeights: a model's trainable weights as a .npz archive, one array per
// weight named by its Keras path (`dense/kernel`) in Keras's layout, so NumPy and Keras read it
// (`{v.path: v.numpy() for v in model.weights}`, and back with `v.assign(archive[v.path])`).
import Tensors

/// Writes every weight of `model` (a Model, Sequential or layer) to the .npz file at `path`
/// (atomically). The caller has resolved `path` (below the notebook's folder).
public func saveWeights(_ model: GraphOperation, to path: String) throws {
    let slots = trainableSlots(of: model)
    guard !slots.isEmpty else {
        throw layerError("\(model.name).saveWeights: the model has no weights yet; call it on an input first (it builds on its first call)")
    }
    try saveNumpyArchive(try slots.map { ($0.path, try Tensor(shape: $0.shape, scalars: $0.values)) }, to: path)
}

/// Replaces every weight of `model` with the array of the same name in the .npz file at `path`.
/// Nothing changes unless every weight is there with its shape; the error names each missing,
/// misshapen and unexpected array.
/// `shownAs`: the path as the notebook wrote it, for the error (default: `path`).
public func loadWeights(_ model: GraphOperation, from path: String, shownAs: String? = nil) throws {
    let slots = trainableSlots(of: model)
    guard !slots.isEmpty else {
        throw layerError("\(model.name).loadWeights: the model has no weights yet; call it on an input first (it builds on its first call)")
    }
    let archive = try loadNumpyArchive(path)
    var problems: [String] = []
    for slot in slots {
        guard let array = archive[slot.path] else {
            problems.append("\(slot.path) (shape \(TensorShape(slot.shape))) is not in the file")
            continue
        }
        if array.shape != TensorShape(slot.shape) || array.dtype != .float32 {
            problems.append("\(slot.path) has shape \(array.shape) \(array.dtype) in the file, the model needs \(TensorShape(slot.shape)) float32")
        }
    }
    let expected = Set(slots.map(\.path))
    for name in archive.keys.sorted() where !expected.contains(name) {
        problems.append("\(name) (shape \(archive[name]!.shape)) in the file is not a weight of \(model.name)")
    }
    guard problems.isEmpty else {
        throw layerError("\(model.name).loadWeights: \(shownAs ?? path) does not fit the model:\n  " + problems.joined(separator: "\n  "))
    }
    for slot in slots {
        let values = archive[slot.path]!.scalars
        slot.update { $0 = values }
    }
}
