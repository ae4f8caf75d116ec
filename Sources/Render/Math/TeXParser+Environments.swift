/// `\begin{...}` environments: matrices, cases, arrays and aligned equations as `<mtable>`.
extension TeXParser {

    /// `\begin{name} ... \end{name}` (after `\begin` was read): matrices, cases, aligned rows.
    mutating func parseEnvironment() throws -> MathAtom {
        skipSpaces()
        try expect("{")
        let name = try readRaw(until: "}")
        var columnAlign: [String]? = nil
        if name == "array" {
            skipSpaces()
            try expect("{")
            let spec = try readRaw(until: "}")
            columnAlign = spec.compactMap { ["l": "left", "c": "center", "r": "right"][$0] }
        }
        if name == "alignat" || name == "alignat*" {
            skipSpaces()
            try expect("{")
            _ = try readRaw(until: "}")
        }
        let rows = try parseTableRows()
        guard peekCommand() == "end" else { throw error("\\begin{\(name)} without \\end") }
        pos += 4
        skipSpaces()
        try expect("{")
        let endName = try readRaw(until: "}")
        guard endName == name else { throw error("\\begin{\(name)} ended by \\end{\(endName)}") }

        func table(align: (Int) -> String, attributes: String = "") -> String {
            let body = rows.map { row in
                "<mtr>" + row.enumerated().map { i, cell in
                    let a = align(i)
                    return "<mtd\(a == "center" ? "" : " style=\"text-align: \(a)\"")>\(cell)</mtd>"
                }.joined() + "</mtr>"
            }.joined()
            return "<mtable\(attributes)>\(body)</mtable>"
        }
        if let fences = MathSymbols.matrixFences[name] {
            let t = table(align: { _ in "center" })
            let open = fences.open.isEmpty ? "" : "<mo fence=\"true\" stretchy=\"true\" form=\"prefix\">\(fences.open)</mo>"
            let close = fences.close.isEmpty ? "" : "<mo fence=\"true\" stretchy=\"true\" form=\"postfix\">\(fences.close)</mo>"
            return MathAtom(mathml: "<mrow>\(open)\(t)\(close)</mrow>")
        }
        if let columnAlign {
            return MathAtom(mathml: table(align: { $0 < columnAlign.count ? columnAlign[$0] : "center" }))
        }
        if name == "cases" {
            let t = table(align: { _ in "left" })
            return MathAtom(mathml: "<mrow><mo fence=\"true\" stretchy=\"true\" form=\"prefix\">{</mo>\(t)</mrow>")
        }
        if MathSymbols.alignedEnvironments.contains(name) {
            return MathAtom(mathml: table(align: { $0 % 2 == 0 ? "right" : "left" }, attributes: " displaystyle=\"true\" class=\"tex-aligned\""))
        }
        if MathSymbols.gatheredEnvironments.contains(name) {
            return MathAtom(mathml: table(align: { _ in "center" }, attributes: " displaystyle=\"true\""))
        }
        throw error("unsupported environment \(name)")
    }

    /// Rows separated by `\\`, cells by `&`, until `\end`. Each cell is an `<mrow>`.
    mutating func parseTableRows() throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        while true {
            let cell = try parseRow()
            row.append(mrow(cell))
            guard pos < chars.count else { throw error("environment not closed") }
            if chars[pos] == "&" {
                pos += 1
                continue
            }
            if chars[pos] == "}" { throw error("unmatched '}'") }
            let name = peekCommand()
            if name == "\\" || name == "cr" {
                pos += (name?.count ?? 0) + 1
                skipSpaces()
                if pos < chars.count, chars[pos] == "[" { _ = try readRaw(until: "]", from: pos + 1) }
                rows.append(row)
                row = []
                skipHline()
                continue
            }
            if name == "end" {
                // A trailing `\\` leaves one empty cell: not a row.
                if !(row.count == 1 && cell.isEmpty) || rows.isEmpty { rows.append(row) }
                return rows
            }
            throw error("\\right without \\left")
        }
    }

    mutating func skipHline() {
        while true {
            skipSpaces()
            guard let name = peekCommand(), name == "hline" else { return }
            pos += 6
        }
    }

}
