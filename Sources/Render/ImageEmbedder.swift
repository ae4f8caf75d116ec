import Foundation
import Notebook
import Reports

/// Makes a page self-contained: local images (`![plot](figures/loss.png)`) are read relative to
/// the notebook's folder and embedded as `data:` URIs; remote ones (`https://…`, `//…`) stay
/// links as the author wrote them. A missing or unreadable local image becomes a visible note
/// on the page and a warning for the caller; one the sandbox refuses (a link out of the
/// notebook's folder, `..`, an absolute path, `/proc`) is not read at all and is an error.
struct ImageEmbedder {
    /// The folder local image paths are relative to.
    var baseDirectory: URL
    var notebookPath: String

    static let mimeTypes: [String: String] = [
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "svg": "image/svg+xml", "webp": "image/webp", "avif": "image/avif", "bmp": "image/bmp",
        "ico": "image/x-icon",
    ]

    func embedImages(in html: String, prose: Prose, warnings: inout [Diagnostic]) -> String {
        guard html.firstRange(of: "<img ") != nil else { return html }
        var out = ""
        var rest = html[...]
        let marker = "<img src=\""
        while let start = rest.firstRange(of: marker) {
            out += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let src = String(rest[..<end])
            rest = rest[end...]
            guard Self.isLocal(src) else {
                out += src
                continue
            }
            switch load(src) {
            case .success(let dataURI):
                out += dataURI
            case .failure(let problem):
                out += src
                // Close the <img> tag, then add the visible note after it.
                if let tagEnd = rest.firstRange(of: ">") {
                    out += rest[..<tagEnd.upperBound]
                    rest = rest[tagEnd.upperBound...]
                }
                let path = Self.decode(src)
                out += "<span class=\"missing-image\">image not embedded: \(HTML.escape(path)) (\(HTML.escape(problem.description)))</span>"
                warnings.append(Diagnostic("image \(path) not embedded: \(problem.description)",
                                           at: SourceLocation(file: notebookPath, line: line(of: path, in: prose), column: 1),
                                           kind: "image", severity: problem.refused ? .error : .warning))
            }
        }
        out += rest
        return out
    }

    /// Remote URLs, data URIs and fragment links are left alone.
    static func isLocal(_ src: String) -> Bool {
        if src.isEmpty || src.hasPrefix("//") || src.hasPrefix("#") || src.hasPrefix("data:") { return false }
        if let colon = src.firstIndex(of: ":") {
            let scheme = src[..<colon]
            if !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) {
                return false
            }
        }
        return true
    }

    /// cmark's attribute text back to a path: entities, then percent-encoding.
    static func decode(_ src: String) -> String {
        let unescaped = src.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let withoutQuery = unescaped.split(separator: "?", maxSplits: 1).first.map(String.init) ?? unescaped
        return withoutQuery.removingPercentEncoding ?? withoutQuery
    }

    private func load(_ src: String) -> Result<String, ImageProblem> {
        let path = Self.decode(src)
        let ext = (path as NSString).pathExtension.lowercased()
        guard let mime = Self.mimeTypes[ext] else { return .failure(ImageProblem("not a known image type")) }
        // The notebooks' one file sandbox (Reports/FileSandbox.swift), as for data.
        let real: String
        switch FileSandbox.resolve(path, below: baseDirectory.path) {
        case .success(let r): real = r
        case .failure(.missing): return .failure(ImageProblem("file not found"))
        case .failure(let refusal):
            return .failure(ImageProblem(refusal.reason + "; a page shows only images that are regular files below the notebook's folder",
                                         refused: true))
        }
        guard let data = FileManager.default.contents(atPath: real) else { return .failure(ImageProblem("unreadable")) }
        return .success("data:\(mime);base64,\(data.base64EncodedString())")
    }

    /// The notebook line where the image's path is written (the prose's first line if not found).
    private func line(of path: String, in prose: Prose) -> Int {
        for (i, text) in prose.markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where text.contains(path) {
            return prose.line + i
        }
        return prose.line
    }
}

struct ImageProblem: Error, CustomStringConvertible {
    var description: String
    /// Refused by the sandbox (an error of the notebook), not merely missing (a warning).
    var refused = false
    init(_ description: String, refused: Bool = false) { (self.description, self.refused) = (description, refused) }
}
