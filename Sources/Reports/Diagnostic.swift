/// A problem found in a notebook or raised by a cell, as a value. Nothing below `Render`
/// turns it into text: `Render.DiagnosticFormatter` does that, once, for terminal, page and snapshot.
public struct Diagnostic: Hashable, Sendable, Codable, Error {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning, note
    }

    /// An edit that would fix the problem (from swift-syntax's fix-its, or a suggestion).
    public struct FixIt: Hashable, Sendable, Codable {
        public var message: String
        public var range: SourceRange?
        public var replacement: String?
        public init(message: String, range: SourceRange? = nil, replacement: String? = nil) {
            self.message = message
            self.range = range
            self.replacement = replacement
        }
    }

    /// A secondary message, optionally at its own place ("previous declaration is here").
    public struct Note: Hashable, Sendable, Codable {
        public var message: String
        public var range: SourceRange?
        public init(message: String, range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    /// One frame of the chain of calls in the notebook, innermost first after the error itself:
    /// rendered as `called from Encoder.callAsFunction(_:) at attention.md:47:9`.
    public struct Frame: Hashable, Sendable, Codable {
        public var function: String
        public var location: SourceLocation
        /// How many more times the same call came right after this one without being listed
        /// (deep recursion: `[previous line repeated 9997 more times]`).
        public var repeats: Int
        public init(function: String, location: SourceLocation, repeats: Int = 0) {
            self.function = function
            self.location = location
            self.repeats = repeats
        }
    }

    public var severity: Severity
    public var message: String
    /// Where the problem is; nil only for problems with no place (an unreadable file).
    public var range: SourceRange?
    public var notes: [Note]
    public var fixIts: [FixIt]
    public var callChain: [Frame]
    /// A stable kind for tests and tools: "syntax", "unknown-name", "runtime", "timeout",
    /// "front-matter", "cell-option", ...
    public var kind: String

    public init(_ message: String, at range: SourceRange?, kind: String, severity: Severity = .error,
                notes: [Note] = [], fixIts: [FixIt] = [], callChain: [Frame] = []) {
        self.severity = severity
        self.message = message
        self.range = range
        self.kind = kind
        self.notes = notes
        self.fixIts = fixIts
        self.callChain = callChain
    }

    public init(_ message: String, at location: SourceLocation, length: Int = 1, kind: String,
                severity: Severity = .error, notes: [Note] = [], fixIts: [FixIt] = []) {
        self.init(message, at: SourceRange(at: location, length: length), kind: kind, severity: severity,
                  notes: notes, fixIts: fixIts)
    }

    public var location: SourceLocation? { range?.start }
}
