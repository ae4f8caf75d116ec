/// Typesets course-note TeX as MathML Core at build time (no MathJax, no KaTeX, no JavaScript).
///
///     MathConverter.mathML(for: "\\frac{a}{b}", display: true)
///     // .success(<math display="block"><semantics><mrow><mfrac>…</mfrac></mrow>
///     //          <annotation encoding="application/x-tex">\frac{a}{b}</annotation></semantics></math>)
///
/// Knows sub/superscripts, `\frac`, `\sqrt`, `\sum`/`\prod` with limits, Greek, accents
/// (`\tilde` `\hat` `\bar` `\vec` ...), `\text`, `\mathrm`/`\mathbf`/`\mathbb`/`\mathcal`,
/// `\operatorname`, function names (`\tanh`, `\exp`, and `softmax`, `tanh` written plainly),
/// `\left( \right)`, `\big`, matrices (`pmatrix`, `bmatrix`, ...), `cases`, `array`, and aligned
/// equations (`aligned`, `align*`, ...). Anything else is a `MathConversionError`: the page then
/// shows the TeX itself (see `MathConverter.html(for:display:)`).
public enum MathConverter {
    /// The formula's MathML, `<math>` element included, or why it could not be converted.
    public static func mathML(for tex: String, display: Bool) -> Result<String, MathConversionError> {
        var parser = TeXParser(tex)
        do {
            let body = try parser.parseFormula()
            let mode = display ? " display=\"block\"" : ""
            let annotation = "<annotation encoding=\"application/x-tex\">\(escapeMath(tex))</annotation>"
            return .success("<math\(mode)><semantics><mrow>\(body)</mrow>\(annotation)</semantics></math>")
        } catch let error as MathConversionError {
            return .failure(error)
        } catch {
            return .failure(MathConversionError(message: "\(error)"))
        }
    }

    /// The formula's MathML without the `<math>` wrapper (for tests and tooling).
    static func body(for tex: String) throws -> String {
        var parser = TeXParser(tex)
        return try parser.parseFormula()
    }

    /// HTML for the formula: MathML, or, when the TeX cannot be converted, the TeX in code style
    /// (never dropped) plus the reason, which the caller turns into a warning.
    public static func html(for tex: String, display: Bool) -> (html: String, error: MathConversionError?) {
        switch mathML(for: tex, display: display) {
        case .success(let m):
            return (display ? "<div class=\"math-display\">\(m)</div>" : m, nil)
        case .failure(let e):
            let delimiter = display ? "$$" : "$"
            let code = "<code class=\"tex-unconverted\" title=\"\(HTML.escapeAttribute("TeX not converted: " + e.message))\">\(HTML.escape(delimiter + tex + delimiter))</code>"
            return (display ? "<div class=\"math-display\">\(code)</div>" : code, e)
        }
    }
}
