// The base of the built-in layers: weights in Keras's order, build on first call, and one call
// path for concrete tensors (numbers) and symbolic tensors (shapes and a graph node).
import Tensors

/// A Keras layer. Subclasses give the shape rule (`outputSpecs`), how to build weights from the
/// input's last axis (`build`), and the computation (`forward`). Callers use `apply` or the
/// `callAsFunction` of each layer.
open class Layer: GraphOperation {
    public let session: LayerSession
    /// Weights in Keras's order and layout, row-major; empty until built. Reading them draws
    /// any weight still deferred (`addDeferredUniformWeight`).
    var parameters: [[Float]] {
        get {
            for index in deferred.keys.sorted() { _ = parameter(index) }
            return drawnParameters
        }
        set {
            drawnParameters = newValue
            deferred = [:]
        }
    }
    private var drawnParameters: [[Float]] = []
    /// Weights not drawn yet, by index (their slot in `drawnParameters` is empty meanwhile).
    private(set) var deferred: [Int: DeferredUniform] = [:]
    var parameterShapes: [[Int]] = []
    /// Whether Keras passes the input's mask to this layer's `call` (then a symbolic call lists
    /// the mask tensor as an input: `not_equal[0][0]` in "Connected to").
    open var takesMask: Bool { false }

    /// `name` given explicitly uses no counter (Keras: `Bidirectional` names its copies
    /// `forward_lstm`, `backward_lstm`); otherwise the next of `baseName`, `baseName_1`, ...
    public init(session: LayerSession, baseName: String, className: String, name: String? = nil) {
        self.session = session
        super.init(name: name ?? session.uniqueName(baseName), className: className)
    }

    public var isBuilt: Bool { !parameterShapes.isEmpty || builtWithoutWeights }
    var builtWithoutWeights = false

    // MARK: Weights

    /// The weight tensors, in Keras's order and layout.
    open var weights: [Tensor] {
        get throws { try zip(parameterShapes, parameters).map { try tensor($0, $1) } }
    }

    open override var parameterCount: Int {
        parameterShapes.reduce(0) { $0 + $1.reduce(1, *) }
    }

    /// Each weight's Keras name, in the order of `weights` (`kernel`, `bias`, ...).
    open var weightNames: [String] { parameterShapes.indices.map { "weight_\($0)" } }

    /// The shapes `setWeights` expects (empty before the layer is built).
    open var weightShapes: [[Int]] { parameterShapes }

    /// Replaces the weights, checking their number and every shape against the built layer.
    open func setWeights(_ newWeights: [Tensor]) throws {
        try checkWeights(newWeights, expected: weightShapes)
        parameters = newWeights.map(floats)
    }

    func checkWeights(_ given: [Tensor], expected: [[Int]]) throws {
        guard !expected.isEmpty || given.isEmpty else {
            throw layerError("\(name).setWeights: the layer is not built yet; call it on an input first")
        }
        guard given.count == expected.count else {
            throw layerError("\(name).setWeights: expected \(expected.count) weights, got \(given.count)")
        }
        for (i, (w, shape)) in zip(given, expected).enumerated() {
            guard !w.isSymbolic, w.shape == TensorShape(shape) else {
                throw layerError("\(name).setWeights: weight \(i) should have shape \(TensorShape(shape)), got \(w.shape)")
            }
        }
    }

    /// Adds a weight of `shape` filled by `initializer` (used by `build`).
    func addWeight(_ shape: [Int], _ initializer: Initializer) throws {
        try checkAllocation(shape, layer: name)
        drawnParameters.append(try session.initialize(initializer, shape: shape))
        parameterShapes.append(shape)
    }

    /// Adds a uniform weight of shape (rows, columns) whose numbers are drawn only when read:
    /// `deferred[index]` gives single rows meanwhile (Embedding), and reading `parameters` draws
    /// it whole. Either way the numbers, and the generator's position after the layer, are
    /// those `addWeight(shape, .uniform(low, high))` gives.
    func addDeferredUniformWeight(_ shape: [Int], _ low: Float, _ high: Float) throws {
        precondition(shape.count == 2, "deferred weights are tables of rows")
        try checkAllocation(shape, layer: name)
        deferred[drawnParameters.count] = DeferredUniform(rows: shape[0], columns: shape[1], lowerBound: low,
                                                          upperBound: high, generator: &session.random)
        drawnParameters.append([])
        parameterShapes.append(shape)
    }

    /// Changes weight `index` in place (training), drawing it first if it was deferred.
    func withParameter<R>(_ index: Int, _ body: (inout [Float]) throws -> R) rethrows -> R {
        _ = parameter(index)
        return try body(&drawnParameters[index])
    }

    /// Weight `index`, drawn now if it was deferred (the others stay as they are).
    func parameter(_ index: Int) -> [Float] {
        if let table = deferred.removeValue(forKey: index) { drawnParameters[index] = table.values() }
        return drawnParameters[index]
    }

    // MARK: Subclass hooks

    /// Creates the weights from the input shapes (last axis known). Default: no weights.
    open func build(_ inputShapes: [TensorShape]) throws { builtWithoutWeights = true }

    /// Checks the inputs and gives each output's shape and dtype (no numbers computed).
    open func outputSpecs(_ inputs: [Tensor], states: [Tensor]) throws -> [(TensorShape, DType)] {
        guard inputs.count == 1 else { throw layerError("\(name): \(className) takes one input, got \(inputs.count)") }
        return [(inputs[0].shape, .float32)]
    }

    /// The masks of the outputs given the input masks (Keras's `compute_mask`). Default: the
    /// first output keeps the first input's mask (layers that support masking pass it on).
    open func outputMasks(_ inputs: [Tensor], masks: [Tensor?], outputCount: Int) throws -> [Tensor?] {
        [masks.first ?? nil] + Array(repeating: nil, count: max(outputCount - 1, 0))
    }

    /// Computes concrete outputs. `masks[i]` is the mask input i carries.
    open func forward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor]) throws -> [Tensor] {
        fatalError("\(className).forward not implemented")  // our own bug, not a user's
    }

    /// Computes concrete outputs as `forward` does, differentiably, while gradients are taken:
    /// `weights` are this layer's weights (Keras order) as watched tensors of the tape, and the
    /// outputs must be computed from them and the inputs with tensor operations (or recorded with
    /// `GradientTape.record`, as a fused kernel does). Default: the layer cannot be trained yet.
    open func trainingForward(_ inputs: [Tensor], masks: [Tensor?], states: [Tensor],
                              weights: [Tensor]) throws -> [Tensor] {
        throw layerError("\(name): \(className) cannot be differentiated yet (gradients through it are not implemented)")
    }

    /// Whether `trainingForward` gives the same outputs whenever it gets the same inputs (no
    /// random draws, no state): then, while gradients are taken, a second call on the same
    /// tensors reuses the first call's outputs (one node on the tape, one backward). Default false.
    open var repeatsInTraining: Bool { false }

    /// Whether `initialState:` means something (recurrent layers).
    open var acceptsInitialState: Bool { false }

    /// Whether the call returns a list (several outputs) rather than one tensor.
    open var returnsList: Bool { false }

    // MARK: Calling

    /// Calls the layer: on concrete tensors computes numbers, on symbolic ones records a node.
    /// Returns the outputs in Keras's order (e.g. `[output, h, c]` for `LSTM(returnState:)`).
    public func apply(_ inputs: [Tensor], initialState: [Tensor] = []) throws -> [Tensor] {
        guard !inputs.isEmpty else { throw layerError("\(name): \(className) was called without an input") }
        guard initialState.isEmpty || acceptsInitialState else {
            throw layerError("\(name): \(className) takes no initial state; only recurrent layers do")
        }
        let specs = try outputSpecs(inputs, states: initialState)
        if !isBuilt { try build(inputs.map(\.shape)) }
        let masks = inputs.map { kerasMask(of: $0) }
        let outMasks = try outputMasks(inputs, masks: masks, outputCount: specs.count)
        let symbolic = inputs.contains { $0.isSymbolic } || initialState.contains { $0.isSymbolic }
        if symbolic {
            return try recordCall(inputs, states: initialState, masks: masks, outMasks: outMasks, specs: specs)
        }
        let outputs: [Tensor]
        if let training = session.training {
            let compute = { try self.trainingForward(inputs, masks: masks, states: initialState,
                                                     weights: try training.weights(of: self)) }
            outputs = repeatsInTraining ? try training.call(self, inputs, masks: masks, states: initialState, compute: compute)
                                        : try compute()
        } else {
            outputs = try forward(inputs, masks: masks, states: initialState)
        }
        return zip(outputs, outMasks).map { withMask($0, $1) }
    }

    /// Records a symbolic call: node inputs are the arguments, the states, then the first
    /// input's mask when Keras passes it to `call`.
    private func recordCall(_ inputs: [Tensor], states: [Tensor], masks: [Tensor?], outMasks: [Tensor?],
                            specs: [(TensorShape, DType)]) throws -> [Tensor] {
        let passMask = takesMask && masks.first != nil && masks[0] != nil
        let nodeInputs = inputs + states + (passMask ? [masks[0]!] : [])
        let (argCount, stateCount) = (inputs.count, states.count)
        let run: ([Tensor]) throws -> [Tensor] = { values in
            var args = Array(values[0..<argCount])
            let st = Array(values[argCount..<argCount + stateCount])
            if passMask { args[0] = withMask(args[0], values[argCount + stateCount]) }
            return try self.apply(args, initialState: st)
        }
        return recordNode(self, session: session, inputs: nodeInputs, outputs: specs, masks: outMasks,
                          returnsList: returnsList, run: run)
    }
}
