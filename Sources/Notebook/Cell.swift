import Reports

/// A ` ```swift ` fence: code that runs against the notebook's session.
public struct Cell: Sendable {
    /// 1-based position among the notebook's cells.
    public var index: Int
    /// `id=` when given, else `cell-N`. Snapshots key on it.
    public var identity: String
    /// The `id=` the author gave, if any.
    public var explicitID: String?
    public var options: CellOptions
    /// The code, lines joined with "\n" (the fence's indentation removed, as CommonMark does).
    public var code: String
    /// Line of the opening fence.
    public var fenceLine: Int
    /// Line and column of the first code line (where column 1 of `code` sits in the file).
    public var codeLocation: SourceLocation
    /// cmark's own HTML for the fence (`<pre><code class="language-swift">`), for plain renderings.
    public var cmarkHTML: String

    public init(index: Int, identity: String, explicitID: String?, options: CellOptions, code: String,
                fenceLine: Int, codeLocation: SourceLocation, cmarkHTML: String = "") {
        self.cmarkHTML = cmarkHTML
        self.index = index
        self.identity = identity
        self.explicitID = explicitID
        self.options = options
        self.code = code
        self.fenceLine = fenceLine
        self.codeLocation = codeLocation
    }

    /// How messages name the cell: `cell 3, id encoder-shapes` (or `cell 3`).
    public var label: String {
        explicitID.map { "cell \(index), id \($0)" } ?? "cell \(index)"
    }
}

/// The options after `swift` in a cell's info string.
public struct CellOptions: Sendable, Hashable {
    public var hideSource = false
    public var hideOutput = false
    public var expectError = false
    public var skip = false
    public var noSnapshot = false
    /// Seconds; nil means the notebook's `timeout`.
    public var timeout: Double?
    public var rtol: Double?
    public var atol: Double?

    public init() {}
}

/// The notebook's options, from its YAML front matter.
public struct FrontMatter: Sendable, Hashable {
    public struct Tolerance: Sendable, Hashable {
        public var rtol: Double
        public var atol: Double
        public init(rtol: Double = 1e-5, atol: Double = 1e-6) {
            self.rtol = rtol
            self.atol = atol
        }
    }

    /// A regular expression and its replacement, applied to text output before snapshots.
    public struct Sanitizer: Sendable, Hashable {
        public var regex: String
        public var replace: String
        /// Where the pattern is in the notebook file (for errors about it; 0 when unknown).
        public var line: Int
        public var column: Int
        public init(regex: String, replace: String, line: Int = 0, column: Int = 0) {
            self.regex = regex
            self.replace = replace
            self.line = line
            self.column = column
        }
    }

    public var title: String?
    public var seed: Int = 0
    public var tolerance = Tolerance()
    public var sanitize: [Sanitizer] = []
    /// Seconds one cell may run.
    public var timeout: Double = 60
    /// The longest time limit a notebook or cell may set (a day): larger ones are errors, as is
    /// `timeout: 1e15`, which no clock can count to.
    public static let longestTimeout: Double = 86_400
    public var allowErrors = false
    /// Number of lines the front matter takes, fences included (0 when there is none).
    public var lineCount = 0

    public init() {}
}
