import SwiftSyntax
import Reports

/// Protocols and extensions. A protocol declared in a cell is a `NominalType` of kind
/// `protocolType`: its requirements are names (what its extensions may use on `self`), its
/// extensions' members are the default implementations of the types conforming to it (they come
/// after a type's own members, so the most specific one runs). An extension of a builtin type or
/// protocol (`extension Int`, `extension Array where Element == Int`, `extension Collection`,
/// `extension Layer`) is a `NominalType` of kind `extensionType` that the runtime consults when
/// the builtin has no member of that name (Runtime/Extensions.swift). Checking is dynamic: a
/// requirement a conforming type does not implement is an error when it is used.
extension Compiler {
    func declareProtocol(_ p: ProtocolDeclSyntax) throws {
        let name = p.name.text
        try checkRedeclaration(name, p.name)
        let n = NominalType(kind: .protocolType, name: name)
        for member in p.memberBlock.members {
            switch member.decl.as(DeclSyntaxEnum.self) {
            case .functionDecl(let f): n.requirements.insert(f.name.text)
            case .variableDecl(let v):
                for b in v.bindings {
                    if let id = b.pattern.as(IdentifierPatternSyntax.self) { n.requirements.insert(id.identifier.text) }
                }
            case .initializerDecl, .subscriptDecl: break
            case .associatedTypeDecl(let a): n.genericParameters.append(a.name.text)
            case .typeAliasDecl: break
            default: throw unsupported("protocol member '\(member.decl.trimmedDescription)'", member.decl)
            }
        }
        n.genericParameters += p.primaryAssociatedTypeClause?.primaryAssociatedTypes.map { $0.name.text } ?? []
        for inherited in p.inheritanceClause?.inheritedTypes ?? [] {
            let parent = inherited.type.trimmedDescription
            if let q = ctx.protocols[parent] { n.protocols.append(q) } else if parent != "AnyObject" { n.protocols.append(ctx.builtinExtension(parent)) }
            n.conformances.append(parent)
        }
        ctx.protocols[name] = n
        ctx.protocolNames.insert(name)
        scope.names[name] = Binding(kind: .type(.nominal(n, [])), slot: -1, owner: function, staticType: nil)
        scope.declaredHere.insert(name)
    }

    /// The type an `extension` adds members to: a cell's type or protocol, or the members added to
    /// a builtin type or protocol.
    func extendedType(_ x: ExtensionDeclSyntax) throws -> NominalType {
        let written = x.extendedType
        var baseName: String? = nil
        if let id = written.as(IdentifierTypeSyntax.self) {
            if id.genericArgumentClause == nil, let b = scope.lookup(id.name.text), case .type(.nominal(let n, _)) = b.kind { return n }
            baseName = id.name.text
        } else if written.is(ArrayTypeSyntax.self) {
            baseName = "Array"
        } else if written.is(DictionaryTypeSyntax.self) {
            baseName = "Dictionary"
        } else if written.is(OptionalTypeSyntax.self) {
            baseName = "Optional"
        }
        guard var name = baseName else { throw unsupported("extension of '\(written.trimmedDescription)'", written) }
        if name == "Substring" { name = "String" }
        if name == "Float32" { name = "Float" }
        guard builtins.types[name] != nil || builtinProtocolNames.contains(name) else {
            _ = try resolveType(written, node: written)
            throw error("cannot find type '\(name)' in scope", written, kind: "unknown-name")
        }
        let n = ctx.builtinExtension(name)
        if n.builtinMember == nil, let t = builtins.types[name], let d = ctx.constructorDescriptor(t) ?? (name == "Optional" ? builtins.optionalType : nil) {
            n.builtinMember = { member in d.methods[member] != nil || d.properties[member] != nil || d.mutatingMethods[member] != nil }
        }
        if ["Sequence", "Collection", "RandomAccessCollection", "BidirectionalCollection", "MutableCollection", "RangeReplaceableCollection", "StringProtocol"].contains(name) {
            let d = builtins.arrayType, s = builtins.stringType
            n.builtinMember = { member in d.methods[member] != nil || d.properties[member] != nil || s.methods[member] != nil || s.properties[member] != nil }
        }
        if ["Numeric", "BinaryInteger", "FixedWidthInteger", "SignedInteger", "SignedNumeric", "AdditiveArithmetic"].contains(name) {
            let d = builtins.intType
            n.builtinMember = { member in d.methods[member] != nil || d.properties[member] != nil }
        }
        if ["FloatingPoint", "BinaryFloatingPoint"].contains(name) {
            let d = builtins.doubleType
            n.builtinMember = { member in d.methods[member] != nil || d.properties[member] != nil }
        }
        if n.genericParameters.isEmpty {
            switch name {
            case "Array", "Set", "Sequence", "Collection", "RandomAccessCollection", "BidirectionalCollection", "MutableCollection", "RangeReplaceableCollection":
                n.genericParameters = ["Element"]
            case "Dictionary": n.genericParameters = ["Key", "Value"]
            case "Optional": n.genericParameters = ["Wrapped"]
            default: break
            }
        }
        return n
    }
}

/// Builtin protocols a cell may extend (`extension Collection { ... }`) or conform to.
let builtinProtocolNames: Set<String> = [
    "Equatable", "Hashable", "Comparable", "CustomStringConvertible", "CustomDebugStringConvertible", "Error",
    "Sequence", "Collection", "RandomAccessCollection", "BidirectionalCollection", "MutableCollection", "RangeReplaceableCollection",
    "StringProtocol", "Numeric", "SignedNumeric", "AdditiveArithmetic", "BinaryInteger", "FixedWidthInteger", "SignedInteger",
    "FloatingPoint", "BinaryFloatingPoint", "CaseIterable", "Codable", "Sendable", "Identifiable", "Layer",
]

extension Context {
    /// The members cells added to builtin type or protocol `name` (made when first named).
    func builtinExtension(_ name: String) -> NominalType {
        if let n = extensions[name] { return n }
        let n = NominalType(kind: .extensionType, name: name)
        extensions[name] = n
        return n
    }
}
