import SwiftSyntax
import Reports

extension Compiler {
    /// Reads a type written in a cell (`Int`, `[String: Int]`, `Double?`, `(Int, label: String)`,
    /// `Tensor<Int32>`, `(Int) -> Int`).
    func resolveType(_ t: TypeSyntax, node: some SyntaxProtocol) throws -> TypeRef {
        switch t.as(TypeSyntaxEnum.self) {
        case .identifierType(let id):
            let name = id.name.text
            if let args = id.genericArgumentClause?.arguments {
                let types = try args.map { arg -> TypeRef in
                    guard case .type(let ty) = arg.argument else { throw unsupported("generic argument", arg) }
                    return try resolveType(ty, node: arg)
                }
                return try genericType(name, types, node: id)
            }
            if genericNames.contains(name) { return .parameter(name) }
            if name == "Self", let s = selfType { return s.kind == .protocolType || s.kind == .extensionType ? .any : .nominal(s, []) }
            if let n = nestedType(name) { return .nominal(n, []) }
            if let b = scope.lookup(name), case .type(let ty) = b.kind { return ty }
            if let ty = builtins.types[name] { return ty }
            if protocolNames.contains(name) || builtinProtocolNames.contains(name) {
                return .any
            }
            diagnostics.append(Diagnostic("cannot find type '\(name)' in scope" + (closestName(to: name, in: scope.allNames + Array(builtins.types.keys)).map { "; did you mean '\($0)'?" } ?? ""),
                                          at: range(id), kind: "unknown-name"))
            return .any
        case .arrayType(let a): return .array(try resolveType(a.element, node: a))
        case .dictionaryType(let d): return .dictionary(try resolveType(d.key, node: d), try resolveType(d.value, node: d))
        case .optionalType(let o): return .optional(try resolveType(o.wrappedType, node: o))
        case .implicitlyUnwrappedOptionalType(let o): return .optional(try resolveType(o.wrappedType, node: o))
        case .tupleType(let tt):
            if tt.elements.count == 1, tt.elements.first!.firstName == nil { return try resolveType(tt.elements.first!.type, node: tt) }
            if tt.elements.isEmpty { return .void }
            return .tuple(try tt.elements.map { try resolveType($0.type, node: $0) }, tt.elements.map { $0.firstName?.text })
        case .functionType(let ft):
            return .function(try ft.parameters.map { try resolveType($0.type, node: $0) }, try resolveType(ft.returnClause.type, node: ft.returnClause))
        case .attributedType(let a): return try resolveType(a.baseType, node: a)
        case .someOrAnyType(let s): return try resolveType(s.constraint, node: s)
        case .memberType(let m):
            // `Card.Suit`, `String.Index`, `Unicode.Scalar`
            if let t = builtins.types[m.trimmedDescription] { return t }
            if m.genericArgumentClause == nil, case .nominal(let outer, _) = try resolveType(m.baseType, node: m.baseType),
               let n = outer.nestedTypes[m.name.text] {
                return .nominal(n, [])
            }
            throw unsupported("type '\(m.trimmedDescription)'", m)
        case .compositionType: return .any
        case .metatypeType(let m): throw unsupported("metatype '\(m.trimmedDescription)'", m)
        default: throw unsupported("type '\(t.trimmedDescription)'", t)
        }
    }

    func genericType(_ name: String, _ types: [TypeRef], node: some SyntaxProtocol) throws -> TypeRef {
        switch name {
        case "Array" where types.count == 1: return .array(types[0])
        case "Set" where types.count == 1: return .set(types[0])
        case "Optional" where types.count == 1: return .optional(types[0])
        case "Dictionary" where types.count == 2: return .dictionary(types[0], types[1])
        default:
            if genericNames.contains(name) { return .any }
            if let b = scope.lookup(name), case .type(.nominal(let n, _)) = b.kind, !n.genericParameters.isEmpty {
                return .nominal(n, types.count == n.genericParameters.count ? types : [])
            }
            if case .native(let n)? = builtins.types[name] {
                let key = types.map(\.name).joined(separator: ",")
                return .native(n.specialized[key] ?? n)
            }
            throw unsupported("generic type '\(name)'", node)
        }
    }

    /// `is T` / `as? T`: a test of a value's dynamic type.
    func typeCheck(_ t: TypeSyntax) throws -> (Value) -> Bool {
        let type = try resolveType(t, node: t)
        return { v in valueIs(v, type) }
    }
}

/// A type as Swift's messages write it: `[Int]`, `[String: Int]`, `Int?`.
func sugaredName(_ t: TypeRef) -> String {
    switch t {
    case .array(let e): return "[\(sugaredName(e))]"
    case .dictionary(let k, let v): return "[\(sugaredName(k)): \(sugaredName(v))]"
    case .optional(let w): return sugaredName(w) + "?"
    default: return t.name
    }
}

func valueIs(_ v: Value, _ t: TypeRef) -> Bool {
    switch (t, v) {
    case (.any, _), (.parameter, _): return true
    case (.int, .int), (.double, .double), (.float, .float), (.bool, .bool), (.string, .string), (.character, .character): return true
    case (.array(let e), .array(let a)): return a.elements.allSatisfy { valueIs($0, e) }
    case (.dictionary, .dictionary), (.set, .set), (.function, .function), (.tuple, .tuple): return true
    case (.optional(let w), .some(let x)): return valueIs(x, w)
    case (.optional, .none): return true
    case (.nominal(let p, _), _) where p.kind == .protocolType:
        if let t = nominalType(of: v) { return t.conforms(to: p.name) }
        return p.conformingBuiltins.contains(Builtins.shared.descriptor(of: v)?.name ?? "")
    case (.nominal(let n, _), .structValue(let s)): return s.type === n
    case (.nominal(let n, _), .object(let o)): return o.type.isSubclass(of: n)
    case (.nominal(let n, _), .enumValue(let e)): return e.type === n
    case (.native(let n), .native(let x)): return x.type === n || x.type.name == n.name
    default: return false
    }
}
