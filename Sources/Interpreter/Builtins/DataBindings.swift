// Data helpers in cells: Keras's padSequences and Tokenizer, a seeded trainTestSplit, corpusBLEU, and
// reading text files, all sandboxed below the notebook's folder (no absolute paths, no `..`
// out of it, no symlinks out of it). `Tensor(numpyFile:)` and `loadNumpyArchive` use the same
// sandbox.
import Foundation
import Layers
import Reports
import Tensors

func registerDataBindings(_ b: Builtins) {
    b.bind("padSequences", [.unlabelled, .labelledDefault("maxLength", .none),
                            .labelledDefault("padding", .implicitMember(ImplicitMember(name: "pre"))),
                            .labelledDefault("truncating", .implicitMember(ImplicitMember(name: "pre"))),
                            .labelledDefault("value", .int(0))]) { _, a in
        let op = "padSequences"
        let sequences = try a[0].array(op).map { try $0.array(op).map { try $0.int(op) } }
        let maxLength = try a[1].unlessNil.map { try $0.int("\(op)(maxLength:)") }
        let padding = try a[2].memberName("\(op)(padding:)", allowed: ["pre", "post"])
        let truncating = try a[3].memberName("\(op)(truncating:)", allowed: ["pre", "post"])
        return tensorValue(try padSequences(sequences, maxLength: maxLength, padding: SequenceEnd(rawValue: padding)!,
                                            truncating: SequenceEnd(rawValue: truncating)!, value: try a[4].int("\(op)(value:)")))
    }
    b.bind("trainTestSplit", [.unlabelled, .unlabelled, .labelledDefault("testFraction", .double(0.25))]) { ctx, a in
        let (aTrain, aTest, bTrain, bTest) = try trainTestSplit(try a[0].tensor("trainTestSplit"), try a[1].tensor("trainTestSplit"),
                                                                 testFraction: try a[2].double("trainTestSplit(testFraction:)"),
                                                                 generator: &ctx.bindings.layers.random)
        return .tuple(TupleValue([aTrain, aTest, bTrain, bTest].map(tensorValue)))
    }
    b.bind("readText", [.unlabelled]) { ctx, a in .string(try readSandboxedText(try a[0].string("readText"), ctx, "readText")) }
    b.bind("readLines", [.unlabelled]) { ctx, a in
        let text = try readSandboxedText(try a[0].string("readLines"), ctx, "readLines")
        // Lines as Python's splitlines(): "\n" and "\r\n" end lines; no empty line after the last.
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return .array(ArrayStorage(lines.map(Value.string)))
    }
    b.bind("loadNumpyArchive", [.unlabelled]) { ctx, a in
        let path = try sandboxedPath(try a[0].string("loadNumpyArchive"), in: ctx, operation: "loadNumpyArchive")
        var out = OrderedDictionary()
        for (name, t) in try loadNumpyArchive(path).sorted(by: { $0.key < $1.key }) { out.set(.string(name), tensorValue(t)) }
        return .dictionary(out)
    }
    b.bind("corpusBLEU", [.unlabelled, .labelled("references"), .labelledDefault("maxOrder", .int(4))]) { _, a in
        let op = "corpusBLEU"
        let hypotheses = try a[0].array(op).map { try $0.strings(op) }
        let references = try a[1].array("\(op)(references:)").map { try $0.strings("\(op)(references:)") }
        return .double(try corpusBLEU(hypotheses, references: references, maxOrder: try a[2].int("\(op)(maxOrder:)")))
    }
    registerTokenizer(b)
}

private func registerTokenizer(_ b: Builtins) {
    let tokenizer = b.type(NativeType(name: "Tokenizer"))
    tokenizer.describe = { _ in "Tokenizer" }
    func this(_ v: Value) throws -> Tokenizer { try v.native(Tokenizer.self, "Tokenizer") }
    tokenizer.bindInit([.labelledDefault("filters", .string(Tokenizer.defaultFilters)), .labelledDefault("lower", .bool(true)),
                        .labelledDefault("numWords", .none), .labelledDefault("oovToken", .none)]) { _, a in
        let made = try Tokenizer(filters: try a[0].string("Tokenizer(filters:)"), lower: try a[1].bool("Tokenizer(lower:)"),
                                 numWords: try a[2].unlessNil.map { try $0.int("Tokenizer(numWords:)") },
                                 oovToken: try a[3].unlessNil.map { try $0.string("Tokenizer(oovToken:)") })
        return .native(NativeValue(made, type: tokenizer))
    }
    tokenizer.bindMethod("fit", [.labelled("on")]) { _, a in
        try this(a[0]).fit(on: try a[1].strings("fit(on:)"))
        return .void
    }
    tokenizer.bindMethod("sequences", [.labelled("for")]) { _, a in
        let seqs = try this(a[0]).sequences(for: try a[1].strings("sequences(for:)"))
        return .array(ArrayStorage(seqs.map { .array(ArrayStorage($0.map(Value.int))) }))
    }
    tokenizer.bindMethod("words", [.labelled("in")]) { _, a in
        .array(ArrayStorage(try this(a[0]).words(in: try a[1].string("words(in:)")).map(Value.string)))
    }
    // Dictionaries in id order (most frequent word first), as Keras's word_index iterates.
    tokenizer.bindProperty("wordIndex") { _, v in
        var d = OrderedDictionary()
        for (word, id) in try this(v).wordIndex.sorted(by: { $0.value < $1.value }) { d.set(.string(word), .int(id)) }
        return .dictionary(d)
    }
    tokenizer.bindProperty("indexWord") { _, v in
        var d = OrderedDictionary()
        for (id, word) in try this(v).indexWord.sorted(by: { $0.key < $1.key }) { d.set(.int(id), .string(word)) }
        return .dictionary(d)
    }
    tokenizer.bindProperty("wordCounts") { _, v in
        let t = try this(v)
        var d = OrderedDictionary()
        for (word, _) in t.wordIndex.sorted(by: { $0.value < $1.value }) { d.set(.string(word), .int(t.wordCounts[word] ?? 0)) }
        return .dictionary(d)
    }
}

// MARK: - The sandbox

/// The real path of `path` (relative to the notebook's folder) under the one file sandbox
/// (Reports/FileSandbox.swift): a regular file below the folder after resolving symbolic links.
func sandboxedPath(_ path: String, in ctx: Context, operation: String) throws -> String {
    switch FileSandbox.resolve(path, below: ctx.bindings.baseDirectory) {
    case .success(let real):
        // A file is read whole into memory: one larger than the memory limit never fits.
        let size = (try? FileManager.default.attributesOfItem(atPath: real)[.size] as? Int) ?? 0
        let limit = TensorArena.current.limit
        if size > limit {
            throw RuntimeError("\(operation): \"\(path)\" is \(gib(size)), over the \(gib(limit)) memory limit (--memory-limit)")
        }
        // Recorded for the results cache, as the cell named it, with what is there now.
        ctx.bindings.filesRead.append(FileRead(path: path, digest: FileRead.digest(ofFileAt: real)))
        return real
    case .failure(.empty): throw RuntimeError("\(operation): the path is empty")
    case .failure(.absolute):
        throw RuntimeError("\(operation): \"\(path)\" is an absolute path; a notebook reads only files below its own folder, by relative paths")
    case .failure(.outside):
        throw RuntimeError("\(operation): \"\(path)\" is outside the notebook's folder; a notebook reads only files below it")
    case .failure(.missing): throw RuntimeError("\(operation): no file \"\(path)\" in the notebook's folder")
    case .failure(.notRegularFile):
        throw RuntimeError("\(operation): \"\(path)\" is not a regular file (a folder, a device or a kernel file); a notebook reads only regular files below its folder")
    }
}

/// Where a cell may write `path` (`saveWeights`): below the notebook's folder, by the sandbox's
/// rule for writing (the folder must exist; no link, folder or device in the way).
func sandboxedWritePath(_ path: String, in ctx: Context, operation: String) throws -> String {
    switch FileSandbox.resolveForWriting(path, below: ctx.bindings.baseDirectory) {
    case .success(let real): return real
    case .failure(.empty): throw RuntimeError("\(operation): the path is empty")
    case .failure(.absolute):
        throw RuntimeError("\(operation): \"\(path)\" is an absolute path; a notebook writes only files below its own folder, by relative paths")
    case .failure(.outside):
        throw RuntimeError("\(operation): \"\(path)\" is outside the notebook's folder; a notebook writes only files below it")
    case .failure(.missing): throw RuntimeError("\(operation): the folder of \"\(path)\" does not exist in the notebook's folder; create it first")
    case .failure(.notRegularFile):
        throw RuntimeError("\(operation): \"\(path)\" is not a regular file (a folder, a device or a kernel file); a notebook writes only regular files below its folder")
    }
}

private func gib(_ bytes: Int) -> String { String(format: "%.1f GiB", Double(bytes) / Double(1 << 30)) }

private func readSandboxedText(_ path: String, _ ctx: Context, _ operation: String) throws -> String {
    let full = try sandboxedPath(path, in: ctx, operation: operation)
    guard let data = FileManager.default.contents(atPath: full) else { throw RuntimeError("\(operation): cannot read \"\(path)\"") }
    guard let text = String(data: data, encoding: .utf8) else { throw RuntimeError("\(operation): \"\(path)\" is not UTF-8 text") }
    return text
}
