/// What a run of nbrun was asked to do (the command line of cli.md, parsed).
public struct RunOptions: Sendable {
    public enum ColorMode: String, Sendable, CaseIterable { case auto, always, never }
    public enum Verbosity: Sendable { case quiet, normal, verbose }
    public enum Format: String, Sendable, CaseIterable { case html, ipynb }

    /// Notebook files, or folders searched for `*.md`.
    public var paths: [String] = ["notebooks"]
    public var outputDirectory = "output"
    public var updateSnapshots = false
    public var ci = false
    public var jobs = 1
    /// Run only share `shard.index` (1-based) of `shard.count`.
    public var shard: (index: Int, count: Int)?
    public var junitPath: String?
    public var formats: Set<Format> = [.html]
    public var seedOverride: Int?
    /// Bytes a notebook's worker may use (all of its memory; its tensors too).
    public var memoryLimit = 4 << 30
    /// Bytes of the largest notebook file (a larger one is an error before anything runs).
    public var maxNotebookSize = 10 << 20
    public var unsafeHTML = false
    /// Whether stored results may stand in for a run (not with `--rerun`; with `--ci` only when
    /// `--use-cache` is given). Runs that went as asked are stored either way.
    public var readCache = true
    /// `--watch`: private memory a notebook's checkpoints may hold together (the oldest are dropped).
    public var checkpointMemory = 2 << 30
    public var verbosity = Verbosity.normal
    public var color = ColorMode.auto

    public init() {}
}

/// nbrun's version, written into snapshots and printed by `--version`.
public let nbrunVersion = "0.1.0"
