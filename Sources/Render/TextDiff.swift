/// Line diffs in unified format, for snapshot differences.
public enum TextDiff {
    /// A unified diff (`-old`, `+new`, ` same`) of two line lists, with up to `context` unchanged
    /// lines around each change and `@@` hunk headers.
    public static func unified(old: [String], new: [String], context: Int = 3) -> String {
        let ops = script(old, new)
        var hunks: [String] = []
        var i = 0
        while i < ops.count {
            guard ops[i].kind != .same else { i += 1; continue }
            let start = max(0, i - context)
            var end = i
            // Extend the hunk while changes are closer than 2*context lines apart.
            while end < ops.count {
                if ops[end].kind != .same { end += 1; continue }
                var run = end
                while run < ops.count && ops[run].kind == .same { run += 1 }
                if run < ops.count && run - end <= 2 * context { end = run } else { break }
            }
            let stop = min(ops.count, end + context)
            let slice = ops[start..<stop]
            let oldStart = (ops[..<start].filter { $0.kind != .insert }.count) + 1
            let newStart = (ops[..<start].filter { $0.kind != .delete }.count) + 1
            let oldCount = slice.filter { $0.kind != .insert }.count
            let newCount = slice.filter { $0.kind != .delete }.count
            var lines = ["@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@"]
            for op in slice {
                switch op.kind {
                case .same: lines.append(" " + op.line)
                case .delete: lines.append("-" + op.line)
                case .insert: lines.append("+" + op.line)
                }
            }
            hunks.append(lines.joined(separator: "\n"))
            i = stop
        }
        return hunks.joined(separator: "\n") + (hunks.isEmpty ? "" : "\n")
    }

    struct Op {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var line: String
    }

    /// The shortest edit script by longest common subsequence (cells are small).
    static func script(_ a: [String], _ b: [String]) -> [Op] {
        let n = a.count, m = b.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] { ops.append(Op(kind: .same, line: a[i])); i += 1; j += 1 }
            // Deletions before insertions, as diff and git print them.
            else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) { ops.append(Op(kind: .delete, line: a[i])); i += 1 }
            else { ops.append(Op(kind: .insert, line: b[j])); j += 1 }
        }
        return ops
    }
}
