import Reports

/// Members cells add to builtin types and protocols (`extension Int { var squared: Int { ... } }`,
/// `extension Collection`, `extension Layer`; declared in Compiler/Protocols.swift). The builtin's
/// own members come first; these are looked up when it has none of that name.
extension Context {
    /// The extensions that apply to a builtin value, the type's own first, then its protocols'.
    func builtinExtensions(of v: Value) -> [NominalType] {
        guard !extensions.isEmpty || !protocols.isEmpty, let d = Builtins.shared.descriptor(of: v) else { return [] }
        var out: [NominalType] = []
        if let n = extensions[d.name] { out.append(n) }
        for p in builtinConformances(d) { if let n = extensions[p] { out.append(n) } }
        for p in protocols.values where p.conformingBuiltins.contains(d.name) { out.append(p) }
        return out
    }

    /// `value.name(args)` through an extension of the value's builtin type; nil when none has it.
    func callExtensionMethod(_ base: inout Value, _ name: String, _ args: CallArguments, at r: SourceRange?) throws -> Value? {
        for e in builtinExtensions(of: base) {
            for m in e.methods(named: name) where matchArguments(args.labels, args.trailing, m.proto.params) != nil {
                return try invoke(m, args, selfValue: &base, at: r)
            }
            if let g = e.getter(name) { return try callValue(try callGetter(g, on: base), args, at: r) }
        }
        return nil
    }

    /// `value.name` through an extension (a computed property, a method as a value).
    func extensionMember(_ v: Value, _ name: String) throws -> Value? {
        for e in builtinExtensions(of: v) {
            if let g = e.getter(name) { return try callGetter(g, on: v) }
            if let m = e.methods(named: name).first { return .function(Function(m.proto, captured: m.captured, boundSelf: v)) }
        }
        return nil
    }

    /// `Double.name` through an extension (a static property or method).
    func extensionStaticMember(_ t: TypeRef, _ name: String) throws -> Value? {
        guard let d = constructorDescriptor(t), let e = extensions[d.name] else { return nil }
        if let i = e.staticIndex[name] { return e.staticValues[i] }
        if let g = e.staticGetter(name) { return try call(g, []) }
        if let m = e.staticMethods.first(where: { $0.value.proto.name == name })?.value { return .function(m) }
        return nil
    }
}

/// The builtin protocols a builtin type conforms to (where `extension Numeric` and friends apply).
func builtinConformances(_ d: NativeType) -> [String] {
    let hashable = ["Equatable", "Hashable"]
    switch d.name {
    case "Int", "Int8", "Int16", "Int32", "Int64":
        return ["BinaryInteger", "FixedWidthInteger", "SignedInteger", "SignedNumeric", "Numeric", "AdditiveArithmetic", "Comparable",
                "CustomStringConvertible"] + hashable
    case "UInt", "UInt8", "UInt16", "UInt32", "UInt64":
        return ["BinaryInteger", "FixedWidthInteger", "UnsignedInteger", "Numeric", "AdditiveArithmetic", "Comparable", "CustomStringConvertible"] + hashable
    case "Double", "Float":
        return ["BinaryFloatingPoint", "FloatingPoint", "SignedNumeric", "Numeric", "AdditiveArithmetic", "Comparable", "CustomStringConvertible"] + hashable
    case "String":
        return ["StringProtocol", "BidirectionalCollection", "RangeReplaceableCollection", "Collection", "Sequence", "Comparable",
                "CustomStringConvertible"] + hashable
    case "Character": return ["Comparable", "CustomStringConvertible"] + hashable
    case "Bool": return ["CustomStringConvertible"] + hashable
    case "Array":
        return ["RandomAccessCollection", "MutableCollection", "RangeReplaceableCollection", "BidirectionalCollection", "Collection", "Sequence",
                "CustomStringConvertible"] + hashable
    case "Set": return ["SetAlgebra", "Collection", "Sequence", "CustomStringConvertible"] + hashable
    case "Dictionary": return ["Collection", "Sequence", "CustomStringConvertible", "Equatable"]
    case "Range": return ["RandomAccessCollection", "BidirectionalCollection", "Collection", "Sequence"] + hashable
    default:
        return LayerTypes.all[d.name] === d ? ["Layer"] : []
    }
}
