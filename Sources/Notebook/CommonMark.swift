import CCmark
import Foundation

// The only file of nbrun that talks to cmark (libcmark). C types never leave it: what the rest of
// the front end sees is `MarkdownBlock`, a small value per top-level block of the document.

/// One top-level block of a CommonMark document, as cmark parsed it.
struct MarkdownBlock {
    enum Kind: Equatable {
        /// A fenced or indented code block (cmark 0.30 does not say which; an indented one has
        /// an empty info string, and the parser looks at the line to tell them apart).
        case code(info: String)
        case heading(level: Int)
        case html
        case other
    }

    var kind: Kind
    /// 1-based lines, inclusive, as cmark's source positions give them.
    var startLine: Int
    var endLine: Int
    /// 1-based column where the block starts (for a fence: its indentation + 1).
    var startColumn: Int
    /// The code of a code block (cmark's literal), else "".
    var literal: String
    /// cmark's HTML for this block alone (link references resolved against the whole document).
    var html: String
    /// The plain text of a heading (inline markup dropped), else "".
    var plainText: String
    /// Fenced code blocks nested inside lists or quotes (shown, never run): their start lines.
    var nestedFenceLines: [Int]
}

enum CommonMark {
    /// Parses `text` and returns its top-level blocks in order. `unsafeHTML` passes raw HTML
    /// through (cmark's `CMARK_OPT_UNSAFE`); by default cmark replaces it with a comment.
    static func blocks(of text: String, unsafeHTML: Bool) -> [MarkdownBlock] {
        let options = renderOptions(unsafeHTML: unsafeHTML)
        let bytes = Array(text.utf8)
        let document: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        guard let document else { return [] }
        defer { cmark_node_free(document) }
        var blocks: [MarkdownBlock] = []
        var node = cmark_node_first_child(document)
        while let current = node {
            blocks.append(block(current, options: options))
            node = cmark_node_next(current)
        }
        return blocks
    }

    /// cmark's own HTML for a whole Markdown text (`cmark_markdown_to_html`): the reference the
    /// prose path is checked against.
    static func html(of markdown: String, unsafeHTML: Bool) -> String {
        let options = renderOptions(unsafeHTML: unsafeHTML)
        let bytes = Array(markdown.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> String in
            let out = buffer.withMemoryRebound(to: CChar.self) { cmark_markdown_to_html($0.baseAddress, $0.count, options) }
            guard let out else { return "" }
            defer { free(out) }
            return String(cString: out)
        }
    }

    private static func renderOptions(unsafeHTML: Bool) -> Int32 {
        unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
    }

    private static func block(_ node: OpaquePointer, options: Int32) -> MarkdownBlock {
        let kind: MarkdownBlock.Kind
        var literal = ""
        switch cmark_node_get_type(node) {
        case CMARK_NODE_CODE_BLOCK:
            literal = string(cmark_node_get_literal(node))
            kind = .code(info: string(cmark_node_get_fence_info(node)))
        case CMARK_NODE_HEADING:
            kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_HTML_BLOCK:
            kind = .html
        default:
            kind = .other
        }
        var html = ""
        if let out = cmark_render_html(node, options) {
            html = String(cString: out)
            free(out)
        }
        return MarkdownBlock(
            kind: kind,
            startLine: Int(cmark_node_get_start_line(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            startColumn: Int(cmark_node_get_start_column(node)),
            literal: literal,
            html: html,
            plainText: kind == .other || kind == .html ? "" : plainText(node),
            nestedFenceLines: kind == .other ? nestedFences(node) : [])
    }

    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        walk(node) { child in
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    private static func nestedFences(_ node: OpaquePointer) -> [Int] {
        var lines: [Int] = []
        walk(node) { child in
            // Only a fenced block has an info string, so "swift" there means a nested swift fence.
            if cmark_node_get_type(child) == CMARK_NODE_CODE_BLOCK,
               string(cmark_node_get_fence_info(child)).split(separator: " ").first == "swift" {
                lines.append(Int(cmark_node_get_start_line(child)))
            }
        }
        return lines
    }

    private static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                visit(node)
            }
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
