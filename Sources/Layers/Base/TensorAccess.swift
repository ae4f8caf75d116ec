// Moving between Tensor values and the contiguous Float arrays the layer kernels work on.
import Foundation
import Tensors

/// The float32 elements of a concrete tensor (int32 elements converted), row-major.
func floats(_ x: Tensor) -> [Float] { x.scalars }

/// The float32 elements of `x` for a kernel, without a copy when `x` is float32 already.
func withFloats<R>(_ x: Tensor, _ body: (UnsafePointer<Float>?) throws -> R) throws -> R {
    let f = x.dtype == .float32 ? x : try x.converted(to: .float32)
    return try f.withUnsafeFloats { try body($0.baseAddress) }
}

/// A concrete float32 tensor of `shape` over `values` (whose count matches: our own invariant).
func tensor(_ shape: [Int], _ values: [Float]) throws -> Tensor {
    try Tensor(shape: shape, scalars: values)
}

/// The known dimensions of a concrete tensor.
func dims(_ x: Tensor) -> [Int] { x.shape.dimensions.map { $0 ?? 0 } }

/// Errors of this module carry the same type as the tensor engine's, so cells show one kind.
func layerError(_ message: String) -> TensorError { TensorError(message) }

/// The last axis of a shape, which layers build their weights from.
func lastAxis(_ shape: TensorShape, layer: String) throws -> Int {
    guard let last = shape.dimensions.last else {
        throw layerError("\(layer): expected an input with at least one axis, got a scalar")
    }
    guard let size = last else {
        throw layerError("\(layer): the last axis of the input \(shape) must be known to build the layer")
    }
    return size
}

/// Resolves a possibly negative axis against `rank`, naming the layer when it is out of range.
func resolveAxis(_ axis: Int, rank: Int, layer: String) throws -> Int {
    let resolved = axis < 0 ? axis + rank : axis
    guard resolved >= 0, resolved < rank else {
        throw layerError("\(layer): axis \(axis) is out of range for an input of rank \(rank)")
    }
    return resolved
}

/// Checks that `shape` float32 elements fit under the tensor memory limit before a layer
/// allocates them as a Swift array (weights and kernel buffers live outside Tensor storage), so
/// an oversized layer is an error naming the shape rather than the process being killed.
func checkAllocation(_ shape: [Int], layer: String) throws {
    var count = 1
    for d in shape {
        let (product, overflow) = count.multipliedReportingOverflow(by: d)
        guard !overflow else { throw layerError("\(layer): cannot allocate \(TensorShape(shape)) float32: too many elements") }
        count = product
    }
    let (bytes, overflow) = count.multipliedReportingOverflow(by: 4)
    let available = TensorMemory.limit - TensorMemory.liveBytes
    guard !overflow, bytes <= available else {
        let gb = { (b: Int) in String(format: "%.1f GB", Double(b) / Double(1 << 30)) }
        throw layerError("\(layer): cannot allocate \(TensorShape(shape)) float32: "
            + "\(overflow ? "too many elements" : gb(bytes)) is over the \(gb(TensorMemory.limit)) tensor memory limit")
    }
}
