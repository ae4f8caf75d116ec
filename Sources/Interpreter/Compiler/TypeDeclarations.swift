import SwiftSyntax
import Reports

/// The name of the field that holds a `lazy var`'s value (Swift's own, as a struct prints it).
let lazyStoragePrefix = "$__lazy_storage_$_"

extension Compiler {
    /// First pass: binds the names of the types declared by `decls`, so that members can refer
    /// to any of them.
    func declareTypes(_ decls: [DeclSyntax]) throws {
        for d in decls {
            let (kind, name, generics, node): (NominalType.Kind?, String, GenericParameterClauseSyntax?, Syntax)
            if let s = d.as(StructDeclSyntax.self) { (kind, name, generics, node) = (.structType, s.name.text, s.genericParameterClause, Syntax(s.name)) }
            else if let c = d.as(ClassDeclSyntax.self) { (kind, name, generics, node) = (.classType, c.name.text, c.genericParameterClause, Syntax(c.name)) }
            else if let e = d.as(EnumDeclSyntax.self) { (kind, name, generics, node) = (.enumType, e.name.text, e.genericParameterClause, Syntax(e.name)) }
            else if let p = d.as(ProtocolDeclSyntax.self) {
                try declareProtocol(p)
                continue
            } else if let t = d.as(TypeAliasDeclSyntax.self) {
                if let g = t.genericParameterClause { throw unsupported("generic declaration", g) }
                try checkRedeclaration(t.name.text, t.name)
                let target = try resolveType(t.initializer.value, node: t.initializer)
                scope.names[t.name.text] = Binding(kind: .type(target), slot: -1, owner: function, staticType: nil)
                scope.declaredHere.insert(t.name.text)
                continue
            } else { continue }
            guard let kind = kind else { continue }
            try checkRedeclaration(name, node)
            let n = NominalType(kind: kind, name: name)
            n.genericParameters = generics?.parameters.map { $0.name.text } ?? []
            scope.names[name] = Binding(kind: .type(.nominal(n, [])), slot: -1, owner: function, staticType: nil)
            scope.declaredHere.insert(name)
            if let block = d.asProtocol(DeclGroupSyntax.self)?.memberBlock { try declareNestedTypes(in: n, block) }
        }
        // Types declared inside extensions (`extension Int { enum Kind { ... } }`).
        for d in decls {
            if let x = d.as(ExtensionDeclSyntax.self) { try declareNestedTypes(in: try extendedType(x), x.memberBlock) }
        }
    }

    /// The structs, classes and enums declared inside `outer`'s body, found by name in its
    /// members' bodies and as `Outer.Name` elsewhere.
    func declareNestedTypes(in outer: NominalType, _ block: MemberBlockSyntax) throws {
        for member in block.members {
            let d = member.decl
            let (kind, name, generics, memberBlock): (NominalType.Kind, TokenSyntax, GenericParameterClauseSyntax?, MemberBlockSyntax)
            if let s = d.as(StructDeclSyntax.self) { (kind, name, generics, memberBlock) = (.structType, s.name, s.genericParameterClause, s.memberBlock) }
            else if let c = d.as(ClassDeclSyntax.self) { (kind, name, generics, memberBlock) = (.classType, c.name, c.genericParameterClause, c.memberBlock) }
            else if let e = d.as(EnumDeclSyntax.self) { (kind, name, generics, memberBlock) = (.enumType, e.name, e.genericParameterClause, e.memberBlock) }
            else { continue }
            if outer.nestedTypes[name.text] != nil { throw error("invalid redeclaration of '\(name.text)'", name, kind: "redeclaration") }
            let n = NominalType(kind: kind, name: name.text)
            n.genericParameters = generics?.parameters.map { $0.name.text } ?? []
            n.enclosing = outer
            outer.nestedTypes[name.text] = n
            try declareNestedTypes(in: n, memberBlock)
        }
    }

    /// The nested types of `n`'s body, innermost first, with their bodies (for `compileTypeBodies`).
    private func nestedWork(_ n: NominalType, _ block: MemberBlockSyntax) -> [(NominalType, MemberBlockSyntax, InheritanceClauseSyntax?)] {
        var out: [(NominalType, MemberBlockSyntax, InheritanceClauseSyntax?)] = []
        for member in block.members {
            guard let g = member.decl.asProtocol(DeclGroupSyntax.self), !member.decl.is(ExtensionDeclSyntax.self),
                  let name = member.decl.as(StructDeclSyntax.self)?.name ?? member.decl.as(ClassDeclSyntax.self)?.name ?? member.decl.as(EnumDeclSyntax.self)?.name,
                  let inner = n.nestedTypes[name.text] else { continue }
            out += nestedWork(inner, g.memberBlock)
            out.append((inner, g.memberBlock, g.inheritanceClause))
        }
        return out
    }

    /// A type declared inside the type being compiled or one enclosing it (`Suit` in `Card`).
    func nestedType(_ name: String) -> NominalType? {
        var t = selfType ?? enclosingType
        while let c = t {
            if let n = c.nestedTypes[name] { return n }
            t = c.enclosing
        }
        return nil
    }

    /// Second pass: members, then method bodies. Returns what runs when the declaration does
    /// (static stored properties get their values).
    func compileTypeBodies(_ decls: [DeclSyntax]) throws -> (statics: () throws -> Void, bodies: [() throws -> Void]) {
        var work: [(NominalType, MemberBlockSyntax, InheritanceClauseSyntax?)] = []
        for d in decls {
            if let s = d.as(StructDeclSyntax.self), let n = nominal(s.name.text) { work.append((n, s.memberBlock, s.inheritanceClause)) }
            else if let c = d.as(ClassDeclSyntax.self), let n = nominal(c.name.text) { work.append((n, c.memberBlock, c.inheritanceClause)) }
            else if let e = d.as(EnumDeclSyntax.self), let n = nominal(e.name.text) { work.append((n, e.memberBlock, e.inheritanceClause)) }
            else if let x = d.as(ExtensionDeclSyntax.self) {
                work.append((try extendedType(x), x.memberBlock, x.inheritanceClause))
            }
        }
        work = work.flatMap { nestedWork($0.0, $0.1) + [$0] }
        var bodies: [() throws -> Void] = []
        var statics: [() throws -> Void] = []
        for (n, block, inheritance) in work {
            let savedEnclosing = enclosingType
            defer { enclosingType = savedEnclosing }
            enclosingType = n
            try applyInheritance(n, inheritance)
            let saved = genericNames
            defer { genericNames = saved }
            genericNames.formUnion(n.genericParameters)
            let (b, s) = try declareMembers(n, block)
            bodies.append(contentsOf: b)
            statics.append(contentsOf: s)
        }
        for (n, _, _) in work { finishType(n) }
        return ({ for s in statics { try s() } }, bodies)
    }

    func nominal(_ name: String) -> NominalType? {
        if let b = scope.names[name], case .type(.nominal(let n, _)) = b.kind { return n }
        return nil
    }

    func applyInheritance(_ n: NominalType, _ clause: InheritanceClauseSyntax?) throws {
        guard let clause = clause else { return }
        for (i, inherited) in clause.inheritedTypes.enumerated() {
            let name = inherited.type.trimmedDescription
            if n.kind == .extensionType {
                // `extension Int: Shape`: the builtin type conforms to a cell's protocol.
                if let p = ctx.protocols[name] { p.conformingBuiltins.insert(n.name) }
                continue
            }
            if let p = ctx.protocols[name] {
                if !n.protocols.contains(where: { $0 === p }) { n.protocols.append(p) }
                if !n.conformances.contains(name) { n.conformances.append(name) }
                continue
            }
            if i == 0, n.kind == .classType, let b = scope.lookup(name), case .type(.nominal(let sup, _)) = b.kind, sup.kind == .classType {
                n.superclass = sup
                n.fields = sup.fields
                n.fieldIndex = sup.fieldIndex
                n.observers = sup.observers
                continue
            }
            if i == 0, n.kind == .enumType, let raw = builtins.types[name] {
                n.rawType = raw
                continue
            }
            // The members cells add to a builtin protocol (`extension Comparable`) apply to it.
            if builtinProtocolNames.contains(name), !(name == "Layer" && ctx.protocolNames.contains("Layer")) {
                let e = ctx.builtinExtension(name)
                if !n.protocols.contains(where: { $0 === e }) { n.protocols.append(e) }
            }
            n.conformances.append(name)
        }
    }

    /// Registers fields, enum cases and method signatures; returns the body compilations (run
    /// after every type's members are known) and the static initialisations.
    func declareMembers(_ n: NominalType, _ block: MemberBlockSyntax) throws -> ([() throws -> Void], [() throws -> Void]) {
        var bodies: [() throws -> Void] = []
        var statics: [() throws -> Void] = []
        let ctx = self.ctx
        for member in block.members {
            let decl = member.decl
            let isStatic = decl.asProtocol(WithModifiersSyntax.self)?.modifiers.contains { $0.name.tokenKind == .keyword(.static) || $0.name.tokenKind == .keyword(.class) } ?? false
            switch decl.as(DeclSyntaxEnum.self) {
            case .variableDecl(let v):
                let isLet = v.bindingSpecifier.tokenKind == .keyword(.let)
                let annotations = typeAnnotations(of: v)
                for (bindingIndex, binding) in v.bindings.enumerated() {
                    guard let id = binding.pattern.as(IdentifierPatternSyntax.self) else { throw unsupported("pattern in a property", binding.pattern) }
                    let name = id.identifier.text
                    var type = try annotations[bindingIndex].map { try resolveType($0.type, node: $0.type) }
                    var observerBlocks: [(String, CodeBlockItemListSyntax, String)] = []
                    if let accessors = binding.accessorBlock {
                        if case .accessors(let list) = accessors.accessors,
                           list.allSatisfy({ $0.accessorSpecifier.tokenKind == .keyword(.didSet) || $0.accessorSpecifier.tokenKind == .keyword(.willSet) }) {
                            for a in list {
                                let kind = a.accessorSpecifier.text
                                let param = a.parameters?.name.text ?? (kind == "didSet" ? "oldValue" : "newValue")
                                observerBlocks.append((kind, a.body?.statements ?? [], param))
                            }
                        } else {
                            try declareComputed(n, name, type, accessors, isStatic: isStatic, &bodies)
                            continue
                        }
                    }
                    // `override var value: Int { didSet { } }`: observers added to an inherited property.
                    let isOverride = v.modifiers.contains { $0.name.tokenKind == .keyword(.override) }
                    let inherited = isOverride && !observerBlocks.isEmpty && binding.initializer == nil ? n.fieldIndex[name] : nil
                    if !observerBlocks.isEmpty, !isStatic {
                        let index = inherited ?? n.fields.count
                        var willSet: Function? = nil, didSet: Function? = nil
                        for (kind, items, param) in observerBlocks {
                            let proto = FunctionProto(name: kind, displayName: "\(n.name).\(name).\(kind)",
                                                      params: [Param(label: nil, name: param, type: type, defaultValue: nil, isVariadic: false, isInout: false)],
                                                      hasSelf: true, isMutating: true)
                            let f = Function(proto, captured: ctx.globals)
                            if kind == "didSet" { didSet = f } else { willSet = f }
                            bodies.append { try self.compileFunctionBody(proto, defaults: [nil], body: items, selfType: n, selfIsMutable: true) }
                        }
                        n.observers[index, default: []].append((willSet, didSet))
                    }
                    if inherited != nil { continue }
                    if isStatic {
                        let slot = n.staticValues.count
                        n.staticValues.append(.void)
                        n.staticIndex[name] = slot
                        if let initExpr = binding.initializer?.value {
                            let (eval, size) = try compileStandalone(initExpr, expected: type, selfType: n)
                            statics.append {
                                var v = try eval(Frame.make(size: size, parent: ctx.globals))
                                if let t = type { v = try ctx.coerce(v, to: t) }
                                n.staticValues[slot] = v
                            }
                        }
                        continue
                    }
                    if n.kind == .enumType { throw error("enums must not contain stored properties", id) }
                    if let lazy = v.modifiers.first(where: { $0.name.tokenKind == .keyword(.lazy) }) {
                        try declareLazy(n, name, type, binding, lazy, &bodies)
                        continue
                    }
                    if let (kind, modifier) = ownership(v.modifiers) {
                        try declareOwnershipProperty(n, name, type, binding, kind == "weak" ? "weak" : "unowned", modifier, isLet: isLet)
                        continue
                    }
                    var initial: ((Context) throws -> Value)? = nil
                    // `var capitalCity: City!` starts as nil and holds its value unwrapped, as a
                    // variable does (see `compileVariable`).
                    if annotations[bindingIndex]?.type.is(ImplicitlyUnwrappedOptionalTypeSyntax.self) == true, case .optional(let w)? = type {
                        type = w
                        initial = { _ in .none }
                    }
                    if let initExpr = binding.initializer?.value {
                        let (eval, size) = try compileStandalone(initExpr, expected: type, selfType: nil)
                        initial = { ctx in try eval(Frame.make(size: size, parent: ctx.globals)) }
                    }
                    if n.fieldIndex[name] != nil { throw error("invalid redeclaration of '\(name)'", id, kind: "redeclaration") }
                    n.fieldIndex[name] = n.fields.count
                    n.fields.append(.init(name: name, type: type ?? binding.initializer.flatMap { staticType($0.value) }, isLet: isLet, initial: initial))
                }
            case .functionDecl(let fn):
                try checkSupportedFunction(fn.signature, generics: fn.genericParameterClause, fn)
                let isMutating = fn.modifiers.contains { $0.name.tokenKind == .keyword(.mutating) }
                let name = fn.name.text
                let (proto, defaults) = try makeProto(name: name, owner: n, signature: fn.signature, hasSelf: !isStatic, isMutating: isMutating,
                                                   generics: fn.genericParameterClause)
                let f = Function(proto, captured: ctx.globals)
                if isMutating { ctx.mutatingMethodNames.insert(name) }
                if isStatic {
                    n.staticMethods[proto.key] = f
                    if let c = name.first, !(c.isLetter || c == "_") {
                        let isPrefix = fn.modifiers.contains { $0.name.tokenKind == .keyword(.prefix) }
                        n.operators[(isPrefix ? "prefix" : "") + name, default: []].append(f)
                    }
                } else {
                    n.methods[proto.key] = f
                    n.methodsByBaseName[name, default: []].removeAll { $0.proto.key == proto.key }
                    n.methodsByBaseName[name, default: []].insert(f, at: 0)
                }
                let body = fn.body?.statements
                bodies.append { try self.compileFunctionBody(proto, defaults: defaults, body: body, selfType: n, selfIsMutable: n.kind == .classType) }
            case .initializerDecl(let i):
                if let q = i.optionalMark { throw unsupported("failable initializer", q) }
                try checkSupportedFunction(i.signature, generics: i.genericParameterClause, i)
                let (proto, defaults) = try makeProto(name: "init", owner: n, signature: i.signature, hasSelf: true, isMutating: true, generics: i.genericParameterClause)
                n.initializers[proto.key] = Function(proto, captured: ctx.globals)
                // An initializer in an extension keeps a struct's memberwise one, as in Swift.
                if !block.parent!.is(ExtensionDeclSyntax.self) { n.hasOwnInitializer = true }
                let body = i.body?.statements
                bodies.append { try self.compileFunctionBody(proto, defaults: defaults, body: body, selfType: n, isInit: true) }
            case .enumCaseDecl(let c):
                guard n.kind == .enumType else { throw error("enum 'case' is not allowed outside of an enum", c) }
                for element in c.elements {
                    var raw: Value? = nil
                    if let rv = element.rawValue {
                        raw = try compileStandalone(rv.value, expected: n.rawType, selfType: nil).0(ctx.globals)
                    } else if let rt = n.rawType {
                        switch rt {
                        case .string: raw = .string(element.name.text)
                        case .int:
                            var next = 0
                            if let prev = n.cases.last?.rawValue, case .int(let p) = prev { next = p + 1 }
                            raw = .int(next)
                        default: break
                        }
                    }
                    let labels = element.parameterClause?.parameters.map { $0.firstName?.text == "_" ? nil : $0.firstName?.text } ?? []
                    n.caseIndex[element.name.text] = n.cases.count
                    let types = try element.parameterClause?.parameters.map { try resolveType($0.type, node: $0.type) } ?? []
                    n.cases.append(.init(name: element.name.text, rawValue: raw, labels: labels, types: types, instance: nil))
                }
            case .subscriptDecl(let s):
                // Subscript parameters have no argument labels unless they name one (`subscript(row r: Int)`).
                let ps = try zip(parameters(s.parameterClause), s.parameterClause.parameters).map { p, syntax in
                    (param: syntax.secondName == nil ? Param(label: nil, name: p.param.name, type: p.param.type, defaultValue: p.param.defaultValue,
                                                             isVariadic: p.param.isVariadic, isInout: p.param.isInout) : p.param,
                     defaultSyntax: p.defaultSyntax)
                }
                let returnType = try resolveType(s.returnClause.type, node: s.returnClause)
                let proto = FunctionProto(name: "subscript", displayName: "\(n.name).subscript", params: ps.map(\.param), hasSelf: !isStatic, returnType: returnType)
                // `static subscript(n: Int)`: `Planet[4]`.
                if isStatic { n.staticMethods[proto.key] = Function(proto, captured: ctx.globals) } else { n.methods[proto.key] = Function(proto, captured: ctx.globals) }
                guard let acc = s.accessorBlock else { throw error("subscript needs a body", s) }
                var getItems: CodeBlockItemListSyntax? = nil
                switch acc.accessors {
                case .getter(let items): getItems = items
                case .accessors(let list):
                    for a in list {
                        switch a.accessorSpecifier.tokenKind {
                        case .keyword(.get): getItems = a.body?.statements
                        case .keyword(.set):
                            // The setter: the indices, then the new value; `self` is changed in place.
                            let valueName = a.parameters?.name.text ?? "newValue"
                            let setter = FunctionProto(name: "subscript=", displayName: "\(n.name).subscript.setter",
                                                       params: ps.map(\.param) + [Param(label: nil, name: valueName, type: returnType, defaultValue: nil, isVariadic: false, isInout: false)],
                                                       hasSelf: !isStatic, isMutating: !isStatic)
                            if isStatic { n.staticMethods[setter.key] = Function(setter, captured: ctx.globals) } else { n.methods[setter.key] = Function(setter, captured: ctx.globals) }
                            let items = a.body?.statements
                            bodies.append { try self.compileFunctionBody(setter, defaults: ps.map(\.defaultSyntax) + [nil], body: items, selfType: n, selfIsMutable: !isStatic) }
                        default: throw unsupported("'\(a.accessorSpecifier.text)' accessor", a)
                        }
                    }
                }
                let gi = getItems
                bodies.append { try self.compileFunctionBody(proto, defaults: ps.map(\.defaultSyntax), body: gi, selfType: n) }
            case .typeAliasDecl(let t): throw unsupported("type alias inside a type", t)
            case .structDecl, .classDecl, .enumDecl: continue  // nested types: declared by declareNestedTypes
            case .deinitializerDecl(let d):
                guard n.kind == .classType else {
                    if n.kind == .structType || n.kind == .enumType {
                        throw error("deinitializer cannot be declared in \(n.kind == .structType ? "struct" : "enum") '\(n.name)' that conforms to 'Copyable'", d.deinitKeyword, kind: "type")
                    }
                    throw error("deinitializers may only be declared within a class, actor, or noncopyable type", d.deinitKeyword, kind: "type")
                }
                let proto = FunctionProto(name: "deinit", displayName: "\(n.name).deinit", params: [], hasSelf: true)
                n.deinitializer = Function(proto, captured: ctx.globals)
                let body = d.body?.statements
                bodies.append { try self.compileFunctionBody(proto, defaults: [], body: body, selfType: n, selfIsMutable: true) }
            default: throw unsupported("member declaration", decl)
            }
        }
        return (bodies, statics)
    }

    func declareComputed(_ n: NominalType, _ name: String, _ type: TypeRef?, _ accessors: AccessorBlockSyntax, isStatic: Bool,
                         _ bodies: inout [() throws -> Void]) throws {
        let (getBody, setBody, setName) = try computedAccessors(accessors)
        let getter = FunctionProto(name: name, displayName: "\(n.name).\(name).getter", params: [], hasSelf: !isStatic, returnType: type)
        let ctx = self.ctx
        if isStatic { n.staticGetters[name] = Function(getter, captured: ctx.globals) } else { n.getters[name] = Function(getter, captured: ctx.globals) }
        let gb = getBody
        bodies.append { try self.compileFunctionBody(getter, defaults: [], body: gb, selfType: n) }
        if let sb = setBody, !isStatic {
            let setter = FunctionProto(name: name, displayName: "\(n.name).\(name).setter",
                                       params: [Param(label: nil, name: setName, type: type, defaultValue: nil, isVariadic: false, isInout: false)],
                                       hasSelf: true, isMutating: true)
            n.setters[name] = Function(setter, captured: ctx.globals)
            bodies.append { try self.compileFunctionBody(setter, defaults: [nil], body: sb, selfType: n, selfIsMutable: true) }
        }
    }

    /// `lazy var name = expr`: a hidden field (`$__lazy_storage_$_name`, as Swift names it) holds
    /// nil until the property is first read; then `expr` runs, with `self` and the other members
    /// in scope, and its value is kept. Assigning the property stores the value. In a struct the
    /// first read changes the value, so it goes through the variable (`Context.readLazy`).
    func declareLazy(_ n: NominalType, _ name: String, _ type: TypeRef?, _ binding: PatternBindingSyntax, _ lazy: DeclModifierSyntax,
                     _ bodies: inout [() throws -> Void]) throws {
        guard let initExpr = binding.initializer?.value else { throw error("lazy properties must have an initializer", lazy) }
        if n.fieldIndex[name] != nil || n.getters[name] != nil { throw error("invalid redeclaration of '\(name)'", binding.pattern, kind: "redeclaration") }
        let storage = n.fields.count
        let storageName = lazyStoragePrefix + name
        n.fieldIndex[storageName] = storage
        n.fields.append(.init(name: storageName, type: nil, isLet: false, initial: { _ in .none }))
        let initial = FunctionProto(name: name, displayName: "\(n.name).\(name)", params: [], hasSelf: true, returnType: type)
        let initialFunction = Function(initial, captured: ctx.globals)
        bodies.append { try self.compileFunctionBody(initial, defaults: [], body: nil, selfType: n, expression: initExpr) }
        let getter = FunctionProto(name: name, displayName: "\(n.name).\(name).getter", params: [], hasSelf: true, returnType: type)
        n.lazyProperties[name] = (storage, initialFunction)
        getter.native = { ctx, args in
            var selfValue = args[0]
            if case .object = selfValue { return try ctx.readLazy(&selfValue, name) }
            if case .structValue(let s) = selfValue, case .some(let v) = s.fields[storage] { return v }
            throw RuntimeError("cannot use mutating getter on immutable value: lazy property '\(name)' of a struct is read from a constant")
        }
        n.getters[name] = Function(getter, captured: nil)
        let setter = FunctionProto(name: name, displayName: "\(n.name).\(name).setter",
                                   params: [Param(label: nil, name: "newValue", type: type, defaultValue: nil, isVariadic: false, isInout: false)],
                                   hasSelf: true, isMutating: true)
        // A native setter returns `self` changed (see `Context.callSetter`).
        setter.native = { ctx, args in
            let v = Value.some(try type.map { try ctx.coerce(args[1], to: $0) } ?? args[1])
            switch args[0] {
            case .object(let o): o.fields[storage] = v; return args[0]
            case .structValue(var s): s.fields[storage] = v; return .structValue(s)
            default: throw RuntimeError("lazy property '\(name)': expected an instance of \(n.name)")
            }
        }
        n.setters[name] = Function(setter, captured: nil)
    }

    /// `weak var parent: Node?`, `unowned let owner: Person` in a class: a hidden field holds a
    /// `WeakReference` (or nil), and the property is read and written through accessors (nil, or
    /// Swift's trap for `unowned`, once nothing else holds the instance).
    func declareOwnershipProperty(_ n: NominalType, _ name: String, _ type: TypeRef?, _ binding: PatternBindingSyntax, _ kind: String,
                                  _ modifier: DeclModifierSyntax, isLet: Bool) throws {
        guard n.kind == .classType else { throw unsupported("'\(kind)' property of a \(n.kind == .structType ? "struct" : "enum")", modifier) }
        if binding.accessorBlock != nil { throw unsupported("property observers on a '\(kind)' property", binding.accessorBlock!) }
        if kind == "weak", let t = type, binding.typeAnnotation != nil {
            guard case .optional = t else { throw error("'weak' variable should have optional type '\(sugaredName(t))?'", binding.pattern, kind: "type") }
        }
        if n.fieldIndex[name] != nil || n.getters[name] != nil { throw error("invalid redeclaration of '\(name)'", binding.pattern, kind: "redeclaration") }
        let r = range(modifier)
        let storage = n.fields.count
        let storageName = "$__\(kind)_storage_$_" + name
        var initial: (Context) throws -> Value = { _ in .none }
        if let initExpr = binding.initializer?.value {
            let (eval, size) = try compileStandalone(initExpr, expected: type, selfType: nil)
            initial = { ctx in try weakStore(try eval(Frame.make(size: size, parent: ctx.globals)), construct: kind, at: r) }
        }
        n.fieldIndex[storageName] = storage
        n.fields.append(.init(name: storageName, type: nil, isLet: false, initial: initial))
        let getter = FunctionProto(name: name, displayName: "\(n.name).\(name).getter", params: [], hasSelf: true, returnType: type)
        getter.native = { _, args in
            guard case .object(let o) = args[0] else { throw RuntimeError("'\(kind)' property '\(name)': expected an instance of \(n.name)") }
            return kind == "weak" ? weakLoad(o.fields[storage]) : try unownedLoad(o.fields[storage], at: nil)
        }
        n.getters[name] = Function(getter, captured: nil)
        let setter = FunctionProto(name: name, displayName: "\(n.name).\(name).setter",
                                   params: [Param(label: nil, name: "newValue", type: type, defaultValue: nil, isVariadic: false, isInout: false)],
                                   hasSelf: true, isMutating: true)
        setter.native = { ctx, args in
            guard case .object(let o) = args[0] else { throw RuntimeError("'\(kind)' property '\(name)': expected an instance of \(n.name)") }
            if isLet, ctx.initializing == 0 { throw RuntimeError("cannot assign to property: '\(name)' is a 'let' constant") }
            o.fields[storage] = try weakStore(args[1], construct: kind, at: r)
            return args[0]
        }
        n.setters[name] = Function(setter, captured: nil)
    }

    /// Initial values and memberwise initializer once all members are known.
    func finishType(_ n: NominalType) {
        if n.kind == .classType {
            var t: NominalType? = n
            while let c = t, n.deinitQueue == nil { if c.deinitializer != nil { n.deinitQueue = ctx.deinitQueue }; t = c.superclass }
        }
        for i in n.cases.indices where n.cases[i].labels.isEmpty && n.cases[i].instance == nil {
            n.cases[i].instance = EnumValue(type: n, caseIndex: i, payload: [])
        }
        if n.kind == .structType, !n.hasOwnInitializer {
            let mw = ctx.memberwiseInitializer(n)
            n.initializers = n.initializers.filter { $0.value.proto.native == nil }
            n.initializers[mw.proto.key] = mw
        }
        if n.kind == .classType, n.initializers.isEmpty, n.superclass == nil || n.superclass!.initializers.values.allSatisfy({ $0.proto.native != nil }) {
            let proto = FunctionProto(name: "init", displayName: "\(n.name).init()", params: [])
            proto.native = { ctx, _ in try ctx.blankInstance(n) }
            n.initializers = [proto.key: Function(proto, captured: nil)]
        }
    }

    /// An expression compiled in its own frame (property defaults, static values, raw values).
    func compileStandalone(_ e: ExprSyntax, expected: TypeRef?, selfType owner: NominalType?) throws -> (Eval, Int) {
        let saved = (scope, function, selfType)
        // Defaults see the top level, not the locals of where the type is declared.
        var top = scope
        while let p = top.parent, !top.function.isGlobal || p.function.isGlobal { top = p; if top.function.isGlobal && top.parent == nil { break } }
        function = FunctionScope(parent: top.function)
        scope = Scope(parent: top, function: function)
        selfType = owner
        defer { (scope, function, selfType) = saved }
        let eval = try compileExpr(e, expected: expected)
        return (eval, function.size)
    }
}
