// What the tensor, layer, model, data and figure bindings share: the per-session state they
// keep, turning engine errors into cell errors, and reading tensors and shapes out of values.
import Foundation
import Layers
import Reports
import Tensors

/// The state of one interpreter session that the tensor API needs: Keras's name counters and
/// the seeded generator (one `LayerSession`, so layer weights and `Tensor(randomUniform:)` draw
/// from one stream that continues across cells), and the folder files are read from.
final class BindingState {
    let layers: LayerSession
    let baseDirectory: String
    /// Files read through the sandbox since the runner last took them (`Session.takeFilesRead`).
    var filesRead: [FileRead] = []

    init(options: SessionOptions) {
        layers = LayerSession(random: RandomGenerator(seed: options.seed))
        baseDirectory = options.baseDirectory
    }
}

/// Every binding registered by this file family, called once by the registry.
func registerTensorAPI(_ b: Builtins) {
    registerTensorBindings(b)
    registerTensorOperationBindings(b)
    registerLayerBindings(b)
    registerModelBindings(b)
    registerDataBindings(b)
    registerFigureBindings(b)
    registerGradientBindings(b)
    registerTrainingBindings(b)
}

/// Runs a native body, turning the engines' errors (TensorError, PreprocessingError) into cell
/// errors; the caller's `located` then gives them the call's range.
@inline(__always)
func engineCall<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as TensorError {
        throw RuntimeError(e.message)
    } catch let e as PreprocessingError {
        throw RuntimeError(e.description)
    }
}

/// A native function whose engine errors become cell errors.
func engine(_ body: @escaping NativeFn) -> NativeFn {
    { ctx, args in try engineCall { try body(ctx, args) } }
}

extension Builtins {
    /// `function` for natives that call the tensor or layer engines.
    func bind(_ name: String, _ params: [ParamSpec], _ body: @escaping NativeFn) {
        function(name, params, engine(body))
    }
}

extension NativeType {
    func bindInit(_ params: [ParamSpec], _ body: @escaping NativeFn) { initializer(params, engine(body)) }
    func bindMethod(_ name: String, _ params: [ParamSpec], _ body: @escaping NativeFn) { method(name, params, engine(body)) }
    func bindProperty(_ name: String, _ get: @escaping (Context, Value) throws -> Value) {
        property(name) { ctx, v in try engineCall { try get(ctx, v) } }
    }
}

// MARK: - Values in and out

func tensorValue(_ t: Tensor) -> Value { .native(NativeValue(t, type: TensorTypes.tensor)) }

func tensorsValue(_ ts: [Tensor]) -> Value { .array(ArrayStorage(ts.map(tensorValue))) }

/// Several outputs as a Swift tuple (`let (output, h, c) = lstm(x)`), one as the tensor itself.
func tupleOrTensor(_ ts: [Tensor], asTuple: Bool) -> Value {
    if ts.count == 1 && !asTuple { return tensorValue(ts[0]) }
    return .tuple(TupleValue(ts.map(tensorValue)))
}

extension Value {
    /// The tensor in this value, or an error naming what was expected.
    func tensor(_ what: String) throws -> Tensor {
        if case .native(let n) = self, let t = n.value as? Tensor { return t }
        throw RuntimeError("\(what): expected a Tensor, got \(typeName(self))")
    }

    /// A tensor, or an array of tensors (`initialState: h` and `initialState: [h, c]`).
    func tensors(_ what: String) throws -> [Tensor] {
        if case .array(let a) = self { return try a.elements.map { try $0.tensor(what) } }
        return [try tensor(what)]
    }

    /// A Swift number as Float (`x * 2`, `x / 3.5`), nil for anything else.
    var floatScalar: Float? {
        switch self {
        case .int(let i): return Float(i)
        case .double(let d): return Float(d)
        case .float(let f): return f
        default: return fixedWidthAsInt?.floatScalar
        }
    }

    func float(_ what: String) throws -> Float {
        guard let f = floatScalar else { throw RuntimeError("\(what): expected a number, got \(typeName(self))") }
        return f
    }

    /// A list of Ints (`[1, 3]`, `x.shape`, or several variadic arguments given as one array).
    func ints(_ what: String) throws -> [Int] {
        if case .native(let n) = self, let s = n.value as? TensorShape {
            guard let dims = s.knownDimensions else { throw RuntimeError("\(what): the shape \(s) has unknown dimensions") }
            return dims
        }
        guard case .array(let a) = self else { throw RuntimeError("\(what): expected [Int], got \(typeName(self))") }
        // A variadic parameter given one array (`sum(alongAxes: [0, 1])`) arrives nested.
        if a.elements.count == 1, case .array = a.elements[0] { return try a.elements[0].ints(what) }
        return try a.elements.map { try $0.int(what) }
    }

    /// Strings of an array (`rowLabels: ["a", "b"]`).
    func strings(_ what: String) throws -> [String] {
        try array(what).map { try $0.string(what) }
    }

    /// `nil` as Swift nil, anything else as itself.
    var unlessNil: Value? {
        switch self {
        case .none: return nil
        case .some(let v): return v
        default: return self
        }
    }

    /// The name of an implicit member (`.relu`, `.post`, `.int32`), checked against `allowed`.
    func memberName(_ what: String, allowed: [String]) throws -> String {
        guard case .implicitMember(let m) = self else {
            throw RuntimeError("\(what): expected one of \(allowed.map { "." + $0 }.joined(separator: ", ")), got \(typeName(self))")
        }
        guard allowed.contains(m.name) else {
            throw RuntimeError("\(what): unknown value '.\(m.name)'; expected one of \(allowed.map { "." + $0 }.joined(separator: ", "))")
        }
        return m.name
    }
}

/// `1496810` → `1,496,810`, as Keras writes parameter counts.
func groupedDigits(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = n < 0 ? "-" : ""
    for (i, ch) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(ch)
    }
    return out
}
