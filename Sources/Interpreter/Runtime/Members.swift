import Reports

extension Context {
    /// `value.name` (a property, a method as a value, a tuple element, a static member).
    func getMember(_ v: Value, _ name: String) throws -> Value {
        switch v {
        case .structValue(let s):
            if let i = s.type.fieldIndex[name] { return s.fields[i] }
            return try nominalMember(s.type, v, name)
        case .object(let o):
            if let i = o.type.fieldIndex[name] { return o.fields[i] }
            return try nominalMember(o.type, v, name)
        case .enumValue(let e):
            if name == "rawValue", let raw = e.type.cases[e.caseIndex].rawValue { return raw }
            return try nominalMember(e.type, v, name)
        case .tuple(let t):
            if let i = Int(name), i < t.elements.count { return t.elements[i] }
            if let i = t.index(of: name) { return t.elements[i] }
        case .type(let t):
            return try staticMember(t, name)
        default:
            break
        }
        if let d = Builtins.shared.descriptor(of: v) {
            if let get = d.properties[name] { return try get(self, v) }
            if let ms = d.methods[name], let m = ms.first {
                return .function(Function(m.proto, captured: nil, boundSelf: v))
            }
        }
        if let member = try extensionMember(v, name) { return member }
        throw RuntimeError("value of type '\(typeName(v))' has no member '\(name)'")
    }

    private func nominalMember(_ t: NominalType, _ v: Value, _ name: String) throws -> Value {
        if let g = t.getter(name) { return try callGetter(g, on: v) }
        if let m = t.methods(named: name).first { return .function(Function(m.proto, captured: m.captured, boundSelf: v)) }
        // `parameterCount`, `weights`, `name` of a user layer (UserLayerBindings.swift).
        if let member = try userLayerMember(v, name) { return member }
        throw RuntimeError("value of type '\(t.name)' has no member '\(name)'")
    }

    func staticMember(_ t: TypeRef, _ name: String) throws -> Value {
        if case .nominal(let n, _) = t {
            if let nested = n.nestedTypes[name] { return .type(.nominal(nested, [])) }
            if let ci = n.caseIndex[name] {
                if n.cases[ci].labels.isEmpty { return try makeEnumCase(n, ci, []) }
                let arity = n.cases[ci].labels
                return .function(Function.native(name, labels: arity) { [unowned self] _, args in try self.makeEnumCase(n, ci, args) })
            }
            if let (owner, i) = n.staticStorage(name) { return owner.staticValues[i] }
            if name == "allCases", n.kind == .enumType, n.conforms(to: "CaseIterable") {
                return .array(ArrayStorage(try n.cases.indices.map { try makeEnumCase(n, $0, []) }))
            }
            if let g = n.staticGetter(name) { return try call(g, []) }
            if let m = n.staticMethods.first(where: { $0.value.proto.name == name })?.value { return .function(m) }
            for p in n.protocols { if let i = p.staticIndex[name] { return p.staticValues[i] } }
            throw RuntimeError("type '\(n.name)' has no member '\(name)'")
        }
        if name == "self" { return .type(t) }
        if name == "init" {
            return .function(Function.native("init", labels: [nil]) { ctx, args in
                try ctx.construct(t, CallArguments(values: args, labels: args.map { _ in nil }, trailing: args.map { _ in false }), at: nil)
            })
        }
        if let d = constructorDescriptor(t) {
            if let p = d.staticProperties[name] { return try p(self) }
            if let m = d.staticMethods[name]?.first { return .function(m) }
        }
        if let member = try extensionStaticMember(t, name) { return member }
        throw RuntimeError("type '\(t.name)' has no member '\(name)'")
    }

    /// The descriptor whose initializers build values of builtin type `t` (`Int("42")`).
    func constructorDescriptor(_ t: TypeRef) -> NativeType? {
        let b = Builtins.shared
        switch t {
        case .int: return b.intType
        case .double: return b.doubleType
        case .float: return b.floatType
        case .bool: return b.boolType
        case .string: return b.stringType
        case .character: return b.characterType
        case .array: return b.arrayType
        case .dictionary: return b.dictionaryType
        case .set: return b.setType
        case .native(let n): return n
        default: return nil
        }
    }

    /// Changes `container.name` in place. (`if case` rather than `switch`: a switch keeps a copy
    /// of its subject alive, which would make every change copy the storage.)
    func modifyMember(_ container: inout Value, _ name: String, _ body: (inout Value) throws -> Void) throws {
        if case .structValue(var s) = container {
            if let i = s.type.fieldIndex[name] {
                if let obs = s.type.observers[i], initializing == 0 { return try observedChange(&container, i, obs, body) }
                container = .void
                defer { container = .structValue(s) }
                try body(&s.fields[i])
                if let t = s.type.fields[i].coercion { s.fields[i] = try coerce(s.fields[i], to: t) }
                return
            }
            if let setter = s.type.setter(name), let getter = s.type.getter(name) {
                var v = s.type.lazyProperty(name) != nil ? try readLazy(&container, name) : try callGetter(getter, on: container)
                try body(&v)
                try callSetter(setter, on: &container, v)
                return
            }
            throw RuntimeError("value of type '\(s.type.name)' has no settable member '\(name)'")
        }
        if case .object(let o) = container {
            if let i = o.type.fieldIndex[name] {
                if let obs = o.type.observers[i], initializing == 0 { return try observedChange(&container, i, obs, body) }
                try body(&o.fields[i])
                if let t = o.type.fields[i].coercion { o.fields[i] = try coerce(o.fields[i], to: t) }
                return
            }
            if let setter = o.type.setter(name), let getter = o.type.getter(name) {
                var v = try callGetter(getter, on: container)
                try body(&v)
                var selfValue = container
                try callSetter(setter, on: &selfValue, v)
                return
            }
            throw RuntimeError("value of type '\(o.type.name)' has no settable member '\(name)'")
        }
        if case .tuple(var t) = container, let i = Int(name) ?? t.index(of: name), i < t.elements.count {
            container = .void
            defer { container = .tuple(t) }
            try body(&t.elements[i])
            return
        }
        if case .type(.nominal(let n, _)) = container, let (owner, i) = n.staticStorage(name) {
            try body(&owner.staticValues[i])
            return
        }
        throw RuntimeError("cannot assign to property '\(name)' of a value of type '\(typeName(container))'")
    }

    /// A change of a stored property with `willSet`/`didSet`.
    func observedChange(_ container: inout Value, _ i: Int, _ obs: [(willSet: Function?, didSet: Function?)],
                        _ body: (inout Value) throws -> Void) throws {
        func fields(_ v: Value) -> [Value] {
            if case .structValue(let s) = v { return s.fields }
            if case .object(let o) = v { return o.fields }
            return []
        }
        func store(_ v: Value) {
            if case .structValue(var s) = container { container = .void; s.fields[i] = v; container = .structValue(s) }
            if case .object(let o) = container { o.fields[i] = v }
        }
        let old = fields(container)[i]
        var new = old
        try body(&new)
        let type: NominalType? = { if case .structValue(let s) = container { return s.type }; if case .object(let o) = container { return o.type }; return nil }()
        if let t = type?.fields[i].coercion { new = try coerce(new, to: t) }
        guard let observed = type else { store(new); return }
        let key = (ObjectIdentifier(observed), i)
        if observing.contains(where: { $0 == key }) { store(new); return }
        observing.append(key)
        defer { observing.removeAll { $0 == key } }
        // As Swift runs an overriding property's observers around its superclass's setter:
        // the subclass's willSet first, the superclass's didSet first.
        for o in obs.reversed() { if let w = o.willSet { try callSetter(w, on: &container, new) } }
        store(new)
        for o in obs { if let d = o.didSet { try callSetter(d, on: &container, old) } }
    }

    /// A change of a top-level variable with observers: willSet(new), the store, didSet(old). A
    /// change made by its own observer stores without running them again, as in Swift.
    func observedGlobalChange(_ observers: GlobalObservers, old: Value, new: Value, store: (Value) -> Void) throws {
        let key = (ObjectIdentifier(observers), -1)
        if observing.contains(where: { $0 == key }) { store(new); return }
        observing.append(key)
        defer { observing.removeAll { $0 == key } }
        if let w = observers.willSet { _ = try call(w, [new]) }
        store(new)
        if let d = observers.didSet { _ = try call(d, [old]) }
    }

    /// Reads `lazy var name` of the instance in `container`, running its initial value and
    /// storing it on the first read.
    func readLazy(_ container: inout Value, _ name: String) throws -> Value {
        let type: NominalType? = { if case .structValue(let s) = container { return s.type }; if case .object(let o) = container { return o.type }; return nil }()
        guard let t = type, let (storage, initial) = t.lazyProperty(name) else {
            return try getMember(container, name)
        }
        switch container {
        case .object(let o):
            if case .some(let v) = o.fields[storage] { return v }
            let v = try callGetter(initial, on: container)
            o.fields[storage] = .some(v)
            return v
        case .structValue(var s):
            if case .some(let v) = s.fields[storage] { return v }
            let v = try callGetter(initial, on: container)
            s.fields[storage] = .some(v)
            container = .structValue(s)
            return v
        default: return try getMember(container, name)
        }
    }

    func callSetter(_ setter: Function, on selfValue: inout Value, _ newValue: Value) throws {
        let p = setter.proto
        if let native = p.native {
            selfValue = try native(self, [selfValue, newValue])
            return
        }
        let frame = setter.makeFrame()
        frame.slots[0] = selfValue
        frame.slots[1] = newValue
        _ = try invokeUser(p, frame: frame, at: nil)
        selfValue = frame.slots[0]
    }

    // MARK: Subscripts

    func getSubscript(_ v: Value, _ indices: [Value], _ labels: [String?]) throws -> Value {
        switch (v, indices.count) {
        case (.array(let a), 1):
            switch indices[0] {
            case .int(let i):
                let k = i - a.startIndex
                guard k >= 0, k < a.elements.count else { throw RuntimeError("Index out of range") }
                return a.elements[k]
            case .range(let l, let u), .closedRange(let l, let u):
                let s = a.startIndex
                let (lo, hi) = try sliceBounds(indices[0], count: a.elements.count, l == Int.min ? l : l - s, u == Int.max ? u : u - s)
                return .array(ArrayStorage(Array(a.elements[lo..<hi]), startIndex: lo + s, isSlice: true))
            default: break
            }
        case (.dictionary(let d), 1):
            return d[indices[0]].map(Value.some) ?? .none
        case (.dictionary(let d), 2) where labels.last == "default":
            return d[indices[0]] ?? indices[1]
        case (.string(let s), 1):
            return try subscriptString(s, indices[0])
        case (.structValue(let s), _):
            if let m = s.type.method("subscript(\(labels.map { ($0 ?? "_") + ":" }.joined()))") { return try call(Function(m.proto, captured: m.captured, boundSelf: v), indices) }
        case (.object(let o), _):
            if let m = o.type.method("subscript(\(labels.map { ($0 ?? "_") + ":" }.joined()))") { return try call(Function(m.proto, captured: m.captured, boundSelf: v), indices) }
        case (.native(let n), _):
            if let get = n.type.subscriptGet { return try get(self, v, indices, labels) }
        case (.type(.nominal(let n, _)), _):
            if let m = n.staticMethod(named: "subscript", key: subscriptKey(labels)) { return try call(m, indices) }
        case (.tuple, _), (.range, _), (.closedRange, _):
            if case .int(let i) = indices[0] {
                let all = try v.array()
                guard i >= 0, i < all.count else { throw RuntimeError("Index out of range") }
                return all[i]
            }
        default: break
        }
        // A subscript an extension adds to a builtin type (`extension Int { subscript(digit: Int) }`).
        for e in builtinExtensions(of: v) {
            if let m = e.method("subscript(\(subscriptKey(labels)))") { return try call(Function(m.proto, captured: m.captured, boundSelf: v), indices) }
        }
        throw RuntimeError("value of type '\(typeName(v))' has no subscripts")
    }

    /// `row:_:` for `m[row: 1, 2]`: how a subscript's labels appear in its key.
    func subscriptKey(_ labels: [String?]) -> String { labels.map { ($0 ?? "_") + ":" }.joined() }

    func sliceBounds(_ index: Value, count: Int, _ l: Int, _ u: Int) throws -> (Int, Int) {
        let lo = l == Int.min ? 0 : l
        var hi = u == Int.max ? count : u
        if case .closedRange = index, u != Int.max { hi = u + 1 }
        guard lo >= 0, hi <= count, lo <= hi else { throw RuntimeError("Array index is out of range") }
        return (lo, hi)
    }

    /// `counts[key, default: 0] += 1` and `xs[i] += 1`, the shapes of hot loops: the entry is
    /// changed in place without building an index array. Other containers take the general path.
    @inline(__always)
    func modifySubscript(_ container: inout Value, key: Value, default defaultValue: Value?, _ body: (inout Value) throws -> Void) throws {
        if let d = defaultValue, case .dictionary = container {
            // Moved out and back (swap, consume): a copy of a dictionary value would retain and
            // release each of its arrays.
            var taken = Value.void
            swap(&taken, &container)
            guard case .dictionary(var dict) = consume taken else { return }
            do {
                _ = try dict.modify(key, default: d, body)
            } catch {
                container = .dictionary(consume dict)
                throw error
            }
            container = .dictionary(consume dict)
            return
        }
        if defaultValue == nil, case .int(let index) = key, try modifyArrayElement(&container, at: index, body) { return }
        try modifySubscript(&container, defaultValue.map { [key, $0] } ?? [key], defaultValue == nil ? [nil] : [nil, "default"], body)
    }

    /// `xs[i]` changed in place: the array is moved out of `container` while `body` runs, so the
    /// change copies nothing. False (and nothing done) when `container` is not an array.
    @inline(__always)
    func modifyArrayElement(_ container: inout Value, at index: Int, _ body: (inout Value) throws -> Void) throws -> Bool {
        guard case .array(var a) = container else { return false }
        let i = index - a.startIndex
        guard i >= 0, i < a.elements.count else { throw RuntimeError("Index out of range") }
        container = .void
        defer { container = .array(a) }
        try body(&a.elements[i])
        return true
    }

    /// Changes `container[indices]` in place.
    func modifySubscript(_ container: inout Value, _ indices: [Value], _ labels: [String?], _ body: (inout Value) throws -> Void) throws {
        if indices.count == 1, case .int(let index) = indices[0], try modifyArrayElement(&container, at: index, body) { return }
        if case .array(var a) = container, indices.count == 1 {
            // `xs[1...2] = [0, 0]`: the slice is replaced (its length may change, as in Swift).
            switch indices[0] {
            case .range(let l, let u), .closedRange(let l, let u):
                let (lo, hi) = try sliceBounds(indices[0], count: a.elements.count + a.startIndex, l, u)
                guard lo >= a.startIndex else { throw RuntimeError("Array index is out of range") }
                let range = (lo - a.startIndex)..<(hi - a.startIndex)
                var slice = Value.array(ArrayStorage(Array(a.elements[range]), startIndex: lo, isSlice: true))
                try body(&slice)
                a.elements.replaceSubrange(range, with: try slice.array("slice assignment"))
                container = .array(a)
                return
            default: break
            }
        }
        if case .dictionary(var d) = container {
            container = .void
            defer { container = .dictionary(d) }
            if indices.count == 2, labels.last == "default" {
                _ = try d.modify(indices[0], default: indices[1], body)
                return
            }
            var current: Value = d[indices[0]].map(Value.some) ?? .none
            try body(&current)
            switch current {
            case .none: d.remove(indices[0])
            case .some(let v): d.set(indices[0], v)
            case let v: d.set(indices[0], v)
            }
            return
        }
        if case .type(.nominal(let n, _)) = container, let getter = n.staticMethod(named: "subscript", key: subscriptKey(labels)),
           let setter = n.staticMethod(named: "subscript=", key: subscriptKey(labels) + "_:") {
            var v = try call(getter, indices)
            try body(&v)
            _ = try call(setter, indices + [v])
            return
        }
        let userType: NominalType? = { if case .structValue(let s) = container { return s.type }; if case .object(let o) = container { return o.type }; return nil }()
        if let type = userType {
            let key = labels.map { ($0 ?? "_") + ":" }.joined()
            if let getter = type.method("subscript(\(key))"), let setter = type.method("subscript=(\(key)_:)") {
                var v = try call(Function(getter.proto, captured: getter.captured, boundSelf: container), indices)
                try body(&v)
                let p = setter.proto
                let frame = setter.makeFrame()
                frame.slots[0] = container
                for (i, x) in (indices + [v]).enumerated() {
                    var value = x
                    if let t = p.params[i].type { value = try coerce(value, to: t) }
                    frame.slots[1 + i] = value
                }
                _ = try invokeUser(p, frame: frame, at: nil)
                if case .structValue = container { container = frame.slots[0] }
                return
            }
        }
        throw RuntimeError("cannot assign through subscript of a value of type '\(typeName(container))'")
    }
}
