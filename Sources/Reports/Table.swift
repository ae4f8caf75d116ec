/// A table of text cells, such as Keras's `model.summary()`.
public struct Table: Sendable, Hashable, Codable {
    public var title: String?
    public var columns: [String]
    public var rows: [[String]]
    /// Lines shown under the table ("Total params: 1,496,810 (5.71 MB)").
    public var footer: [String]
    /// The exact text form (for `summary()`, Keras's own box-drawn table).
    public var plainText: String

    public init(title: String? = nil, columns: [String], rows: [[String]], footer: [String] = [], plainText: String) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.footer = footer
        self.plainText = plainText
    }
}
