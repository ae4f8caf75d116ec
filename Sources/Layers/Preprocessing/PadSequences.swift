import Tensors

/// Where `padSequences` pads or cuts: before the sequence (`.pre`, Keras's default) or after it.
public enum SequenceEnd: String, Sendable {
    case pre, post
}

public struct PreprocessingError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Keras's `pad_sequences`: lists of ids into one `(count, maxLength)` int32 tensor.
/// `maxLength` defaults to the longest list; longer lists are cut at `truncating`, shorter ones
/// filled with `value` at `padding`.
public func padSequences(_ sequences: [[Int]], maxLength: Int? = nil, padding: SequenceEnd = .pre,
                         truncating: SequenceEnd = .pre, value: Int = 0) throws -> Tensor {
    if let maxLength, maxLength < 0 {
        throw PreprocessingError("padSequences: maxLength must be at least 0 (got \(maxLength))")
    }
    let length = maxLength ?? sequences.map(\.count).max() ?? 0
    var scalars = [Int32](repeating: Int32(truncatingIfNeeded: value), count: sequences.count * length)
    for (row, sequence) in sequences.enumerated() {
        for id in sequence where id < Int(Int32.min) || id > Int(Int32.max) {
            throw PreprocessingError("padSequences: id \(id) in sequence \(row) does not fit in Int32")
        }
        let kept = sequence.count <= length ? sequence[...]
            : truncating == .pre ? sequence.suffix(length) : sequence.prefix(length)
        let start = padding == .pre ? length - kept.count : 0
        for (k, id) in kept.enumerated() { scalars[row * length + start + k] = Int32(id) }
    }
    return try Tensor(shape: [sequences.count, length], int32Scalars: scalars)
}
