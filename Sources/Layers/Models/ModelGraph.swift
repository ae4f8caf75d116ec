// Ordering a functional model's graph as Keras 3 does (keras/src/ops/function.py `map_graph`):
// a depth-first walk from the outputs, node depths counted from the outputs, operations listed
// deepest first and, within a depth, in the order the walk first met them.
import Tensors

enum ModelGraph {
    /// The nodes in execution order, the operations in summary order, and whether the graph is a
    /// chain (Keras's `sequential_like`: its summary then has no "Connected to" column).
    static func map(inputs: [Tensor], outputs: [Tensor]) throws -> (nodes: [Node], operations: [GraphOperation], isChain: Bool) {
        let inputKeys = Set(inputs.compactMap(TensorKey.init))
        var walk = Walk(inputKeys: inputKeys)
        for y in outputs { try walk.visit(y) }

        // Depths: outputs' nodes at 0, each parent one deeper than its deepest child.
        var nodeDepth: [ObjectIdentifier: Int] = [:]
        var nodeOrder: [Node] = []  // first-insertion order, as Python's dict keeps it
        var opDepth: [ObjectIdentifier: Int] = [:]
        let inGraph = Set(walk.ordered.map(ObjectIdentifier.init))
        func setDepth(_ node: Node, _ depth: Int) {
            if nodeDepth[ObjectIdentifier(node)] == nil { nodeOrder.append(node) }
            nodeDepth[ObjectIdentifier(node)] = depth
        }
        for node in walk.ordered.reversed() {
            var depth = nodeDepth[ObjectIdentifier(node)] ?? { setDepth(node, 0); return 0 }()
            depth = max(depth, opDepth[ObjectIdentifier(node.operation)] ?? 0)
            opDepth[ObjectIdentifier(node.operation)] = depth
            setDepth(node, depth)
            for parent in node.parents where inGraph.contains(ObjectIdentifier(parent)) {
                setDepth(parent, max(depth + 1, nodeDepth[ObjectIdentifier(parent)] ?? 0))
            }
        }
        for (i, x) in inputs.enumerated() {
            let node = history(x)!.node!
            if opDepth[ObjectIdentifier(node.operation)] == nil {
                throw layerError("Model: the outputs do not depend on input \(i) (\(node.operation.name), shape \(x.shape)); "
                    + "call the layers on this Input to compute the outputs")
            }
        }

        let nodes = nodeOrder.enumerated()
            .sorted { (nodeDepth[ObjectIdentifier($0.element)]!, -$0.offset) > (nodeDepth[ObjectIdentifier($1.element)]!, -$1.offset) }
            .map(\.element)
        var operations: [GraphOperation] = []
        var seen = Set<ObjectIdentifier>()
        for node in walk.operationsInOrder {
            if seen.insert(ObjectIdentifier(node)).inserted { operations.append(node) }
        }
        operations = operations.enumerated()
            .sorted { (opDepth[ObjectIdentifier($0.element)]!, -$0.offset) > (opDepth[ObjectIdentifier($1.element)]!, -$1.offset) }
            .map(\.element)

        try checkComputable(nodes, inputKeys: inputKeys)
        let depths = nodes.map { nodeDepth[ObjectIdentifier($0)]! }
        return (nodes, operations, isChain(nodes, depths: depths))
    }

    /// Keras's `print_summary` test for a sequential-like functional model: one node per depth,
    /// none reading more than one tensor, and no layer called twice.
    private static func isChain(_ nodes: [Node], depths: [Int]) -> Bool {
        guard Set(depths).count == nodes.count, nodes.allSatisfy({ $0.inputs.count <= 1 }) else { return false }
        return Set(nodes.map { ObjectIdentifier($0.operation) }).count == nodes.count
    }

    /// Every node's inputs come from the model's inputs or from nodes that run before it.
    private static func checkComputable(_ nodes: [Node], inputKeys: Set<TensorKey>) throws {
        var computable = inputKeys
        for node in nodes {
            if node.isInput {
                guard (0..<node.outputShapes.count).allSatisfy({ computable.contains(TensorKey(node: node, index: $0)) }) else {
                    throw layerError("Model: the outputs depend on \(node.operation.name), an Input that is not among "
                        + "the model's inputs; pass it in `inputs:`")
                }
                continue
            }
            for x in node.inputs {
                guard let key = TensorKey(x), computable.contains(key) else {
                    throw layerError("Model: \(node.operation.name) reads a tensor that does not depend on the model's "
                        + "inputs (shape \(x.shape)); build every tensor by calling layers on the Input")
                }
            }
            for i in 0..<node.outputShapes.count { computable.insert(TensorKey(node: node, index: i)) }
        }
    }

    /// Keras's `_build_map`: depth-first from each output, nodes appended after their parents.
    private struct Walk {
        let inputKeys: Set<TensorKey>
        var finished = Set<ObjectIdentifier>()
        var inProgress = Set<ObjectIdentifier>()
        var ordered: [Node] = []
        var operationsInOrder: [GraphOperation] = []

        init(inputKeys: Set<TensorKey>) { self.inputKeys = inputKeys }

        mutating func visit(_ x: Tensor) throws {
            guard let h = history(x), let node = h.node else { return }
            let id = ObjectIdentifier(node)
            if finished.contains(id) { return }
            if !node.isInput, let key = TensorKey(x), inputKeys.contains(key) {
                finished.insert(id)
                return
            }
            guard !inProgress.contains(id) else {
                throw layerError("Model: the graph has a cycle at \(node.operation.name)")
            }
            operationsInOrder.append(node.operation)
            inProgress.insert(id)
            if !node.isInput { for input in node.inputs { try visit(input) } }
            finished.insert(id)
            inProgress.remove(id)
            ordered.append(node)
        }
    }
}
