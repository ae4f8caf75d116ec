import SwiftSyntax
import Reports

extension Compiler {
    func compileDecl(_ d: DeclSyntax) throws -> Exec {
        switch d.as(DeclSyntaxEnum.self) {
        case .variableDecl(let v): return try compileVariable(v)
        case .functionDecl(let fn):
            if hoisted.contains(Syntax(fn).id) { return { _ in .normal } }
            return try compileLocalFunction(fn)
        case .structDecl, .classDecl, .enumDecl, .protocolDecl, .typeAliasDecl, .extensionDecl:
            if hoisted.contains(Syntax(d).id) { return { _ in .normal } }
            try declareTypes([d])
            let (setup, bodies) = try compileTypeBodies([d])
            for b in bodies { try b() }
            return { _ in try setup(); return .normal }
        case .importDecl(let i):
            let module = i.path.map(\.name.text).joined(separator: ".")
            if !builtins.modules.contains(module) {
                throw error("no such module '\(module)'; notebook cells can import \(builtins.modules.joined(separator: " and "))", i.path, kind: "unknown-name")
            }
            return { _ in .normal }
        case .actorDecl(let a): throw unsupported("'actor'", a.actorKeyword)
        case .macroDecl(let m): throw unsupported("'macro'", m.macroKeyword)
        case .operatorDecl(let o): throw unsupported("'operator'", o)
        case .precedenceGroupDecl(let p): throw unsupported("'precedencegroup'", p)
        case .ifConfigDecl(let i): throw unsupported("'#if'", i)
        case .macroExpansionDecl(let m): throw unsupported("macro '#\(m.macroName.text)'", m)
        case .subscriptDecl(let s): throw error("'subscript' is only valid inside a type", s)
        case .initializerDecl(let i): throw error("initializers may only be declared within a type", i)
        case .enumCaseDecl(let e): throw error("enum 'case' is not allowed outside of an enum", e)
        default: throw unsupported("declaration", d)
        }
    }

    // MARK: Variables

    /// Each binding's type annotation: in `var red, green, blue: Double` a name with neither a
    /// type nor a value takes the next one's type.
    func typeAnnotations(of v: VariableDeclSyntax) -> [TypeAnnotationSyntax?] {
        var out: [TypeAnnotationSyntax?] = []
        var next: TypeAnnotationSyntax? = nil
        for binding in v.bindings.reversed() {
            if let a = binding.typeAnnotation { next = a } else if binding.initializer != nil { next = nil }
            out.insert(binding.typeAnnotation ?? (binding.initializer == nil ? next : nil), at: 0)
        }
        return out
    }

    func compileVariable(_ v: VariableDeclSyntax) throws -> Exec {
        let isLet = v.bindingSpecifier.tokenKind == .keyword(.let)
        var execs = ExecList()
        let ctx = self.ctx
        let sharedAnnotation = typeAnnotations(of: v)
        for (bindingIndex, binding) in v.bindings.enumerated() {
            var observerBlocks: [AccessorDeclSyntax] = []
            if let acc = binding.accessorBlock {
                // Observers (`var total = 0 { didSet { } }`), or a computed variable (`var area: Double { w * h }`).
                guard case .accessors(let list) = acc.accessors, !list.isEmpty,
                      list.allSatisfy({ $0.accessorSpecifier.tokenKind == .keyword(.didSet) || $0.accessorSpecifier.tokenKind == .keyword(.willSet) }) else {
                    if isLet { throw error("'let' declarations cannot be computed properties", acc, kind: "type") }
                    try compileComputedVariable(binding, acc)
                    continue
                }
                if isLet { throw error("'let' declarations cannot be observing properties", acc, kind: "type") }
                guard binding.pattern.is(IdentifierPatternSyntax.self), binding.initializer != nil else {
                    throw error("variable with observers must have an initial value", acc, kind: "type")
                }
                observerBlocks = Array(list)
            }
            var type: TypeRef? = nil
            if let ann = sharedAnnotation[bindingIndex] { type = try resolveType(ann.type, node: ann.type) }
            // The initializer is compiled before the name exists: `let x = x + 1` reads the old x.
            let value = try binding.initializer.map { try compileExpr($0.value, expected: type) }
            if let t = type, let i = binding.initializer { try checkLiteral(i.value, against: t) }
            if type == nil, let i = binding.initializer { type = staticType(i.value) ?? (i.value.is(IntegerLiteralExprSyntax.self) ? .int : nil) }
            // `var model: Model!` starts as nil and is used without unwrapping: it holds and is
            // seen as the wrapped type (nil or the value itself).
            let startsNil: Bool
            if case .optional? = type, !isLet { startsNil = true } else { startsNil = false }
            if binding.typeAnnotation?.type.is(ImplicitlyUnwrappedOptionalTypeSyntax.self) == true, case .optional(let w)? = type { type = w }
            let bind = try compilePatternBinding(binding.pattern, isLet: isLet && binding.initializer != nil, type: type)
            if let (kind, modifier) = ownership(v.modifiers) {
                // `weak var parent = node`: the slot holds a `WeakReference`; reads give the
                // instance while something else holds it, then nil.
                guard let id = binding.pattern.as(IdentifierPatternSyntax.self), case .slot(let slot, _) = bind.kind else {
                    throw unsupported("'\(kind)' on a pattern", binding.pattern)
                }
                if !observerBlocks.isEmpty { throw unsupported("property observers on a '\(kind)' variable", binding.accessorBlock!) }
                if kind == "weak", let t = type, binding.typeAnnotation != nil {
                    guard case .optional = t else { throw error("'weak' variable should have optional type '\(sugaredName(t))?'", binding.pattern, kind: "type") }
                }
                let name = id.identifier.text
                scope.names[name]?.accessors = .ownership(kind == "weak" ? "weak" : "unowned", slot: slot, at: range(modifier))
                scope.names[name]?.captureByValue = false
                let set = scope.names[name]!.accessors!.set!
                let frame = frameOf(scope.names[name]!)
                if let value = value {
                    execs.append { f in try set(frame(f), try value(f)); return .normal }
                } else {
                    execs.append { f in frame(f).slots[slot] = .none; return .normal }
                }
                continue
            }
            if !observerBlocks.isEmpty, let id = binding.pattern.as(IdentifierPatternSyntax.self) {
                if function.isGlobal {
                    try compileGlobalObservers(id.identifier.text, type: type, observerBlocks)
                } else if case .slot(let slot, _) = bind.kind {
                    try compileLocalObservers(id.identifier.text, slot: slot, type: type, observerBlocks)
                }
            }
            guard let value = value else {
                // `var x: Int?` starts as nil; other uninitialised variables get their value later.
                if startsNil { execs.append { f in try bind.assign(f, .none); return .normal } }
                continue
            }
            let assign = bind.assign
            if let t = type, needsCoercion(t) {
                let r = range(binding)
                execs.append { f in
                    try assign(f, try located(r) { try ctx.coerce(try value(f), to: t) })
                    return .normal
                }
            } else if case .slot(let slot, false) = bind.kind {
                execs.append { f in
                    f.slots[slot] = try value(f)
                    return .normal
                }
            } else {
                execs.append { f in
                    try assign(f, try value(f))
                    return .normal
                }
            }
        }
        return sequence(execs[...])
    }

    /// Attaches the observers to the variable just declared: its later changes run them (its
    /// initial value does not, as in Swift).
    func compileGlobalObservers(_ name: String, type: TypeRef?, _ blocks: [AccessorDeclSyntax]) throws {
        let observers = GlobalObservers()
        scope.names[name]?.observers = observers
        for a in blocks {
            let kind = a.accessorSpecifier.text
            let param = a.parameters?.name.text ?? (kind == "didSet" ? "oldValue" : "newValue")
            let proto = FunctionProto(name: kind, displayName: "\(name).\(kind)",
                                      params: [Param(label: nil, name: param, type: type, defaultValue: nil, isVariadic: false, isInout: false)],
                                      hasSelf: false, isMutating: false)
            try compileFunctionBody(proto, defaults: [nil], body: a.body?.statements ?? [], selfType: nil)
            let f = Function(proto, captured: ctx.globals)
            if kind == "didSet" { observers.didSet = f } else { observers.willSet = f }
        }
    }

    /// `var total = 0 { didSet { } }` inside a function: the observers are functions of the call's
    /// frame, run by the variable's accessors around each later change (not around its initial
    /// value); a change made by its own observer stores without running them again, as in Swift.
    func compileLocalObservers(_ name: String, slot: Int, type: TypeRef?, _ blocks: [AccessorDeclSyntax]) throws {
        var willSet: FunctionProto? = nil, didSet: FunctionProto? = nil
        for a in blocks {
            let kind = a.accessorSpecifier.text
            let param = a.parameters?.name.text ?? (kind == "didSet" ? "oldValue" : "newValue")
            let proto = FunctionProto(name: kind, displayName: "\(name).\(kind)",
                                      params: [Param(label: nil, name: param, type: type, defaultValue: nil, isVariadic: false, isInout: false)])
            try compileFunctionBody(proto, defaults: [nil], body: a.body?.statements ?? [], selfType: selfType)
            if kind == "didSet" { didSet = proto } else { willSet = proto }
        }
        let ctx = self.ctx
        scope.names[name]?.accessors = VariableAccessors(get: { fr in fr.slots[slot] }, set: { fr, new in
            let key = (ObjectIdentifier(fr), slot)
            if ctx.observing.contains(where: { $0 == key }) { fr.slots[slot] = new; return }
            ctx.observing.append(key)
            defer { ctx.observing.removeAll { $0 == key } }
            let old = fr.slots[slot]
            if let w = willSet { _ = try ctx.call(Function(w, captured: fr), [new]) }
            fr.slots[slot] = new
            if let d = didSet { _ = try ctx.call(Function(d, captured: fr), [old]) }
        })
        scope.names[name]?.captureByValue = false
    }

    /// `var area: Double { width * height }`, or with `get { }` and `set { }`, at the top level or
    /// in a function: each read calls the getter, each change the setter (functions of the frame
    /// the variable is declared in).
    func compileComputedVariable(_ binding: PatternBindingSyntax, _ acc: AccessorBlockSyntax) throws {
        guard let id = binding.pattern.as(IdentifierPatternSyntax.self) else { throw unsupported("pattern in a computed variable", binding.pattern) }
        guard let annotation = binding.typeAnnotation else { throw error("computed property must have an explicit type", id, kind: "type") }
        if let i = binding.initializer { throw error("variable with getter/setter cannot have an initial value", i, kind: "type") }
        let type = try resolveType(annotation.type, node: annotation.type)
        let (getBody, setBody, setName) = try computedAccessors(acc)
        guard let gb = getBody else { throw error("variable with a setter must also have a getter", acc, kind: "type") }
        let name = id.identifier.text
        // Declared before the bodies are compiled: they see the variable itself, as in Swift.
        _ = try declareVariable(name, isLet: false, type: type, node: id)
        scope.names[name]?.captureByValue = false
        let getter = FunctionProto(name: name, displayName: "\(name).getter", params: [], returnType: type)
        try compileFunctionBody(getter, defaults: [], body: gb, selfType: selfType)
        var setter: FunctionProto? = nil
        if let sb = setBody {
            let s = FunctionProto(name: name, displayName: "\(name).setter",
                                  params: [Param(label: nil, name: setName, type: type, defaultValue: nil, isVariadic: false, isInout: false)])
            try compileFunctionBody(s, defaults: [nil], body: sb, selfType: selfType)
            setter = s
        }
        let ctx = self.ctx
        scope.names[name]?.accessors = VariableAccessors(
            get: { fr in try ctx.call(Function(getter, captured: fr), []) },
            set: setter.map { s in { fr, v in _ = try ctx.call(Function(s, captured: fr), [v]) } })
    }

    /// The `get` and `set` bodies of a computed variable or property (`{ expr }` is a getter), and
    /// the name of the setter's new value (`set(v)`; `newValue` by default).
    func computedAccessors(_ block: AccessorBlockSyntax) throws
        -> (get: CodeBlockItemListSyntax?, set: CodeBlockItemListSyntax?, setName: String) {
        var result: (get: CodeBlockItemListSyntax?, set: CodeBlockItemListSyntax?, setName: String) = (nil, nil, "newValue")
        switch block.accessors {
        case .getter(let items): result.get = items
        case .accessors(let list):
            for a in list {
                switch a.accessorSpecifier.tokenKind {
                case .keyword(.get): result.get = a.body?.statements ?? []
                case .keyword(.set):
                    result.set = a.body?.statements ?? []
                    if let p = a.parameters { result.setName = p.name.text }
                case .keyword(.willSet), .keyword(.didSet):
                    throw error("'\(a.accessorSpecifier.text)' cannot be provided together with a getter", a.accessorSpecifier, kind: "type")
                default: throw unsupported("'\(a.accessorSpecifier.text)' accessor", a)
                }
            }
        }
        return result
    }

    /// `let label: String = 5`, `let i: Int = someDouble`, `return "a"` in a function returning Int,
    /// `f("a")` for an Int parameter:
    /// a literal, or a variable of a basic type, that cannot become the declared type.
    /// Where a value meets the type it must have (Swift words each differently).
    enum ConversionContext { case declaration, returnValue, argument }

    func checkLiteral(_ e: ExprSyntax, against t: TypeRef, context: ConversionContext = .declaration) throws {
        let literal: String?
        if e.is(IntegerLiteralExprSyntax.self) { literal = "Int" } else if e.is(FloatLiteralExprSyntax.self) { literal = "Double" }
        else if e.is(StringLiteralExprSyntax.self) { literal = "String" } else if e.is(BooleanLiteralExprSyntax.self) { literal = "Bool" }
        else { literal = nil }
        let source: String
        let ok: Bool
        if let lit = literal {
            source = lit
            switch (lit, t) {
            case ("Int", .int), ("Int", .double), ("Int", .float), ("Double", .double), ("Double", .float), ("String", .string),
                 ("String", .character), ("Bool", .bool), (_, .any), (_, .parameter), (_, .optional), (_, .nominal), ("Int", .native): ok = true
            case (_, .native(let n)): ok = n.integerLiteral == nil
            default: ok = false
            }
        } else if let v = variableType(e), isBasic(v), isBasic(t) {
            source = v.name
            ok = v.name == t.name
        } else {
            return
        }
        if ok { return }
        let message: String
        switch context {
        case .declaration: message = "cannot convert value of type '\(source)' to specified type '\(sugaredName(t))'"
        case .returnValue: message = "cannot convert return expression of type '\(source)' to return type '\(sugaredName(t))'"
        case .argument: message = "cannot convert value of type '\(source)' to expected argument type '\(sugaredName(t))'"
        }
        throw error(message, e, kind: "type")
    }

    /// Int, Double, Float, String, Bool, Character and the fixed-width integers: types no value of
    /// another converts to implicitly.
    func isBasic(_ t: TypeRef) -> Bool {
        switch t {
        case .int, .double, .float, .string, .bool, .character: return true
        default: return isFixedWidthInteger(t)
        }
    }

    // MARK: Functions

    /// Declares a `func` in the current scope (an overload when the labels differ).
    func declareFunction(_ fn: FunctionDeclSyntax) throws -> (FunctionProto, Int) {
        try checkSupportedFunction(fn.signature, generics: fn.genericParameterClause, fn)
        let name = fn.name.text
        let (proto, defaults) = try makeProto(name: name, owner: nil, signature: fn.signature, hasSelf: false, isMutating: false,
                                             generics: fn.genericParameterClause)
        pendingDefaults[ObjectIdentifier(proto)] = defaults
        let slot = function.allocate()
        var overloads: [(proto: FunctionProto, slot: Int)] = []
        if let existing = scope.names[name], case .functions(let old) = existing.kind {
            overloads = old.filter { $0.proto.key != proto.key }
            if scope.declaredHere.contains(name), overloads.count != old.count {
                throw error("invalid redeclaration of '\(proto.key)'", fn.name, kind: "redeclaration")
            }
        } else if scope.declaredHere.contains(name) {
            throw error("invalid redeclaration of '\(name)'", fn.name, kind: "redeclaration")
        }
        overloads.append((proto, slot))
        scope.names[name] = Binding(kind: .functions(overloads), slot: slot, owner: function, staticType: nil)
        scope.declaredHere.insert(name)
        return (proto, slot)
    }

    func compileLocalFunction(_ fn: FunctionDeclSyntax) throws -> Exec {
        let (proto, slot) = try declareFunction(fn)
        try compileFunctionBody(proto, defaults: pendingDefaults.removeValue(forKey: ObjectIdentifier(proto)) ?? [], body: fn.body?.statements, selfType: nil)
        let store = storeSlot(slot)
        return { f in
            try store(f, .function(Function(proto, captured: f)))
            return .normal
        }
    }
}
