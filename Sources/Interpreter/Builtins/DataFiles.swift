import Foundation
import Reports

/// The data API's sandbox: cells read files only below the notebook's folder (no absolute
/// paths, no `..` out of it, no symbolic links out of it), and write none.
extension Context {
    func dataPath(_ path: String) throws -> String {
        if path.hasPrefix("/") || path.hasPrefix("~") {
            throw RuntimeError("data files are read relative to the notebook's folder; '\(path)' is an absolute path")
        }
        let base = URL(fileURLWithPath: options.baseDirectory).standardizedFileURL.resolvingSymlinksInPath()
        let full = base.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath()
        let basePath = base.path.hasSuffix("/") ? base.path : base.path + "/"
        guard full.path.hasPrefix(basePath) else {
            throw RuntimeError("'\(path)' is outside the notebook's folder; cells read files only below it")
        }
        guard FileManager.default.fileExists(atPath: full.path) else {
            throw RuntimeError("no such data file '\(path)' in the notebook's folder")
        }
        return full.path
    }
}

func registerData(_ b: Builtins) {
    b.function("readText", [.unlabelled]) { ctx, a in
        let path = try ctx.dataPath(try a[0].string("readText"))
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw RuntimeError("cannot read '\(try a[0].string())' as UTF-8 text") }
        return .string(text)
    }
    b.function("readLines", [.unlabelled]) { ctx, a in
        let path = try ctx.dataPath(try a[0].string("readLines"))
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw RuntimeError("cannot read '\(try a[0].string())' as UTF-8 text") }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return .array(ArrayStorage(lines.map(Value.string)))
    }
}
