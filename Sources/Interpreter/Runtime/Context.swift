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
    /// Calls of cell functions currently active.
    var depth = 0
    static let maxDepth = 10_000
    var rng: SeededGenerator
    let options: SessionOptions
    /// What the running cell produced so far, in order (printed text is merged on flush).
    var outputs: [CellOutput] = []
    /// Names of `mutating` methods declared by cells (their calls go through the receiver's storage).
    var mutatingMethodNames: Set<String> = []
    /// Protocols declared by cells (conformance lists only).
    var protocolNames: Set<String> = []
    /// State of the tensor, layer and data bindings (Builtins/CommonBindings.swift), made on first use.
    lazy var bindings = BindingState(options: options)

    init(options: SessionOptions) {
        self.options = options
        rng = SeededGenerator(seed: options.seed)
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

/// SplitMix64: small, fast, and the same numbers on every machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
