// Element types and the one error type of the tensor engine.

/// The element type of a tensor. Cells spell these `Tensor<Float>` and `Tensor<Int32>`.
public enum DType: String, Sendable, CustomStringConvertible {
    case float32
    case int32

    /// Bytes per element.
    public var byteSize: Int { 4 }

    public var description: String { rawValue }
}

/// Every operation that can fail throws this. `message` names the operation and the shapes
/// involved, e.g. `matmul: inner dimensions differ: (1, 10, 512) x (1, 100, 1)`.
public struct TensorError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
