import Reports

/// The slots of one function being compiled (or of the session's top level).
final class FunctionScope {
    let parent: FunctionScope?
    let isGlobal: Bool
    var size: Int
    /// Whether code of this function reads or writes variables of an enclosing function (then a
    /// closure made from it keeps the enclosing call's frame alive).
    var usesParentFrame = false
    /// Slots of this function that nested functions and closures use: a block does not release
    /// them when it ends (a closure made in the block may still need them).
    var capturedSlots: Set<Int> = []
    /// Slots of variables declared with a type that holds no instance (Int, Double, String, ...):
    /// a block need not release them.
    var plainSlots: Set<Int> = []
    init(parent: FunctionScope?, isGlobal: Bool = false, start: Int = 0) {
        self.parent = parent
        self.isGlobal = isGlobal
        self.size = start
    }
    func allocate() -> Int {
        size += 1
        return size - 1
    }
}

/// What a name means where it is used.
enum BindingKind {
    case variable(isLet: Bool)
    /// A `func` (possibly overloaded): each overload has its own slot holding its function value.
    case functions([(proto: FunctionProto, slot: Int)])
    case type(TypeRef)
}

struct Binding {
    var kind: BindingKind
    var slot: Int
    let owner: FunctionScope
    /// The type known when compiling (annotation, literal, conversion), used to adapt literals.
    var staticType: TypeRef?
    /// A `let` below the top level: closures copy its value when they are created (each loop
    /// iteration's `i` is its own constant, as in Swift).
    var captureByValue = false
    /// `var total = 0 { didSet { ... } }` at the top level: what runs around each change.
    var observers: GlobalObservers? = nil
    /// A variable whose reads and writes run code: a `weak` or `unowned` one, a computed one.
    var accessors: VariableAccessors? = nil
}

/// How a variable with accessors is read and written, given the frame that holds it.
final class VariableAccessors {
    let get: (Frame) throws -> Value
    /// Nil: the variable is read-only (a computed variable without `set`).
    let set: ((Frame, Value) throws -> Void)?
    init(get: @escaping (Frame) throws -> Value, set: ((Frame, Value) throws -> Void)?) {
        self.get = get
        self.set = set
    }

    /// A `weak` or `unowned` variable in `slot`: the slot holds a `WeakReference`.
    static func ownership(_ kind: String, slot: Int, at r: SourceRange) -> VariableAccessors {
        let get: (Frame) throws -> Value = kind == "weak" ? { fr in weakLoad(fr.slots[slot]) } : { fr in try unownedLoad(fr.slots[slot], at: r) }
        return VariableAccessors(get: get, set: { fr, v in fr.slots[slot] = try weakStore(v, construct: kind, at: r) })
    }
}

/// The `willSet` / `didSet` of a top-level variable (functions of `newValue` / `oldValue`).
final class GlobalObservers {
    var willSet: Function?
    var didSet: Function?
}

/// The variables a closure being compiled copies from outside when it is created.
final class ClosureCaptures {
    let function: FunctionScope
    var slots: [String: Int] = [:]
    var captured: [(binding: Binding, slot: Int)] = []
    init(function: FunctionScope) { self.function = function }
}

/// A lexical scope: a block, a function body, or the session's top level.
final class Scope {
    let parent: Scope?
    let function: FunctionScope
    var names: [String: Binding] = [:]
    /// Names declared in this scope during the current cell: Swift's redeclaration rule.
    var declaredHere: Set<String> = []
    /// The scope of a method's body: the names of its type's members, which win there over
    /// variables and functions declared outside the type (a top-level `let grid` does not hide the
    /// stored property `grid` inside the type's methods, as in Swift).
    var members: ((String) -> Bool)?

    init(parent: Scope?, function: FunctionScope) {
        self.parent = parent
        self.function = function
    }

    func lookup(_ name: String) -> Binding? {
        var s: Scope? = self
        var typesOnly = false
        while let scope = s {
            if let b = scope.names[name] {
                if !typesOnly { return b }
                if case .type = b.kind { return b }
            }
            if let isMember = scope.members, isMember(name) { typesOnly = true }
            s = scope.parent
        }
        return nil
    }

    var allNames: [String] {
        var out: [String] = []
        var s: Scope? = self
        while let scope = s { out.append(contentsOf: scope.names.keys); s = scope.parent }
        return out
    }
}

/// Where a variable lives, from the code that uses it.
enum VariableAccess {
    case global(Int)
    /// `depth` frames up from the current one.
    case local(depth: Int, slot: Int)
}

/// Levenshtein distance, to suggest the closest known name.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = previous
    var beforePrevious = previous
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            // A swap of two neighbours counts as one edit (`pritn` is one edit from `print`).
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { current[j] = min(current[j], beforePrevious[j - 2] + 1) }
        }
        beforePrevious = previous
        swap(&previous, &current)
    }
    return previous[y.count]
}

func closestName(to name: String, in candidates: [String]) -> String? {
    let limit = max(1, name.count / 3)
    var best: (String, Int)?
    for c in Set(candidates) where !c.hasPrefix("$") {
        let d = editDistance(name, c)
        if d <= limit, d < (best?.1 ?? .max) || (d == best?.1 && c < best!.0) { best = (c, d) }
    }
    return best?.0
}
