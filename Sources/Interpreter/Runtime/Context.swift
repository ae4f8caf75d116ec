import Tensors
import Foundation
import Reports

/// The state of a running session that compiled code reaches: printed output, limits, the
/// random generator and the top-level frame.
final class Context {
    let globals = Frame.make(size: Frame.topLevelCapacity, parent: nil)
    /// Text printed by the running cell.
    var output = ""
    /// Nanoseconds (uptime) past which the running cell fails.
    var deadline: UInt64 = .max
    var timeoutSeconds: Double = 60
    private var ticks = 0
    /// Initializers running (property observers do not fire inside them, as in Swift).
    var initializing = 0
    /// Stored properties whose `willSet`/`didSet` is running (type, field index): assigning the
    /// property inside its own observer stores the value without observing again, as in Swift.
    var observing: [(ObjectIdentifier, Int)] = []
    /// Calls of cell functions currently active.
    var depth = 0
    static let maxDepth = 10_000
    /// `maxDepth`, read on every call (a stored constant: no lazy-global check).
    let depthLimit = Context.maxDepth
    /// Swift's randomness in cells (`Int.random`, `shuffled`) draws from the session's one seeded
    /// Philox generator, the same stream as random tensors and layer weights.
    var rng: RandomGenerator {
        get { bindings.layers.random }
        _modify { yield &bindings.layers.random }
    }
    let options: SessionOptions
    /// What the running cell produced so far, in order (printed text is merged on flush).
    var outputs: [CellOutput] = []
    /// Names of `mutating` methods declared by cells (their calls go through the receiver's storage).
    var mutatingMethodNames: Set<String> = []
    /// Protocols declared by cells (conformance lists only).
    var protocolNames: Set<String> = []
    /// Protocols declared by cells, by name (Compiler/Protocols.swift).
    var protocols: [String: NominalType] = [:]
    /// Members cells added to builtin types and protocols (`extension Int`), by the builtin's name.
    var extensions: [String: NominalType] = [:]
    /// State of the tensor, layer and data bindings (Builtins/CommonBindings.swift): the seeded
    /// generator random tensors and layer weights draw from, Keras's name counters.
    let bindings: BindingState

    init(options: SessionOptions) {
        self.options = options
        bindings = BindingState(options: options)
    }

    /// Released instances whose class has a `deinit`, waiting for the end of the running statement.
    let deinitQueue = DeinitQueue()
    /// Whether a cell so far declared a `deinit` or used `weak` or `unowned`: from then on the
    /// compiled code runs pending deinits after each statement and releases a block's variables
    /// when the block ends (code compiled before pays nothing for either).
    var tracksLifetimes = false

    /// Runs the `deinit` bodies of the instances released so far, in the order they were released;
    /// what each one's release of its own stored properties queues runs right after it (depth
    /// first), as in Swift. A subclass's body runs before its superclass's.
    func runPendingDeinits() throws {
        while !deinitQueue.pending.isEmpty {
            let batch = deinitQueue.pending
            deinitQueue.pending = []
            for (type, fields) in batch {
                do {
                    // A stand-in for `self` with the instance's properties; releasing it afterwards
                    // releases them (it is not deinitialized again).
                    let instance = Instance(type: type, fields: fields)
                    instance.isDeinitializing = true
                    var t: NominalType? = type
                    while let c = t {
                        if let d = c.deinitializer {
                            _ = try call(Function(d.proto, captured: d.captured, boundSelf: .object(instance)), [])
                        }
                        t = c.superclass
                    }
                }
                try runPendingDeinits()
            }
        }
    }

    /// Called at loop back-edges and calls: cheap except once every 4096 ticks.
    @inline(__always) func tick(_ range: SourceRange?) throws {
        ticks &+= 1
        if ticks & 0xFFF == 0 { try checkDeadline(range) }
    }

    func checkDeadline(_ range: SourceRange?) throws {
        if DispatchTime.now().uptimeNanoseconds > deadline {
            throw RuntimeError("cell timed out after \(formatSeconds(timeoutSeconds))", at: range, kind: "timeout")
        }
    }

    func write(_ s: String) {
        output += s
        if statementHook != nil { unreported += s }
    }

    /// Called as each top-level statement of a cell starts, with its range and the text printed
    /// since the last call (a worker sends both to its parent, so that a crash of the process
    /// keeps what the cell printed and names the statement that was running).
    var statementHook: ((SourceRange, String) -> Void)?
    /// Called as a `fit` redraws its progress bar (a worker sends it to its parent, whose
    /// terminal shows the bar live and the epoch on the running notebook's line).
    var trainingHook: ((TrainingProgress) -> Void)?
    private var unreported = ""

    @inline(__always) func statementStarted(_ r: SourceRange) {
        guard let hook = statementHook else { return }
        hook(r, unreported)
        unreported = ""
    }

    /// Moves printed text into the ordered outputs (before a display or an error).
    func flushText() {
        if !output.isEmpty {
            outputs.append(.text(output))
            output = ""
        }
    }

    /// `display(value)`: a rich value between printed lines.
    func display(_ v: RichValue) {
        flushText()
        outputs.append(.display(v))
    }
}

func formatSeconds(_ s: Double) -> String {
    let n = s == s.rounded() ? "\(Int(s))" : "\(s)"
    return n + (s == 1 ? " second" : " seconds")
}

