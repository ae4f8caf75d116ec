// Parsing a notebook's cells ahead, on another thread, while the cells before them run. A cell's
// parse does not depend on the cells before it, and it is a tenth of the attention notebook's
// time (the debug build compiles swift-syntax without optimisation).
import Foundation

extension Session {
    /// Parses `cells` (in order) on a background thread; `run` then takes a cell's parse from
    /// there, waiting if it is under way, instead of parsing the cell itself. Cells never
    /// given here are parsed by `run` as before.
    public func parseAhead(_ cells: [CellSource]) {
        ahead.start(cells)
    }
}

/// Parses made ahead of their cells' runs, keyed by the cell's code and place.
final class ParsedAhead: @unchecked Sendable {
    private struct Key: Hashable {
        var code: String, file: String, line: Int, column: Int
        init(_ cell: CellSource) { (code, file, line, column) = (cell.code, cell.file, cell.line, cell.column) }
    }

    private let condition = NSCondition()
    private var parsed: [Key: CellParser.Parsed] = [:]
    private var pending: Set<Key> = []

    func start(_ cells: [CellSource]) {
        guard !cells.isEmpty else { return }
        condition.withLock { for cell in cells { pending.insert(Key(cell)) } }
        let thread = Thread { [self] in
            for cell in cells {
                let result = CellParser.parse(cell)
                condition.withLock {
                    parsed[Key(cell)] = result
                    pending.remove(Key(cell))
                    condition.broadcast()
                }
            }
        }
        thread.stackSize = Session.stackSize  // swift-syntax recurses on deeply nested code
        thread.start()
    }

    /// The parse of `cell` made ahead (waiting for it if it is under way), or nil if there is none.
    func take(_ cell: CellSource) -> CellParser.Parsed? {
        let key = Key(cell)
        condition.lock()
        defer { condition.unlock() }
        while pending.contains(key) { condition.wait() }
        return parsed.removeValue(forKey: key)
    }
}
