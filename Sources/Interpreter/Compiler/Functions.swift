import SwiftSyntax
import Reports

extension Compiler {
    /// Saves what changes while compiling a nested function and restores it afterwards.
    func nested<T>(selfType newSelf: NominalType?, returnType newReturn: TypeRef?, mutating: Bool, initializer: Bool = false,
                   _ body: () throws -> T) rethrows -> T {
        let saved = (scope, function, targets, returnType, selfType, inMutatingContext, inInitializer)
        function = FunctionScope(parent: function)
        scope = Scope(parent: scope, function: function)
        targets = []
        returnType = newReturn
        selfType = newSelf
        inMutatingContext = mutating
        inInitializer = initializer
        defer { (scope, function, targets, returnType, selfType, inMutatingContext, inInitializer) = saved }
        return try body()
    }

    func checkSupportedFunction(_ signature: FunctionSignatureSyntax, generics: GenericParameterClauseSyntax?, _ node: some SyntaxProtocol) throws {
        if let a = signature.effectSpecifiers?.asyncSpecifier { throw unsupported("'async'", a) }
    }

    func parameters(_ clause: FunctionParameterClauseSyntax) throws -> [(param: Param, defaultSyntax: ExprSyntax?)] {
        try clause.parameters.map { p in
            let label = p.firstName.text == "_" ? nil : p.firstName.text
            let name = p.secondName?.text ?? p.firstName.text
            var isInout = false, isAutoclosure = false
            var typeSyntax = p.type
            if let attributed = p.type.as(AttributedTypeSyntax.self) {
                isInout = attributed.specifiers.contains { $0.as(SimpleTypeSpecifierSyntax.self)?.specifier.tokenKind == .keyword(.inout) }
                isAutoclosure = attributed.attributes.contains { $0.as(AttributeSyntax.self)?.attributeName.trimmedDescription == "autoclosure" }
                typeSyntax = attributed.baseType
            }
            // `_ x: Int!` is used without unwrapping: it holds and is seen as the wrapped type.
            if let iuo = typeSyntax.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) { typeSyntax = iuo.wrappedType }
            let type = try resolveType(typeSyntax, node: p)
            let isVariadic = p.ellipsis != nil
            return (Param(label: label, name: name, type: isVariadic ? .array(type) : type, defaultValue: nil, isVariadic: isVariadic, isInout: isInout,
                          isAutoclosure: isAutoclosure),
                    p.defaultValue?.value)
        }
    }

    /// A function's signature as a prototype; its body is compiled later by `compileFunctionBody`.
    func makeProto(name: String, owner: NominalType?, signature: FunctionSignatureSyntax, hasSelf: Bool, isMutating: Bool,
                   generics: GenericParameterClauseSyntax? = nil) throws -> (FunctionProto, [ExprSyntax?]) {
        let genericParameters = generics?.parameters.map { $0.name.text } ?? []
        let savedGenerics = genericNames
        defer { genericNames = savedGenerics }
        genericNames.formUnion(genericParameters)
        var ps = try parameters(signature.parameterClause)
        // Operator functions (`static func < (a: P, b: P)`) have no argument labels.
        if let c = name.first, !(c.isLetter || c == "_") {
            ps = ps.map { p in (Param(label: nil, name: p.param.name, type: p.param.type, defaultValue: p.param.defaultValue,
                                      isVariadic: p.param.isVariadic, isInout: p.param.isInout), p.defaultSyntax) }
        }
        let returnType = try signature.returnClause.map { try resolveType($0.type, node: $0) }
        let display = (owner.map { $0.name + "." } ?? "") + functionKey(name, ps.map(\.param.label))
        // Defaults are compiled with the body; until then a placeholder marks them as present.
        let params = ps.map { p in
            p.defaultSyntax == nil ? p.param : Param(label: p.param.label, name: p.param.name, type: p.param.type,
                                                     defaultValue: { _ in throw RuntimeError("default value used before it was compiled") },
                                                     isVariadic: p.param.isVariadic, isInout: p.param.isInout)
        }
        let proto = FunctionProto(name: name, displayName: display, params: params, hasSelf: hasSelf, isMutating: isMutating, returnType: returnType)
        proto.genericParameters = genericParameters
        // `throws(StatisticsError)`: what `throw .noRatings` in the body is.
        if let t = signature.effectSpecifiers?.throwsClause?.type { proto.thrownType = try resolveType(t, node: t) }
        return (proto, ps.map(\.defaultSyntax))
    }

    /// Compiles parameters' default values and the body into `proto`.
    func compileFunctionBody(_ proto: FunctionProto, defaults: [ExprSyntax?], body: CodeBlockItemListSyntax?, selfType owner: NominalType?,
                             isInit: Bool = false, selfIsMutable: Bool = false, extraParams: [String] = [],
                             expression: ExprSyntax? = nil) throws {
        try nested(selfType: owner, returnType: proto.returnType, mutating: proto.isMutating, initializer: isInit) {
            if let t = owner { scope.members = { name in t.hasMember(name) } }
            let savedGenerics = genericNames
            defer { genericNames = savedGenerics }
            genericNames.formUnion(proto.genericParameters)
            if let t = owner {
                genericNames.formUnion(t.genericParameters)
                for p in t.protocols { genericNames.formUnion(p.genericParameters) }
            }
            if proto.hasSelf {
                let slot = declareSlot("self", isLet: !(selfIsMutable || proto.isMutating || isInit), type: owner.map { .nominal($0, []) })
                precondition(slot == 0)
                // A class's `self` is a reference that never changes: closures copy it (as Swift
                // captures it) instead of keeping the method's frame.
                if owner?.kind == .classType { scope.names["self"]?.captureByValue = true }
            }
            // Defaults are compiled before the parameters exist (they cannot refer to them).
            var params = proto.params
            for (i, d) in defaults.enumerated() {
                guard let d = d else { continue }
                let eval = try compileExpr(d, expected: params[i].type)
                let p = params[i]
                params[i] = Param(label: p.label, name: p.name, type: p.type, defaultValue: eval, isVariadic: p.isVariadic, isInout: p.isInout,
                                  isAutoclosure: p.isAutoclosure)
            }
            proto.params = params
            for p in proto.params {
                let slot = function.allocate()
                if p.name != "_" {
                    scope.names[p.name] = Binding(kind: .variable(isLet: !p.isInout), slot: slot, owner: function, staticType: p.type)
                    scope.declaredHere.insert(p.name)
                }
            }
            for extra in extraParams {
                _ = declareSlot(extra, isLet: true, type: nil)
            }
            let savedThrown = thrownType
            thrownType = proto.thrownType
            defer { thrownType = savedThrown }
            if let items = body {
                // The body is a scope inside the parameters' (`let a = Array(a)` is allowed).
                if !isInit { try checkMissingReturn(items, returnType: proto.returnType) }
                let saved = pushScope()
                defer { scope = saved }
                proto.body = try compileFunctionStatements(items, implicitReturn: proto.returnType != nil && !isInit, for: proto)
            } else if let e = expression {
                // A body that is one expression of the type's (a `lazy var`'s initial value).
                var value = try compileExpr(e, expected: returnType)
                if let t = returnType {
                    let (plain, ctx) = (value, self.ctx)
                    value = { f in try ctx.coerce(try plain(f), to: t) }
                }
                proto.body = { [value] f in
                    f.returnValue = try value(f)
                    return .returned
                }
            } else {
                proto.body = { _ in .normal }
            }
            proto.frameSize = function.size
            proto.isCompiled = true
        }
    }

    /// A body whose single expression is its result (`{ $0 * 2 }`, `var area: Double { w * h }`,
    /// or one `if`/`switch` whose branches are single expressions). Such a body is also given to
    /// `proto` as its `expressionBody`: calls take its value directly.
    func compileFunctionStatements(_ items: CodeBlockItemListSyntax, implicitReturn: Bool, for proto: FunctionProto? = nil) throws -> Exec {
        guard implicitReturn, items.count == 1, let e = onlyExpression(items.first!.item), isValueExpression(e) else {
            return try compileStatements(items)
        }
        var value = try compileExpr(e, expected: returnType)
        if let t = returnType, needsCoercion(t) {
            let (plain, ctx) = (value, self.ctx)
            value = { f in try ctx.coerce(try plain(f), to: t) }
        }
        proto?.expressionBody = value
        return { [value] f in
            f.returnValue = try value(f)
            return .returned
        }
    }

    // MARK: Closures

    /// `expected` is the function type the context gives (`let f: (Double) -> Double = { $0 + 1 }`,
    /// a closure argument): parameters and result written without types take its types.
    func compileClosure(_ c: ClosureExprSyntax, expected: TypeRef? = nil) throws -> Eval {
        var names: [String] = []
        var types: [TypeRef?] = []
        var returnType: TypeRef? = nil
        // A capture list (`[x]`, `[n = x + 1]`, `[weak self]`) copies its values when the closure is
        // made; a `weak` or `unowned` one holds a `WeakReference` (see `VariableAccessors.ownership`).
        var listed: [(name: String, value: Eval, ownership: (kind: String, range: SourceRange)?)] = []
        if let sig = c.signature {
            for item in sig.capture?.items ?? [] {
                let name = item.name.text
                var ownership: (kind: String, range: SourceRange)? = nil
                if let s = item.specifier {
                    if s.specifier.tokenKind == .keyword(.weak) { ownership = ("weak", range(s)) }
                    else if s.specifier.tokenKind == .keyword(.unowned) { ownership = ("unowned", range(s)) }
                }
                var value: Eval
                if let initializer = item.initializer {
                    value = try compileExpr(initializer.value)
                } else if name == "self", ownership == nil {
                    continue
                } else if let b = scope.lookup(name) {
                    value = load(b)
                } else {
                    value = unknownName(name, item)
                }
                if let (kind, r) = ownership {
                    let strong = value
                    value = { f in try weakStore(try strong(f), construct: kind, at: r) }
                }
                listed.append((name, value, ownership))
            }
            if let e = sig.effectSpecifiers?.asyncSpecifier { throw unsupported("'async'", e) }
            switch sig.parameterClause {
            case .simpleInput(let list)?:
                names = list.map { $0.name.text }
                types = names.map { _ in nil }
            case .parameterClause(let clause)?:
                for p in clause.parameters {
                    names.append(p.secondName?.text ?? p.firstName.text)
                    types.append(try p.type.map { try resolveType($0, node: $0) })
                }
            case nil: break
            }
            returnType = try sig.returnClause.map { try resolveType($0.type, node: $0) }
        } else {
            let count = AnonymousParameterCounter.count(in: c.statements)
            names = (0..<count).map { "$\($0)" }
            types = names.map { _ in nil }
        }
        let writtenReturnType = returnType
        var contextType = expected
        if case .optional(let w)? = contextType { contextType = w }
        if case .function(let ps, let result)? = contextType {
            for i in types.indices where types[i] == nil && i < ps.count { types[i] = ps[i] }
            if returnType == nil, !isVoidOrAny(result) { returnType = result }
        }
        try checkMissingReturn(c.statements, returnType: writtenReturnType)
        let params = zip(names, types).map { Param(label: nil, name: $0, type: $1, defaultValue: nil, isVariadic: false, isInout: false) }
        let loc = range(c).start
        let proto = FunctionProto(name: "closure", displayName: "closure at \(loc.line):\(loc.column)", params: params, returnType: returnType)
        var capturedBindings: [(binding: Binding, slot: Int)] = []
        var listedSlots: [Int] = []
        var usesParentFrame = true
        try nested(selfType: selfType, returnType: returnType, mutating: false) {
            for item in listed {
                let slot = declareSlot(item.name, isLet: true, type: nil)
                if let (kind, r) = item.ownership { scope.names[item.name]?.accessors = .ownership(kind, slot: slot, at: r) }
                listedSlots.append(slot)
            }
            let cc = ClosureCaptures(function: function)
            closureCaptures.append(cc)
            defer { closureCaptures.removeLast(); capturedBindings = cc.captured }
            // `self` stays visible inside closures in methods (it is read through the parent frame).
            for p in params {
                let slot = function.allocate()
                if p.name != "_" {
                    scope.names[p.name] = Binding(kind: .variable(isLet: false), slot: slot, owner: function, staticType: p.type)
                    scope.declaredHere.insert(p.name)
                }
            }
            // The body is a scope inside the parameters' (`{ number in var number = number ... }`).
            let savedScope = pushScope()
            defer { scope = savedScope }
            proto.body = try compileFunctionStatements(c.statements, implicitReturn: true, for: proto)
            proto.frameSize = function.size
            proto.isCompiled = true
            usesParentFrame = function.usesParentFrame
        }
        // A closure that uses no variable of the enclosing call (only copies, its own and top-level
        // ones) does not keep that call's frame, and so its other variables, alive.
        let keepsFrame = usesParentFrame
        if capturedBindings.isEmpty && listed.isEmpty {
            return keepsFrame ? { f in .function(Function(proto, captured: f)) } : { _ in .function(Function(proto, captured: nil)) }
        }
        // Copied constants are read now, in the creating frame.
        proto.captureSlots = listedSlots + capturedBindings.map(\.slot)
        let loads = listed.map(\.value) + capturedBindings.map { load($0.binding) }
        return { f in
            let fn = Function(proto, captured: keepsFrame ? f : nil)
            fn.captures = try loads.map { try $0(f) }
            return .function(fn)
        }
    }
}

private func isVoidOrAny(_ t: TypeRef) -> Bool {
    switch t {
    case .void, .any: return true
    default: return false
    }
}

/// Counts `$0`, `$1`, ... used by a closure (not by closures nested in it).
final class AnonymousParameterCounter: SyntaxVisitor {
    var highest = -1
    static func count(in node: some SyntaxProtocol) -> Int {
        let v = AnonymousParameterCounter(viewMode: .sourceAccurate)
        v.walk(node)
        return v.highest + 1
    }
    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        if case .dollarIdentifier(let name) = node.baseName.tokenKind, let n = Int(name.dropFirst()) { highest = max(highest, n) }
        return .visitChildren
    }
}
