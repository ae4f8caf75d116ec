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

/// The variables of one call (or of the session's top level): a fixed array of slots, plus the
/// frame of the lexically enclosing function for closures.
/// Its properties are stored (not computed from a ManagedBuffer): every variable access of every
/// file reads `slots` directly, where a computed property would be a call (our debug builds
/// optimise each file alone). Frames of calls are recycled (see `FunctionProto.spareFrames`), so
/// the separate allocation of the slots is paid once per frame, not once per call.
final class Frame {
    /// Slots of the session's top level: the top-level frame cannot grow, so it is made large.
    static let topLevelCapacity = 1 << 15

    let slots: UnsafeMutablePointer<Value>
    let parent: Frame?
    var returnValue: Value = .void
    let slotCount: Int
    /// The next frame in its function's list of spare frames (see `FunctionProto.spareFrames`).
    var nextSpare: Unmanaged<Frame>? = nil
    /// Whether a function value (a closure, a nested function) holds this frame: the only way a
    /// frame outlives its call, so a frame not captured can be reused by the next call.
    var isCaptured = false

    private init(size: Int, parent: Frame?) {
        slotCount = max(size, 1)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: .void, count: slotCount)
        self.parent = parent
    }

    @inline(__always) static func make(size: Int, parent: Frame?) -> Frame {
        Frame(size: size, parent: parent)
    }

    deinit {
        slots.deinitialize(count: slotCount)
        slots.deallocate()
    }

    @inline(__always) func ancestor(_ depth: Int) -> Frame {
        var f = self
        for _ in 0..<depth { f = f.parent! }
        return f
    }
}

/// Frames of finished calls that nothing kept alive, ready for the next call of the same function
/// with the same parent: a list through `Frame.nextSpare` that owns one reference to each, so
/// taking and giving back a frame costs no reference counting and no allocation.
struct SpareFrames {
    private var head: Unmanaged<Frame>?

    /// A cleared frame, or nil when there is none.
    @inline(__always) mutating func take() -> Frame? {
        guard let spare = head else { return nil }
        let frame = spare.takeRetainedValue()
        head = frame.nextSpare
        frame.nextSpare = nil
        return frame
    }

    /// Keeps a finished call's frame, its first `count` slots cleared, unless something (a closure
    /// made by the call) still refers to it. `invokeUser` has already moved its `returnValue` out.
    @inline(__always) mutating func giveBack(_ frame: inout Frame, clearing count: Int) {
        guard isKnownUniquelyReferenced(&frame) else { return }
        for i in 0..<count { frame.slots[i] = .void }
        frame.nextSpare = head
        head = Unmanaged.passRetained(frame)
    }

    /// A cleared frame lent to a call without reference counting (the list keeps its reference);
    /// the call gives it back with `takeBack`. Nil when there is none.
    @inline(__always) mutating func lend() -> Unmanaged<Frame>? {
        guard let spare = head else { return nil }
        head = spare._withUnsafeGuaranteedRef { frame in
            defer { frame.nextSpare = nil }
            return frame.nextSpare
        }
        return spare
    }

    /// Takes back a lent frame (or a new one, retained once), clearing its first `count` slots,
    /// unless a closure made by the call captured it: then the closure keeps it alive alone.
    @inline(__always) mutating func takeBack(_ lent: Unmanaged<Frame>, clearing count: Int) {
        let captured = lent._withUnsafeGuaranteedRef { frame in
            if frame.isCaptured { return true }
            for i in 0..<count { frame.slots[i] = .void }
            frame.nextSpare = head
            return false
        }
        if captured { lent.release() } else { head = lent }
    }

    mutating func removeAll() {
        while take() != nil {}
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
    /// `_ message: @autoclosure () -> String`: a call passes its argument unevaluated, as a closure.
    var isAutoclosure = false
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
    var expressionBody: Eval? {
        get { expressionBodyOwner?.eval }
        set {
            expressionBodyOwner = newValue.map(ExpressionBody.init)
            expressionBodyRef = expressionBodyOwner.map { Unmanaged.passUnretained($0) }
        }
    }
    private var expressionBodyOwner: ExpressionBody?
    /// `expressionBody` as calls read it: without a retain and release per call (the owner above
    /// keeps it alive, and it is set once, when the function is compiled).
    private(set) var expressionBodyRef: Unmanaged<ExpressionBody>?
    /// Frames for direct calls of this top-level function (see `takeFrame` in Calls.swift).
    var spareFrames = SpareFrames()
    var isCompiled = false
    var native: NativeFn?
    /// `self` lives in slot 0 and parameters follow.
    let hasSelf: Bool
    let isMutating: Bool
    var returnType: TypeRef?
    /// The error type of a function declared `throws(E)`.
    var thrownType: TypeRef?
    /// Generic parameters of a generic function (`T` of `func f<T>`), seen as any type.
    var genericParameters: [String] = []
    /// Whether a parameter's type mentions a generic parameter (`push(_ x: Element)`).
    lazy var usesGenericParameters: Bool = params.contains { $0.type?.mentionsParameter ?? false }
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

    deinit { spareFrames.removeAll() }

    var firstParamSlot: Int { hasSelf ? 1 : 0 }
    /// `name(label:_:)`, how calls pick among overloads.
    var key: String { functionKey(name, params.map(\.label)) }
}

/// A compiled single-expression body (see `FunctionProto.expressionBody`).
final class ExpressionBody {
    let eval: Eval
    init(_ eval: @escaping Eval) { self.eval = eval }
}

/// A function value: a compiled function plus the frame it closes over (and `self` for a
/// method taken as a value, `obj.method`).
public final class Function {
    let proto: FunctionProto
    let captured: Frame?
    let boundSelf: Value?
    /// Values copied when a closure was created (see `FunctionProto.captureSlots`).
    var captures: [Value] = []
    /// Frames of finished calls, for the next calls (a closure called by `map`, a method).
    private var spareFrames = SpareFrames()
    init(_ proto: FunctionProto, captured: Frame?, boundSelf: Value? = nil) {
        self.proto = proto
        self.captured = captured
        self.boundSelf = boundSelf
        captured?.isCaptured = true
    }

    deinit { spareFrames.removeAll() }

    /// A frame for a call of this function (a recycled one if possible), with its copied captures
    /// in place.
    @inline(__always) func makeFrame() -> Frame {
        let frame = spareFrames.take() ?? Frame.make(size: proto.frameSize, parent: captured)
        if !captures.isEmpty {
            for (slot, v) in zip(proto.captureSlots, captures) { frame.slots[slot] = v }
        }
        return frame
    }

    /// Gives a finished call's frame back for the next call (see `SpareFrames`).
    @inline(__always) func recycle(_ frame: inout Frame) {
        spareFrames.giveBack(&frame, clearing: proto.frameSize)
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
