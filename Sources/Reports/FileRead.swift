import Foundation

/// A file a cell read through the data sandbox (`readText`, `Tensor(numpyFile:)`, ...), as the
/// cell named it (relative to the notebook's folder), with a digest of its content at the time.
/// The results cache keys on these: a changed data file makes the notebook run again.
public struct FileRead: Sendable, Hashable, Codable {
    public var path: String
    /// `sha256:<hex>` of the content, or `missing` when there was no regular file there.
    public var digest: String

    public init(path: String, digest: String) {
        self.path = path
        self.digest = digest
    }

    /// The digest of the file at `fullPath` now, in `digest`'s form.
    public static func digest(ofFileAt fullPath: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: fullPath, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: fullPath) else { return "missing" }
        var hash = SHA256()
        data.withUnsafeBytes { hash.update(buffer: $0) }
        return "sha256:" + hash.hexDigest()
    }
}
