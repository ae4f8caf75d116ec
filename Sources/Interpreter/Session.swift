import Reports

/// One cell's code and where it sits in the notebook, so every message points at the `.md` file.
public struct CellSource: Sendable {
    /// The cell's Swift code (lines joined with "\n", no trailing fence).
    public var code: String
    /// The notebook's path as shown in messages (`notebooks/attention.md`).
    public var file: String
    /// Line (1-based) in the notebook of the cell's first code line.
    public var line: Int
    /// Column (1-based) in the notebook where the code's lines start (fence indentation + 1).
    public var column: Int
    /// Seconds the cell may run before it fails with a timeout error.
    public var timeout: Double

    public init(code: String, file: String, line: Int, column: Int = 1, timeout: Double = 60) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.timeout = timeout
    }
}

/// What a session is given when a notebook starts.
public struct SessionOptions: Sendable {
    /// Seeds every random draw of the notebook (front matter `seed`, or `--seed`).
    public var seed: UInt64
    /// Bytes of tensor memory the session may hold (`--memory-limit`, default 4 GiB).
    public var memoryLimit: Int
    /// The notebook's folder: the data API reads files only below it.
    public var baseDirectory: String

    public init(seed: UInt64 = 0, memoryLimit: Int = 4 << 30, baseDirectory: String = ".") {
        self.seed = seed
        self.memoryLimit = memoryLimit
        self.baseDirectory = baseDirectory
    }
}
