/// Compiled code: expressions and statements are lowered once into these closures, with every
/// variable already resolved to a slot of a frame.
typealias Eval = (Frame) throws -> Value
typealias Exec = (Frame) throws -> Flow

/// How a statement finished: loops and functions consume the flows meant for them.
enum Flow {
    case normal
    /// `break` to the statement with this target id.
    case breakTarget(Int)
    /// `continue` the loop with this target id.
    case continueTarget(Int)
    /// `return`: the value is in `Frame.returnValue`.
    case returned
    /// `fallthrough`: run the next case's body of the enclosing `switch`.
    case fallThrough
}

/// What a frame holds besides its slots.
struct FrameHeader {
    let parent: Frame?
    var returnValue: Value
    let capacity: Int
    /// The next frame in its function's list of spare frames (see `FunctionProto.spareFrames`).
    var nextSpare: Unmanaged<Frame>? = nil
}

/// The variables of one call (or of the session's top level): a fixed array of slots stored in
/// the same allocation as the frame (one allocation per call), plus the frame of the lexically
/// enclosing function for closures.
final class Frame: ManagedBuffer<FrameHeader, Value> {
    /// Slots of the session's top level: the top-level frame cannot grow, so it is made large.
    static let topLevelCapacity = 1 << 15

    @inline(__always) static func make(size: Int, parent: Frame?) -> Frame {
        let capacity = max(size, 1)
        let buffer = Frame.create(minimumCapacity: capacity) { _ in FrameHeader(parent: parent, returnValue: .void, capacity: capacity) }
        let frame = unsafeDowncast(buffer, to: Frame.self)
        frame.withUnsafeMutablePointerToElements { $0.initialize(repeating: .void, count: capacity) }
        return frame
    }

    deinit {
        withUnsafeMutablePointers { h, e in _ = e.deinitialize(count: h.pointee.capacity) }
    }

    @inline(__always) var slots: UnsafeMutablePointer<Value> { withUnsafeMutablePointerToElements { $0 } }
    @inline(__always) var parent: Frame? { header.parent }
    @inline(__always) var returnValue: Value {
        get { header.returnValue }
        set { header.returnValue = newValue }
    }
    var slotCount: Int { header.capacity }

    @inline(__always) func ancestor(_ depth: Int) -> Frame {
        var f = self
        for _ in 0..<depth { f = f.parent! }
        return f
    }
}

/// A parameter of a function as the call site sees it.
struct Param {
    /// Argument label (nil for `_`).
    let label: String?
    let name: String
    let type: TypeRef?
    let defaultValue: Eval?
    let isVariadic: Bool
    let isInout: Bool
}

/// Native implementation: receives the arguments in parameter order (and `self` first for methods).
typealias NativeFn = (Context, [Value]) throws -> Value

/// The compiled form of a `func`, `init`, method, accessor or closure expression.
final class FunctionProto {
    let name: String
    /// Shown in call chains: `Encoder.callAsFunction(_:)`.
    let displayName: String
    var params: [Param]
    var frameSize: Int = 0
    var body: Exec = { _ in throw RuntimeError("function body is not compiled") }
    /// The result of a body that is a single expression (`{ n < 2 ? n : fib(n - 1) + fib(n - 2) }`):
    /// calls evaluate it directly instead of running `body` and reading `Frame.returnValue`.
    var expressionBody: Eval?
    /// Frames of finished calls that nothing kept alive, ready for the next call of this top-level
    /// function: a list through `FrameHeader.nextSpare` that owns one reference to each (no
    /// reference counting to push and pop; see `takeFrame` in Calls.swift).
    var spareFrames: Unmanaged<Frame>? = nil
    var isCompiled = false
    var native: NativeFn?
    /// `self` lives in slot 0 and parameters follow.
    let hasSelf: Bool
    let isMutating: Bool
    var returnType: TypeRef?
    /// Slots that receive the closure's copied captures.
    var captureSlots: [Int] = []
    /// Closures with a single expression return its value.
    init(name: String, displayName: String, params: [Param], hasSelf: Bool = false, isMutating: Bool = false,
         returnType: TypeRef? = nil) {
        self.name = name
        self.displayName = displayName
        self.params = params
        self.hasSelf = hasSelf
        self.isMutating = isMutating
        self.returnType = returnType
    }

    deinit {
        while let spare = spareFrames {
            spareFrames = spare.takeUnretainedValue().header.nextSpare
            spare.release()
        }
    }

    var firstParamSlot: Int { hasSelf ? 1 : 0 }
    /// `name(label:_:)`, how calls pick among overloads.
    var key: String { functionKey(name, params.map(\.label)) }
}

/// A function value: a compiled function plus the frame it closes over (and `self` for a
/// method taken as a value, `obj.method`).
public final class Function {
    let proto: FunctionProto
    let captured: Frame?
    let boundSelf: Value?
    /// Values copied when a closure was created (see `FunctionProto.captureSlots`).
    var captures: [Value] = []
    init(_ proto: FunctionProto, captured: Frame?, boundSelf: Value? = nil) {
        self.proto = proto
        self.captured = captured
        self.boundSelf = boundSelf
    }

    /// A new frame for a call of this function, with its copied captures in place.
    @inline(__always) func makeFrame() -> Frame {
        let frame = Frame.make(size: proto.frameSize, parent: captured)
        if !captures.isEmpty {
            for (slot, v) in zip(proto.captureSlots, captures) { frame.slots[slot] = v }
        }
        return frame
    }
    static func native(_ name: String, labels: [String?], _ fn: @escaping NativeFn) -> Function {
        let proto = FunctionProto(name: name, displayName: functionKey(name, labels),
                                  params: labels.map { Param(label: $0, name: $0 ?? "_", type: nil, defaultValue: nil, isVariadic: false, isInout: false) })
        proto.isCompiled = true
        proto.native = fn
        return Function(proto, captured: nil)
    }
}

func functionKey(_ name: String, _ labels: [String?]) -> String {
    labels.isEmpty && !name.isEmpty ? name + "()" : name + "(" + labels.map { ($0 ?? "_") + ":" }.joined() + ")"
}
