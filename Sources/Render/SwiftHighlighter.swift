import Foundation
import Reports
import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// Swift source as highlighted HTML, classified at build time by swift-syntax (the parser the
/// interpreter uses), so the page needs no JavaScript. Each token becomes
/// `<span class="tok-KIND">…</span>` (KIND: kw, id, type, str, num, com, attr, op, label);
/// unclassified text (spaces, punctuation) is escaped as is. Code that does not parse is still
/// highlighted as far as swift-syntax recovers, never rejected.
public enum SwiftHighlighter {
    public static func html(_ code: String) -> String {
        prepared.take(code) ?? highlight(code)
    }

    /// Highlights `codes` now, on the calling thread, for `html` to hand out later (once each).
    /// The runner calls it while a notebook runs in its worker process, so the page, written
    /// after the run, does not wait for swift-syntax: its parse is most of a page's time.
    /// A code whose page already asked for it (the page came first) is skipped, not done twice.
    public static func prepare(_ codes: [String]) {
        for code in codes where prepared.wanted(code) {
            prepared.store(highlight(code), for: code)
        }
    }

    /// Whether a prepared copy of `code` is waiting for its page (for tests).
    static func isPrepared(_ code: String) -> Bool { prepared.isStored(code) }

    private static let prepared = PreparedHTML()

    private static func highlight(_ code: String) -> String {
        // swift-syntax's time doubles with each `[` of a run (Reports/BracketNesting): plain text.
        if BracketNesting.check(code) != nil { return HTML.escape(code) }
        let tree = Parser.parse(source: code)
        let bytes = Array(code.utf8)
        var out = ""
        out.reserveCapacity(bytes.count * 2)
        var cursor = 0
        func text(_ from: Int, _ to: Int) -> String {
            HTML.escape(String(decoding: bytes[from..<to], as: UTF8.self))
        }
        for range in tree.classifications {
            let start = min(range.range.lowerBound.utf8Offset, bytes.count)
            let end = min(range.range.upperBound.utf8Offset, bytes.count)
            guard end > start, start >= cursor else { continue }
            if start > cursor { out += text(cursor, start) }
            if let cls = cssClass(range.kind) {
                out += "<span class=\"\(cls)\">" + text(start, end) + "</span>"
            } else {
                out += text(start, end)
            }
            cursor = end
        }
        if cursor < bytes.count { out += text(cursor, bytes.count) }
        return out
    }

    /// Highlighting for a shown (not run) code block: Swift-like languages get Swift's
    /// classification, anything else is escaped plain text.
    public static func html(_ code: String, language: String?) -> String {
        isSwiftLike(language) ? html(code) : HTML.escape(code)
    }

    /// Whether a code block's language gets Swift's highlighting.
    static func isSwiftLike(_ language: String?) -> Bool {
        language.map { ["swift", "swift5", "swift6"].contains($0.lowercased()) } ?? false
    }

    private static func cssClass(_ kind: SyntaxClassification) -> String? {
        switch kind {
        case .keyword, .ifConfigDirective: return "tok-kw"
        case .identifier, .dollarIdentifier: return nil
        case .type: return "tok-type"
        case .stringLiteral, .regexLiteral: return "tok-str"
        case .integerLiteral, .floatLiteral: return "tok-num"
        case .lineComment, .blockComment, .docLineComment, .docBlockComment: return "tok-com"
        case .attribute: return "tok-attr"
        case .operator: return "tok-op"
        case .argumentLabel: return "tok-label"
        case .editorPlaceholder: return "tok-ph"
        case .none: return nil
        @unknown default: return nil
        }
    }
}

/// Highlighted sources waiting for their page, shared between threads, and the sources pages
/// asked for before they were prepared (each cancels one later `prepare` of that source).
private final class PreparedHTML: @unchecked Sendable {
    private let lock = NSLock()
    private var html: [String: String] = [:]
    private var missed: Set<String> = []

    func isStored(_ code: String) -> Bool { lock.withLock { html[code] != nil } }
    func store(_ value: String, for code: String) { lock.withLock { html[code] = value } }

    /// Whether `prepare` should highlight `code`: not stored already, not already done by its page.
    func wanted(_ code: String) -> Bool {
        lock.withLock { html[code] == nil && missed.remove(code) == nil }
    }

    func take(_ code: String) -> String? {
        lock.withLock {
            if let ready = html.removeValue(forKey: code) { return ready }
            missed.insert(code)
            return nil
        }
    }
}
