// The functional-model graph: which operation produced each symbolic tensor, as Keras records it.
//
// Calling a layer on symbolic tensors (from `Input`) computes output shapes only and records a
// `Node`: the operation, its input tensors (call arguments, initial states, then the mask Keras
// passes to layers that take one) and how to run it on concrete tensors. Each output tensor's
// `origin` holds a `TensorHistory` naming its node and position, so `Model(inputs:outputs:)` can
// walk back from outputs to inputs. The same `TensorHistory` carries a tensor's Keras mask, also
// on concrete tensors (e.g. the output of `Embedding(maskZero: true)`).
import Tensors

/// Anything that can be a row of a model summary: a layer, an input, an operation such as the
/// `not_equal` computing an Embedding's mask, or a user-defined layer.
open class GraphOperation {
    /// Unique within the session, generated as Keras generates it (`dense`, `dense_1`, ...).
    public let name: String
    /// The type shown in parentheses in `summary()`: `Dense`, `InputLayer`, `NotEqual`, ...
    public let className: String
    /// Nodes recorded so far; a node's index among them is Keras's `node_index`.
    public internal(set) var nodeCount = 0

    public init(name: String, className: String) {
        self.name = name
        self.className = className
    }

    /// Weights this operation holds (a layer's parameters; 0 for inputs and plain operations).
    open var parameterCount: Int { 0 }
}

/// One call of an operation on symbolic tensors.
public final class Node {
    public let operation: GraphOperation
    /// Index among the operation's calls (`input_layer[0][0]`: node 0, output 0).
    public let index: Int
    /// Symbolic inputs in Keras's order: call arguments, initial states, then the mask.
    public let inputs: [Tensor]
    public let outputShapes: [TensorShape]
    /// Whether the call returned a list (a summary prints `[(...), (...)]`).
    public let returnsList: Bool
    /// Runs the same call on concrete tensors given in the order of `inputs`.
    let run: ([Tensor]) throws -> [Tensor]

    init(operation: GraphOperation, inputs: [Tensor], outputShapes: [TensorShape], returnsList: Bool,
         run: @escaping ([Tensor]) throws -> [Tensor]) {
        self.operation = operation
        self.index = operation.nodeCount
        operation.nodeCount += 1
        self.inputs = inputs
        self.outputShapes = outputShapes
        self.returnsList = returnsList
        self.run = run
    }

    /// The nodes whose outputs this node reads.
    var parents: [Node] { inputs.compactMap { history($0)?.node } }
    var isInput: Bool { operation is InputLayer }
}

/// Stored in `Tensor.origin`: the node and output position that produced a symbolic tensor,
/// and the Keras mask the tensor carries (symbolic or concrete).
public final class TensorHistory {
    public let node: Node?
    public let tensorIndex: Int
    public let mask: Tensor?

    init(node: Node?, tensorIndex: Int, mask: Tensor?) {
        self.node = node
        self.tensorIndex = tensorIndex
        self.mask = mask
    }
}

func history(_ x: Tensor) -> TensorHistory? { x.origin as? TensorHistory }

/// What Layers recorded about a tensor: the node (layer or operation) that produced a symbolic
/// tensor and its output position, and the mask it carries; nil for a plain tensor.
public func tensorHistory(_ x: Tensor) -> TensorHistory? { history(x) }

/// The Keras mask a tensor carries (`(batch, time)`, nonzero = keep), if any.
public func kerasMask(of x: Tensor) -> Tensor? { history(x)?.mask }

/// `x` carrying `mask` (keeping the node that produced it).
func withMask(_ x: Tensor, _ mask: Tensor?) -> Tensor {
    var y = x
    let h = history(x)
    if mask == nil && h?.node == nil { y.origin = nil; return y }
    y.origin = TensorHistory(node: h?.node, tensorIndex: h?.tensorIndex ?? 0, mask: mask)
    return y
}

/// Records a call of `operation` on symbolic `inputs` and returns its symbolic outputs, each
/// carrying its history and mask. Inside a user-defined layer, outputs carry nothing.
func recordNode(_ operation: GraphOperation, session: LayerSession, inputs: [Tensor],
                outputs: [(TensorShape, DType)], masks: [Tensor?], returnsList: Bool,
                run: @escaping ([Tensor]) throws -> [Tensor]) -> [Tensor] {
    if session.recordingSuspended > 0 {
        return outputs.map { Tensor(symbolicShape: $0.0, dtype: $0.1) }
    }
    let node = Node(operation: operation, inputs: inputs, outputShapes: outputs.map { $0.0 },
                    returnsList: returnsList, run: run)
    return outputs.enumerated().map { i, spec in
        var t = Tensor(symbolicShape: spec.0, dtype: spec.1)
        t.origin = TensorHistory(node: node, tensorIndex: i, mask: masks.indices.contains(i) ? masks[i] : nil)
        return t
    }
}

/// The operation Keras records for `Input(...)`: a summary row `input_layer (InputLayer)`.
public final class InputLayer: GraphOperation {}

/// Keras's `Input(shape:dtype:)`: a symbolic tensor whose batch size is unknown (unless given).
/// `shape` excludes the batch axis: `Input(shape: [500], dtype: .int32)` is `(None, 500)`.
public func Input(shape: [Int?], batchSize: Int? = nil, dtype: DType = .float32,
                  session: LayerSession) throws -> Tensor {
    if let bad = shape.first(where: { ($0 ?? 1) < 0 }) {
        throw layerError("Input: dimensions must not be negative, got \(bad!) in \(shape)")
    }
    let full = TensorShape([batchSize] + shape)
    let layer = InputLayer(name: session.uniqueName("input_layer"), className: "InputLayer")
    let out = recordNode(layer, session: session, inputs: [], outputs: [(full, dtype)], masks: [nil], returnsList: false,
                         run: { _ in throw layerError("Input: no value was given for \(layer.name)") })
    return out[0]
}

/// A plain operation on symbolic tensors recorded as its own node (Keras 3 records, e.g.,
/// `not_equal (NotEqual)` for the mask of `Embedding(maskZero: true)`). `compute` runs it on
/// concrete tensors. The interpreter may use this for tensor operations on symbolic tensors.
public func recordOperation(_ name: String, className: String, inputs: [Tensor],
                            output: (TensorShape, DType), session: LayerSession,
                            compute: @escaping ([Tensor]) throws -> Tensor) -> Tensor {
    let op = GraphOperation(name: session.uniqueName(name), className: className)
    return recordNode(op, session: session, inputs: inputs, outputs: [output], masks: [nil], returnsList: false,
                      run: { try [compute($0)] })[0]
}
