import SwiftSyntax
import Reports

/// The arguments of a call site, compiled.
struct CompiledArguments {
    var evals: [EvalBox]
    var labels: [String?]
    var trailing: [Bool]
    var nodes: [ExprSyntax]

    func evaluate(_ f: Frame) throws -> CallArguments {
        var values: [Value] = []
        values.reserveCapacity(evals.count)
        for e in evals { values.append(try e.eval(f)) }
        return CallArguments(values: values, labels: labels, trailing: trailing)
    }
}

extension Compiler {
    func argumentNodes(_ call: FunctionCallExprSyntax) -> (nodes: [ExprSyntax], labels: [String?], trailing: [Bool]) {
        var nodes: [ExprSyntax] = [], labels: [String?] = [], trailing: [Bool] = []
        for a in call.arguments { nodes.append(a.expression); labels.append(a.label?.text); trailing.append(false) }
        if let c = call.trailingClosure { nodes.append(ExprSyntax(c)); labels.append(nil); trailing.append(true) }
        for extra in call.additionalTrailingClosures {
            nodes.append(ExprSyntax(extra.closure)); labels.append(extra.label.text); trailing.append(true)
        }
        return (nodes, labels, trailing)
    }

    func compileArguments(_ call: FunctionCallExprSyntax, expected: [TypeRef?] = []) throws -> CompiledArguments {
        let (nodes, labels, trailing) = argumentNodes(call)
        for (n, t) in zip(nodes, expected) { if let t = t { try checkLiteral(n, against: t, context: .argument) } }
        let evals = try nodes.enumerated().map { i, n in EvalBox(eval: try compileExpr(n, expected: i < expected.count ? expected[i] : nil)) }
        return CompiledArguments(evals: evals, labels: labels, trailing: trailing, nodes: nodes)
    }

    func compileCall(_ call: FunctionCallExprSyntax, expected: TypeRef?) throws -> Eval {
        let r = range(call)
        let ctx = self.ctx
        let callee = call.calledExpression
        let (nodes, labels, trailing) = argumentNodes(call)

        if let ref = callee.as(DeclReferenceExprSyntax.self), ref.baseName.tokenKind != .keyword(.self) {
            let name = ref.baseName.text
            if let n = nestedType(name), !isVariable(name) { return try compileConstruct(.nominal(n, []), call) }
            if let b = scope.lookup(name) {
                switch b.kind {
                case .functions(let overloads):
                    if let (proto, slot, plan) = overloads.lazy.compactMap({ o in matchArguments(labels, trailing, o.proto.params).map { (o.proto, o.slot, $0) } }).first {
                        return try compileDirectCall(proto, Binding(kind: b.kind, slot: slot, owner: b.owner), plan, nodes, call)
                    }
                    throw callMismatch(name, overloads.map(\.proto), labels, trailing, call)
                case .type(let t):
                    return try compileConstruct(t, call)
                case .variable(let isLet):
                    let fn = load(b)
                    let args = try compileArguments(call)
                    if !isLet, ctx.mutatingMethodNames.contains("callAsFunction") {
                        // `acc(5)` with a `mutating func callAsFunction`: the call changes the variable.
                        let lv = try compileLValue(callee)
                        return { f in
                            let a = try args.evaluate(f)
                            var result = Value.void
                            try lv.modify(f) { v in
                                switch v {
                                case .structValue, .enumValue: result = try ctx.callMethod(&v, "callAsFunction", a, at: r)
                                default: result = try ctx.callValue(v, a, at: r)
                                }
                            }
                            return result
                        }
                    }
                    return { f in
                        let c = try fn(f)
                        return try ctx.callValue(c, try args.evaluate(f), at: r)
                    }
                }
            }
            if let t = selfType, !t.methods(named: name).isEmpty || hasPendingMember(t, name), let selfBinding = scope.lookup("self") {
                return try compileMethodCall(base: load(selfBinding), lvalue: try? compileLValue(ExprSyntax(DeclReferenceExprSyntax(baseName: .keyword(.self)))),
                                             name: name, call: call, node: ref)
            }
            if let t = selfType, let member = try implicitSelfMember(name, t, ref) {
                // A property holding a closure or a callable value (`activation(x)`, `second(x)`).
                let args = try compileArguments(call)
                return { f in
                    let c = try member(f)
                    return try ctx.callValue(c, try args.evaluate(f), at: r)
                }
            }
            if let t = selfType, t.staticMethods.values.contains(where: { $0.proto.name == name }) {
                let v = Value.type(.nominal(t, []))
                return try compileMethodCall(base: { _ in v }, lvalue: nil, name: name, call: call, node: ref)
            }
            if let fs = builtins.functions[name] {
                for fn in fs { if let plan = matchArguments(labels, trailing, fn.proto.params) { return try compileNativeCall(fn, plan, call) } }
                let known = fs.map { $0.proto.displayName }.joined(separator: ", ")
                throw error("no '\(name)' accepts the arguments (\(labels.map { ($0 ?? "_") + ":" }.joined())); known: \(known)", call, kind: "type")
            }
            if let t = builtins.types[name] { return try compileConstruct(t, call) }
            _ = try compileArguments(call)
            return unknownName(name, ref)
        }
        if let m = callee.as(MemberAccessExprSyntax.self) {
            let name = m.declName.baseName.text
            guard let baseExpr = m.base else {
                // `.token("a")`: an implicit member with arguments, resolved against its type.
                let args = try compileArguments(call)
                if case .nominal(let n, let types)? = expected {
                    return { f in
                        let a = try args.evaluate(f)
                        return try located(r) { try ctx.resolveImplicitMember(ImplicitMember(name: name, arguments: a.values, labels: a.labels, hasCall: true), in: n, typeArguments: types) }
                    }
                }
                return { f in
                    let a = try args.evaluate(f)
                    return .implicitMember(ImplicitMember(name: name, arguments: a.values, labels: a.labels, hasCall: true))
                }
            }
            if baseExpr.is(SuperExprSyntax.self) { return try compileSuperCall(name, call) }
            if name == "init", baseExpr.as(DeclReferenceExprSyntax.self)?.baseName.tokenKind == .keyword(.self),
               let t = selfType, let selfBinding = scope.lookup("self") {
                return try compileDelegatingInit(t, selfBinding, call)
            }
            if let t = try typeNamed(baseExpr), name == "init" { return try compileConstruct(t, call) }
            // `Card.Suit(rawValue: "♠")`, `Library.Book(title: "Dune")`
            if case .nominal(let outer, _)? = try typeNamed(baseExpr), let n = outer.nestedTypes[name] { return try compileConstruct(.nominal(n, []), call) }
            let base = try compileChainBase(baseExpr, member: name)
            // Methods that change their receiver (the builtins' and the cells' own) go through its storage.
            let mutating = builtins.mutatingMethodNames.contains(name) || ctx.mutatingMethodNames.contains(name)
            var lv: LValue? = nil
            if mutating {
                do { lv = try lvalueOrTemporary(baseExpr, change: .mutatingMember, at: Syntax(m.declName)) } catch let e as CompileError {
                    // Only a known value type is certainly immutable; otherwise the call decides.
                    if e.diagnostic.kind == "type", e.diagnostic.message.hasPrefix("cannot use mutating member") { throw e }
                }
            }
            var elementType: TypeRef? = nil
            // An element argument takes the collection's element type (`bytes.contains(200)` with bytes: [UInt8]).
            if ["append", "insert", "contains", "firstIndex", "lastIndex"].contains(name), case .array(let e)? = lv?.staticType ?? staticType(baseExpr), needsCoercion(e) { elementType = e }
            if ["insert", "contains", "remove"].contains(name), case .set(let e)? = lv?.staticType ?? staticType(baseExpr), needsCoercion(e) { elementType = e }
            // `counts.append("x")` with counts: [Int] is rejected before the cell runs.
            if ["append", "insert", "contains"].contains(name), let first = call.arguments.first, first.label == nil,
               case .array(let e)? = lv?.staticType ?? staticType(baseExpr), isBasic(e) {
                try checkLiteral(first.expression, against: e, context: .argument)
            }
            let eval = try compileMethodCall(base: base.eval, lvalue: lv, name: name, call: call, node: m.declName, elementType: elementType,
                                             parameterTypes: methodParameterTypes(baseExpr, name, call))
            return base.chained ? wrapChain(eval) : eval
        }
        if callee.is(GenericSpecializationExprSyntax.self) || callee.is(ArrayExprSyntax.self) || callee.is(DictionaryExprSyntax.self) {
            guard let t = try typeFromExpression(callee) else { throw unsupported("call of '\(callee.trimmedDescription)'", callee) }
            if case .nominal(let n, _) = t, !n.genericParameters.isEmpty, let g = callee.as(GenericSpecializationExprSyntax.self) {
                // `Stack<Int>()`: the instance keeps its type arguments (it prints as `Stack<Int>(...)`).
                let types = try g.genericArgumentClause.arguments.map { arg -> TypeRef in
                    guard case .type(let ty) = arg.argument else { throw unsupported("generic argument", arg) }
                    return try resolveType(ty, node: arg)
                }
                let construct = try compileConstruct(t, call)
                let bound = TypeRef.nominal(n, types)
                return { f in
                    let v = try construct(f)
                    // A struct's fields take the arguments (`Pair<Double>(first: 1, ...)` holds 1.0).
                    if case .structValue = v { return try located(r) { try ctx.coerce(v, to: bound) } }
                    return withGenericArguments(v, types)
                }
            }
            return try compileConstruct(t, call)
        }
        if callee.is(OptionalChainingExprSyntax.self) {
            // `callback?(x)`: a link of an optional chain, nil when the function is nil.
            let fn = try compileChainBase(callee).eval
            let args = try compileArguments(call)
            return wrapChain { f in try ctx.callValue(try fn(f), try args.evaluate(f), at: r) }
        }
        let fn = try compileExpr(callee)
        let args = try compileArguments(call)
        return { f in
            let c = try fn(f)
            return try ctx.callValue(c, try args.evaluate(f), at: r)
        }
    }

    /// Swift's message for a call whose arguments fit no declaration of `name`.
    func callMismatch(_ name: String, _ protos: [FunctionProto], _ labels: [String?], _ trailing: [Bool], _ call: FunctionCallExprSyntax) -> CompileError {
        let open = Syntax(call.leftParen) ?? Syntax(call)
        let close = Syntax(call.rightParen) ?? Syntax(call)
        guard protos.count == 1, let params = protos.first?.params else {
            let known = protos.map(\.displayName).joined(separator: ", ")
            return error("no '\(name)' accepts the arguments (\(labels.map { ($0 ?? "_") + ":" }.joined())); known: \(known)", open, kind: "type")
        }
        func show(_ ls: [String?]) -> String { ls.map { ($0 ?? "_") + ":" }.joined() }
        let required = params.filter { $0.defaultValue == nil && !$0.isVariadic }
        if labels.count < required.count, labels.allSatisfy({ l in params.contains { $0.label == l } }) {
            let missing = required.first { p in !labels.contains(p.label) } ?? required[labels.count]
            return error("missing argument for parameter '\(missing.label ?? missing.name)' in call", close, kind: "type")
        }
        if labels.count > params.count {
            return error("extra argument in call", open, kind: "type")
        }
        // Same number of arguments in order: a label differs.
        var expected: [String?] = []
        var i = 0
        for p in params where i < labels.count {
            if p.label == labels[i] || p.defaultValue == nil || labels.count == params.count { expected.append(p.label); i += 1 }
        }
        if let k = Array(zip(labels, expected)).firstIndex(where: { $0.0 != $0.1 }) {
            if labels[k] == nil, let want = expected[k] { return error("missing argument label '\(want):' in call", open, kind: "type") }
            if expected[k] == nil, let have = labels[k] { return error("extraneous argument label '\(have):' in call", open, kind: "type") }
            return error("incorrect argument label in call (have '\(show(labels))', expected '\(show(expected))')", open, kind: "type")
        }
        return error("no '\(name)' accepts the arguments (\(show(labels))); known: \(protos[0].displayName)", open, kind: "type")
    }

    /// A call of a `func` known when compiling: arguments go straight into the callee's frame.
    /// The argument of an `@autoclosure` parameter: a closure that evaluates it when called, in
    /// the caller's frame (which it keeps alive, as any closure does).
    func compileAutoclosure(_ node: ExprSyntax, _ param: Param) throws -> Eval {
        var resultType: TypeRef? = nil
        if case .function(_, let r)? = param.type { resultType = r }
        let value = try compileExpr(node, expected: resultType)
        let proto = FunctionProto(name: param.name, displayName: "@autoclosure \(param.name)", params: [], returnType: resultType)
        proto.expressionBody = { frame in try value(frame.parent!) }
        proto.body = { frame in
            frame.returnValue = try value(frame.parent!)
            return .returned
        }
        proto.frameSize = 1
        proto.isCompiled = true
        return { f in .function(Function(proto, captured: f)) }
    }

    func compileDirectCall(_ proto: FunctionProto, _ b: Binding, _ plan: [ArgSource], _ nodes: [ExprSyntax], _ call: FunctionCallExprSyntax) throws -> Eval {
        let r = range(call)
        let ctx = self.ctx
        var fills: [ArgFill] = []
        var inouts: [(slot: Int, lvalue: LValue)] = []
        let first = proto.firstParamSlot
        for (k, (param, source)) in zip(proto.params, plan).enumerated() {
            let slot = first + k
            let coerceTo = param.type.flatMap { needsCoercion($0) ? $0 : nil }
            switch source {
            case .arg(let i):
                if param.isInout {
                    let target = nodes[i].as(InOutExprSyntax.self)?.expression ?? nodes[i]
                    let lv = try compileLValue(target)
                    inouts.append((slot, lv))
                    fills.append(ArgFill(slot: slot, eval: try compileExpr(target), type: nil))
                } else if param.isAutoclosure {
                    fills.append(ArgFill(slot: slot, eval: try compileAutoclosure(nodes[i], param), type: nil))
                } else {
                    if let t = param.type { try checkLiteral(nodes[i], against: t, context: .argument) }
                    fills.append(ArgFill(slot: slot, eval: try compileExpr(nodes[i], expected: param.type), type: coerceTo))
                }
            case .defaultValue:
                break
            case .variadic(let idx):
                let evals = try idx.map { EvalBox(eval: try compileExpr(nodes[$0])) }
                fills.append(ArgFill(slot: slot, eval: { f in .array(ArrayStorage(try evals.map { try $0.eval(f) })) }, type: nil))
            }
        }
        let defaults = plan.enumerated().compactMap { k, source -> Int? in
            if case .defaultValue = source { return k }
            return nil
        }
        let name = proto.displayName
        // Functions of the top level close over the top-level frame: no need to load the value.
        let makeFrame: (Frame) throws -> Frame
        if b.owner.isGlobal {
            let g = ctx.globals
            makeFrame = { _ in Frame.make(size: proto.frameSize, parent: g) }
        } else {
            let loadFunction = load(b)
            makeFrame = { f in
                guard case .function(let fn) = try loadFunction(f) else { throw RuntimeError("not a function", at: r) }
                return fn.makeFrame()
            }
        }
        if inouts.isEmpty && defaults.isEmpty && fills.allSatisfy({ $0.type == nil }) {
            // The common shapes, without loops over arrays of closures.
            switch fills.count {
            case 0:
                return { f in
                    let callee = try makeFrame(f)
                    return try ctx.callFrame(name, r) { try ctx.invokeUser(proto, frame: callee, at: r) }
                }
            case 1:
                let slot0 = fills[0].slot, arg0 = fills[0].eval
                if b.owner.isGlobal {
                    // The hottest shape (`fib(n - 1)`): no closure between the call and its frame,
                    // the frame is a recycled one, and `n - 1` is computed here.
                    let g = ctx.globals
                    var shift: (slot: Int, by: Int)? = nil, shiftRange = r
                    if case .arg(let i)? = plan.first, proto.params.first?.isInout == false, let s = slotShift(nodes[i]) {
                        (shift, shiftRange) = (s, range(nodes[i]))
                    }
                    return { f in
                        let v0: Value
                        if let s = shift, case .int(let x) = f.slots[s.slot] {
                            let (sum, overflow) = x.addingReportingOverflow(s.by)
                            if overflow { throw RuntimeError("arithmetic overflow", at: shiftRange) }
                            v0 = .int(sum)
                        } else {
                            v0 = try arg0(f)
                        }
                        let lent = proto.lendFrame(parent: g)
                        defer { proto.spareFrames.takeBack(lent, clearing: proto.frameSize) }
                        return try lent._withUnsafeGuaranteedRef { callee in
                            callee.slots[slot0] = v0
                            return try ctx.callFrame(name, r) { try ctx.invokeUser(proto, frame: callee, at: r) }
                        }
                    }
                }
                return { f in
                    let v0 = try arg0(f)
                    let callee = try makeFrame(f)
                    callee.slots[slot0] = v0
                    return try ctx.callFrame(name, r) { try ctx.invokeUser(proto, frame: callee, at: r) }
                }
            case 2:
                let slot0 = fills[0].slot, arg0 = fills[0].eval, slot1 = fills[1].slot, arg1 = fills[1].eval
                if b.owner.isGlobal {
                    let g = ctx.globals
                    return { f in
                        let v0 = try arg0(f), v1 = try arg1(f)
                        let lent = proto.lendFrame(parent: g)
                        defer { proto.spareFrames.takeBack(lent, clearing: proto.frameSize) }
                        return try lent._withUnsafeGuaranteedRef { callee in
                            callee.slots[slot0] = v0
                            callee.slots[slot1] = v1
                            return try ctx.callFrame(name, r) { try ctx.invokeUser(proto, frame: callee, at: r) }
                        }
                    }
                }
                return { f in
                    let v0 = try arg0(f), v1 = try arg1(f)
                    let callee = try makeFrame(f)
                    callee.slots[slot0] = v0
                    callee.slots[slot1] = v1
                    return try ctx.callFrame(name, r) { try ctx.invokeUser(proto, frame: callee, at: r) }
                }
            default: break
            }
        }
        let plainFills = fills
        return { f in
            let callee = try makeFrame(f)
            for fill in plainFills {
                var v = try fill.eval(f)
                if let t = fill.type { v = try located(r) { try ctx.coerce(v, to: t) } }
                callee.slots[fill.slot] = v
            }
            for k in defaults {
                let param = proto.params[k]
                var v = try param.defaultValue!(callee)
                if let t = param.type { v = try ctx.coerce(v, to: t) }
                callee.slots[first + k] = v
            }
            let result = try ctx.callFrame(name, r) { try ctx.invokeUser(proto, frame: callee, at: r) }
            for (slot, lv) in inouts {
                let v = callee.slots[slot]
                try lv.modify(f) { $0 = v }
            }
            return result
        }
    }

    func compileNativeCall(_ fn: Function, _ plan: [ArgSource], _ call: FunctionCallExprSyntax) throws -> Eval {
        let (nodes, _, _) = argumentNodes(call)
        let r = range(call)
        let ctx = self.ctx
        let native = fn.proto.native!
        // EvalBoxes, not [Eval]: see `ExecList`.
        var parts: [EvalBox] = []
        for (param, source) in zip(fn.proto.params, plan) {
            switch source {
            case .arg(let i):
                let target = nodes[i].as(InOutExprSyntax.self)?.expression ?? nodes[i]
                parts.append(EvalBox(eval: try compileExpr(target)))
            case .defaultValue:
                let d = param.defaultValue!
                let g = ctx.globals
                parts.append(EvalBox { _ in try d(g) })
            case .variadic(let idx):
                let evals = try idx.map { try compileExpr(nodes[$0]) }
                parts.append(EvalBox { f in .array(ArrayStorage(try evals.map { try $0(f) })) })
            }
        }
        // `swap(&a, &b)` writes back through its inout arguments.
        if fn.proto.name == "swap", nodes.count == 2 {
            let a = try compileLValue(nodes[0].as(InOutExprSyntax.self)?.expression ?? nodes[0])
            let b = try compileLValue(nodes[1].as(InOutExprSyntax.self)?.expression ?? nodes[1])
            return { f in
                let x = try parts[0].eval(f), y = try parts[1].eval(f)
                try a.modify(f) { $0 = y }
                try b.modify(f) { $0 = x }
                return .void
            }
        }
        let evals = parts
        return { f in
            var list: [Value] = []
            list.reserveCapacity(evals.count)
            for e in evals { list.append(try e.eval(f)) }
            return try located(r) { try native(ctx, list) }
        }
    }

    func compileConstruct(_ t: TypeRef, _ call: FunctionCallExprSyntax) throws -> Eval {
        let r = range(call)
        let ctx = self.ctx
        // Builtin and native types: the initializer is chosen now (`String(w)` in a loop).
        if case .nominal = t {} else if case .optional = t {} else if let d = ctx.constructorDescriptor(t) {
            let (_, labels, trailing) = argumentNodes(call)
            for f in d.initializers {
                guard let plan = matchArguments(labels, trailing, f.proto.params) else { continue }
                if case .string = t, labels == [nil], trailing == [false], let argument = call.arguments.first, let native = f.proto.native {
                    // `String(w)` of a String (each word of `split`) is that String: no argument
                    // list, no call of the initializer.
                    let value = try compileExpr(argument.expression)
                    return { fr in
                        let v = try value(fr)
                        if case .string = v { return v }
                        return try located(r) { try native(ctx, [v]) }
                    }
                }
                let eval = try compileNativeCall(f, plan, call)
                if case .array(let e) = t, needsCoercion(e) {
                    return { fr in try located(r) { try ctx.coerce(try eval(fr), to: .array(e)) } }
                }
                return eval
            }
        }
        var expectedTypes: [TypeRef?] = []
        if case .nominal(let n, _) = t {
            let (_, labels, trailing) = argumentNodes(call)
            let inits = Array(n.initializers.values)
            if let chosen = inits.first(where: { matchArguments(labels, trailing, $0.proto.params) != nil }),
               let plan = matchArguments(labels, trailing, chosen.proto.params) {
                expectedTypes = Array(repeating: nil, count: labels.count)
                for (p, s) in zip(chosen.proto.params, plan) { if case .arg(let i) = s { expectedTypes[i] = p.type } }
            }
        }
        let args = try compileArguments(call, expected: expectedTypes)
        return { f in try ctx.construct(t, try args.evaluate(f), at: r) }
    }

    /// The parameter types of the method a call on a value of a cell's type will run, by argument
    /// (so that `trainer.onEpoch { $0 + 1 }` types its closure); empty when unknown.
    func methodParameterTypes(_ baseExpr: ExprSyntax, _ name: String, _ call: FunctionCallExprSyntax) -> [TypeRef?] {
        guard case .nominal(let t, _)? = staticType(baseExpr) else { return [] }
        let (_, labels, trailing) = argumentNodes(call)
        let candidates = t.methods(named: name).compactMap { m in matchArguments(labels, trailing, m.proto.params).map { (m.proto, $0) } }
        guard candidates.count == 1, let (proto, plan) = candidates.first else { return [] }
        var types = [TypeRef?](repeating: nil, count: labels.count)
        for (p, source) in zip(proto.params, plan) { if case .arg(let i) = source { types[i] = p.type } }
        return types
    }

    func compileMethodCall(base: @escaping Eval, lvalue: LValue?, name: String, call: FunctionCallExprSyntax, node: some SyntaxProtocol,
                           elementType: TypeRef? = nil, parameterTypes: [TypeRef?] = []) throws -> Eval {
        let r = range(call)
        let ctx = self.ctx
        var args = try compileArguments(call, expected: elementType.map { [$0] } ?? parameterTypes)
        if let t = elementType, call.arguments.first?.label == nil, !args.evals.isEmpty {
            let first = args.evals[0].eval
            args.evals[0] = EvalBox(eval: { f in try ctx.coerce(try first(f), to: t) })
        }
        if let lv = lvalue {
            return { f in
                let a = try args.evaluate(f)
                var result = Value.void
                try lv.modify(f) { v in result = try ctx.callMethod(&v, name, a, at: r) }
                return result
            }
        }
        return { f in
            var b = try base(f)
            let a = try args.evaluate(f)
            return try ctx.callMethod(&b, name, a, at: r)
        }
    }

    func compileSuperCall(_ name: String, _ call: FunctionCallExprSyntax) throws -> Eval {
        guard let t = selfType, let sup = t.superclass, let selfBinding = scope.lookup("self") else {
            throw error("'super' is only available in a subclass", call)
        }
        let r = range(call)
        let ctx = self.ctx
        let args = try compileArguments(call)
        let selfLoad = load(selfBinding)
        return { f in
            let a = try args.evaluate(f)
            var selfValue = try selfLoad(f)
            if name == "init" {
                var owner: NominalType? = sup
                while let o = owner, o.initializers.isEmpty { owner = o.superclass }
                guard let chosen = owner?.initializers.values.first(where: { matchArguments(a.labels, a.trailing, $0.proto.params) != nil }) else {
                    if a.values.isEmpty { return .void }
                    throw RuntimeError("no matching 'super.init' in '\(sup.name)'", at: r)
                }
                return try ctx.invoke(chosen, a, selfValue: &selfValue, at: r)
            }
            for m in sup.methods(named: name) where matchArguments(a.labels, a.trailing, m.proto.params) != nil {
                return try ctx.invoke(m, a, selfValue: &selfValue, at: r)
            }
            throw RuntimeError("'\(sup.name)' has no method '\(name)'", at: r)
        }
    }

    /// `self.init(...)` in an initializer (or a class's `convenience init`): runs another
    /// initializer of the same type on `self`.
    func compileDelegatingInit(_ t: NominalType, _ selfBinding: Binding, _ call: FunctionCallExprSyntax) throws -> Eval {
        let r = range(call)
        let ctx = self.ctx
        let args = try compileArguments(call)
        let selfLoad = load(selfBinding)
        let selfFrame = frameOf(selfBinding)
        let slot = selfBinding.slot
        return { f in
            let a = try args.evaluate(f)
            guard let chosen = t.initializers.values.first(where: { matchArguments(a.labels, a.trailing, $0.proto.params) != nil }) else {
                throw RuntimeError("no initializer of '\(t.name)' accepts (\(a.labels.map { ($0 ?? "_") + ":" }.joined()))", at: r)
            }
            var selfValue = try selfLoad(f)
            if chosen.proto.native != nil {
                // A memberwise initializer (native) gives the new value rather than changing `self`.
                var none = Value.void
                selfValue = try ctx.invoke(chosen, a, selfValue: &none, at: r)
            } else {
                _ = try ctx.invoke(chosen, a, selfValue: &selfValue, at: r)
            }
            selfFrame(f).slots[slot] = selfValue
            return .void
        }
    }

    /// The type an expression names, if it names one (`Point`, `Tensor<Int32>`).
    func typeNamed(_ e: ExprSyntax) throws -> TypeRef? {
        if let ref = e.as(DeclReferenceExprSyntax.self) {
            if let n = nestedType(ref.baseName.text) { return .nominal(n, []) }
            if let b = scope.lookup(ref.baseName.text) { if case .type(let t) = b.kind { return t }; return nil }
            return builtins.types[ref.baseName.text]
        }
        if e.is(GenericSpecializationExprSyntax.self) { return try typeFromExpression(e) }
        if let m = e.as(MemberAccessExprSyntax.self), let base = m.base, case .nominal(let outer, _)? = try typeNamed(base),
           let n = outer.nestedTypes[m.declName.baseName.text] {
            return .nominal(n, [])
        }
        return nil
    }
}

extension Context {
    /// Runs a user function's body in `frame` (parameters already stored) and returns its result.
    /// (In this file so that the direct calls above inline it.)
    @inline(__always)
    func invokeUser(_ proto: FunctionProto, frame: Frame, at range: SourceRange?) throws -> Value {
        depth += 1
        defer { depth -= 1 }
        if depth > depthLimit {
            throw RuntimeError("stack overflow after \(Context.maxDepth) calls", at: range)
        }
        try tick(range)
        if let body = proto.expressionBodyRef { return try body._withUnsafeGuaranteedRef { try $0.eval(frame) } }
        _ = try proto.body(frame)
        // Moved out: a recycled frame (see `FunctionProto.spareFrames`) starts with `.void`.
        let result = frame.returnValue
        frame.returnValue = .void
        return result
    }

    /// `withCallFrame` for calls that return a value (not generic, and in this file so that the
    /// direct calls above inline it: it sits on the call path).
    @inline(__always)
    func callFrame(_ name: String, _ r: SourceRange?, _ body: () throws -> Value) throws -> Value {
        do { return try body() } catch var e as RuntimeError {
            if let r = r { e.leave(name, at: r.start) }
            throw e
        }
    }
}

/// Frames of top-level functions are recycled: the frame of a finished call that no closure
/// captured goes back to its function, so recursion (`fib`) neither allocates nor counts references
/// per call.
extension FunctionProto {
    /// A cleared frame for a call (parent: the top-level frame `g`, as for every top-level
    /// function), to be given back with `spareFrames.takeBack`.
    @inline(__always) func lendFrame(parent g: Frame) -> Unmanaged<Frame> {
        spareFrames.lend() ?? Unmanaged.passRetained(Frame.make(size: frameSize, parent: g))
    }
}

/// One argument of a direct call: where it goes in the callee's frame and how it is computed.
struct ArgFill {
    let slot: Int
    let eval: Eval
    let type: TypeRef?
}

final class MemberCache {
    var type: NominalType?
    var index = 0
}

struct OptionalChainNil: Error {}
