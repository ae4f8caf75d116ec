import Testing
@testable import Render

/// The TeX → MathML converter against a table of inputs and the MathML Core they must give
/// (hand-checked against the MathML Core spec: scripts as msub/msup/msubsup, limits of large
/// operators as munderover, fences as stretchy mo, matrices as mtable).
struct MathConverterTests {
    static let table: [(tex: String, mathml: String)] = [
        ("x", "<mi>x</mi>"),
        ("x^2", "<msup><mi>x</mi><mn>2</mn></msup>"),
        ("a_t", "<msub><mi>a</mi><mi>t</mi></msub>"),
        ("x_i^t", "<msubsup><mi>x</mi><mi>i</mi><mi>t</mi></msubsup>"),
        ("x^{t}_{i}", "<msubsup><mi>x</mi><mi>i</mi><mi>t</mi></msubsup>"),
        ("xy", "<mrow><mi>x</mi><mi>y</mi></mrow>"),
        ("3.14 - x", "<mrow><mn>3.14</mn><mo>−</mo><mi>x</mi></mrow>"),
        ("a < b", "<mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>"),
        ("\\frac{a}{b+1}", "<mfrac><mi>a</mi><mrow><mi>b</mi><mo>+</mo><mn>1</mn></mrow></mfrac>"),
        ("\\frac12", "<mfrac><mn>1</mn><mn>2</mn></mfrac>"),
        ("\\sum_{i=1}^{N} x_i",
         "<mrow><munderover><mo largeop=\"true\" movablelimits=\"true\">∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>N</mi></munderover><msub><mi>x</mi><mi>i</mi></msub></mrow>"),
        ("\\prod_i p_i",
         "<mrow><munder><mo largeop=\"true\" movablelimits=\"true\">∏</mo><mi>i</mi></munder><msub><mi>p</mi><mi>i</mi></msub></mrow>"),
        ("\\alpha + \\Omega", "<mrow><mi>α</mi><mo>+</mo><mi mathvariant=\"normal\">Ω</mi></mrow>"),
        ("{\\alpha}^t", "<msup><mi>α</mi><mi>t</mi></msup>"),
        ("\\tilde{s}_t", "<msub><mover accent=\"true\"><mi>s</mi><mo stretchy=\"false\">˜</mo></mover><mi>t</mi></msub>"),
        ("\\hat{y}", "<mover accent=\"true\"><mi>y</mi><mo stretchy=\"false\">ˆ</mo></mover>"),
        ("\\bar{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">‾</mo></mover>"),
        ("\\vec{v}", "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\">→</mo></mover>"),
        ("\\text{if } x", "<mrow><mtext>if </mtext><mi>x</mi></mrow>"),
        ("\\text{a<b}", "<mtext>a&lt;b</mtext>"),
        ("\\mathrm{d}x", "<mrow><mi mathvariant=\"normal\">d</mi><mi>x</mi></mrow>"),
        ("\\mathbf{W}", "<mi>𝐖</mi>"),
        ("\\mathbb{R}^n", "<msup><mi>ℝ</mi><mi>n</mi></msup>"),
        ("\\operatorname{softmax}(z)", "<mrow><mi>softmax</mi><mo form=\"prefix\" stretchy=\"false\">(</mo><mi>z</mi><mo form=\"postfix\" stretchy=\"false\">)</mo></mrow>"),
        ("softmax(e^t)", "<mrow><mi>softmax</mi><mo form=\"prefix\" stretchy=\"false\">(</mo><msup><mi>e</mi><mi>t</mi></msup><mo form=\"postfix\" stretchy=\"false\">)</mo></mrow>"),
        ("\\tanh x", "<mrow><mi>tanh</mi><mi>x</mi></mrow>"),
        ("\\exp(x)", "<mrow><mi>exp</mi><mo form=\"prefix\" stretchy=\"false\">(</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"false\">)</mo></mrow>"),
        ("\\max_{i} x_i",
         "<mrow><munder><mo movablelimits=\"true\" form=\"prefix\">max</mo><mi>i</mi></munder><msub><mi>x</mi><mi>i</mi></msub></mrow>"),
        ("\\left( \\frac{1}{2} \\right)",
         "<mrow><mo fence=\"true\" stretchy=\"true\" form=\"prefix\">(</mo><mfrac><mn>1</mn><mn>2</mn></mfrac><mo fence=\"true\" stretchy=\"true\" form=\"postfix\">)</mo></mrow>"),
        ("\\left. x \\right|", "<mrow><mi>x</mi><mo fence=\"true\" stretchy=\"true\" form=\"postfix\">|</mo></mrow>"),
        ("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
         "<mrow><mo fence=\"true\" stretchy=\"true\" form=\"prefix\">(</mo><mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable><mo fence=\"true\" stretchy=\"true\" form=\"postfix\">)</mo></mrow>"),
        ("\\begin{bmatrix} 1 \\\\ 2 \\\\ \\end{bmatrix}",
         "<mrow><mo fence=\"true\" stretchy=\"true\" form=\"prefix\">[</mo><mtable><mtr><mtd><mn>1</mn></mtd></mtr><mtr><mtd><mn>2</mn></mtd></mtr></mtable><mo fence=\"true\" stretchy=\"true\" form=\"postfix\">]</mo></mrow>"),
        ("\\begin{aligned} a &= b \\\\ &= c \\end{aligned}",
         "<mtable displaystyle=\"true\" class=\"tex-aligned\"><mtr><mtd style=\"text-align: right\"><mi>a</mi></mtd><mtd style=\"text-align: left\"><mrow><mo>=</mo><mi>b</mi></mrow></mtd></mtr><mtr><mtd style=\"text-align: right\"><mrow></mrow></mtd><mtd style=\"text-align: left\"><mrow><mo>=</mo><mi>c</mi></mrow></mtd></mtr></mtable>"),
        ("a \\cdot b \\times c", "<mrow><mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi></mrow>"),
        ("H^\\top", "<msup><mi>H</mi><mi mathvariant=\"normal\">⊤</mi></msup>"),
        ("W^T", "<msup><mi>W</mi><mi>T</mi></msup>"),
        ("x'", "<msup><mi>x</mi><mo>′</mo></msup>"),
        ("\\sqrt{x}", "<msqrt><mi>x</mi></msqrt>"),
        ("\\sqrt[3]{x}", "<mroot><mi>x</mi><mn>3</mn></mroot>"),
        ("[a_t ; s_t]", "<mrow><mo form=\"prefix\" stretchy=\"false\">[</mo><msub><mi>a</mi><mi>t</mi></msub><mo>;</mo><msub><mi>s</mi><mi>t</mi></msub><mo form=\"postfix\" stretchy=\"false\">]</mo></mrow>"),
        ("a\\,b", "<mrow><mi>a</mi><mspace width=\"0.1667em\"/><mi>b</mi></mrow>"),
        ("a * b", "<mrow><mi>a</mi><mo>∗</mo><mi>b</mi></mrow>"),
        ("\\mathcal{L}", "<mi>ℒ</mi>"),
        ("\\binom{n}{k}", "<mrow><mo>(</mo><mfrac linethickness=\"0\"><mi>n</mi><mi>k</mi></mfrac><mo>)</mo></mrow>"),
        ("\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}",
         "<mrow><mo fence=\"true\" stretchy=\"true\" form=\"prefix\">{</mo><mtable><mtr><mtd style=\"text-align: left\"><mn>1</mn></mtd><mtd style=\"text-align: left\"><mrow><mi>x</mi><mo>&gt;</mo><mn>0</mn></mrow></mtd></mtr><mtr><mtd style=\"text-align: left\"><mn>0</mn></mtd><mtd style=\"text-align: left\"><mtext>otherwise</mtext></mtd></mtr></mtable></mrow>"),
        ("\\begin{array}{lr} a & b \\end{array}",
         "<mtable><mtr><mtd style=\"text-align: left\"><mi>a</mi></mtd><mtd style=\"text-align: right\"><mi>b</mi></mtd></mtr></mtable>"),
        ("a \\\\ b", "<mtable displaystyle=\"true\"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable>"),
        ("\\underbrace{x+y}_{n}",
         "<munder><munder accentunder=\"true\"><mrow><mi>x</mi><mo>+</mo><mi>y</mi></mrow><mo stretchy=\"true\">⏟</mo></munder><mi>n</mi></munder>"),
        ("\\big( x \\big)", "<mrow><mo minsize=\"1.2em\" maxsize=\"1.2em\">(</mo><mi>x</mi><mo minsize=\"1.2em\" maxsize=\"1.2em\">)</mo></mrow>"),
        ("\\lVert x \\rVert_2", "<mrow><mo stretchy=\"false\">‖</mo><mi>x</mi><msub><mo stretchy=\"false\">‖</mo><mn>2</mn></msub></mrow>"),
        ("\\operatorname*{arg\\,max}_\\theta L",
         "<mrow><munder><mo movablelimits=\"true\" form=\"prefix\">arg\u{2009}max</mo><mi>θ</mi></munder><mi>L</mi></mrow>"),
    ]

    @Test func convertsTheTable() throws {
        for (tex, expected) in Self.table {
            let got = try MathConverter.body(for: tex)
            #expect(got == expected, "\(tex)")
        }
    }

    /// Every formula of the seed notebook (/work/shared/seed, copied here) converts.
    static let seedFormulas = [
        "score(s_t, h_i) = S_t^T h_i ",
        "e^t = [s_t^T h_1, ..., s_t^T h_N]",
        "{\\alpha}^t = softmax(e^t)",
        "a_t = \\sum_{i=1}^{N}{{\\alpha}_i^th_i}",
        "\\tilde{s_t}",
        " \\tilde{s_{t}}=tanh(W_c[a_t ; s_t] + b_c)",
        " \\hat{y_t}=Softmax(W_y\\tilde{s_t}+b_y)",
        " Score_{alignment} = W * tanh(W_{decoder} * H_{decoder} + W_{encoder} * H_{encoder}) ",
        " Score(H_{decoder}, H_{encoder}) = H_{decoder}^T*W_{combine}*H_{encoder}",
        "score(query, key)=V^T tanh(W_1 key + W_2 query) ",
    ]

    @Test func convertsEverySeedFormula() throws {
        for tex in Self.seedFormulas {
            guard case .success(let m) = MathConverter.mathML(for: tex, display: true) else {
                Issue.record("not converted: \(tex)")
                continue
            }
            #expect(m.hasPrefix("<math display=\"block\"><semantics><mrow>"))
            let body = try MathConverter.body(for: tex)
            #expect(!body.contains("\\"), "TeX command left in \(body)")
        }
        // The sum keeps its limits under and over it.
        let sum = try MathConverter.body(for: "a_t = \\sum_{i=1}^{N}{{\\alpha}_i^th_i}")
        #expect(sum.contains("<munderover><mo largeop=\"true\" movablelimits=\"true\">∑</mo>"))
        #expect(sum.contains("<mrow><msubsup><mi>α</mi><mi>i</mi><mi>t</mi></msubsup><msub><mi>h</mi><mi>i</mi></msub></mrow>"))
        // Function words written plainly are upright names.
        #expect(try MathConverter.body(for: " \\hat{y_t}=Softmax(W_y\\tilde{s_t}+b_y)").contains("<mi>Softmax</mi>"))
    }

    @Test func inlineAndDisplayWrappers() throws {
        let inline = try #require(try? MathConverter.mathML(for: "x", display: false).get())
        #expect(inline == "<math><semantics><mrow><mi>x</mi></mrow><annotation encoding=\"application/x-tex\">x</annotation></semantics></math>")
        let display = try #require(try? MathConverter.mathML(for: "a<b", display: true).get())
        #expect(display.hasPrefix("<math display=\"block\">"))
        #expect(display.contains("<annotation encoding=\"application/x-tex\">a&lt;b</annotation>"))
    }

    static let unsupported: [(tex: String, reason: String)] = [
        ("\\foo{x}", "unsupported command \\foo"),
        ("\\frac{a}", "missing argument"),
        ("{x", "missing '}'"),
        ("x}", "unmatched '}'"),
        ("\\left( x", "\\left without \\right"),
        ("\\begin{tikzcd} a \\end{tikzcd}", "unsupported environment tikzcd"),
        ("\\begin{pmatrix} a", "environment not closed"),
        ("x^1^2", "double superscript"),
        ("a & b", "'&' outside an environment"),
    ]

    @Test func unsupportedTeXIsAnErrorNotACrash() {
        for (tex, reason) in Self.unsupported {
            switch MathConverter.mathML(for: tex, display: false) {
            case .success(let m): Issue.record("\(tex) converted to \(m)")
            case .failure(let e): #expect(e.message.contains(reason), "\(tex): \(e.message)")
            }
        }
    }

    @Test func deeplyNestedTeXIsAnErrorNotAStackOverflow() {
        for tex in [String(repeating: "{", count: 100_000) + "x" + String(repeating: "}", count: 100_000),
                    String(repeating: "\\sqrt{", count: 5_000) + "x",
                    String(repeating: "\\frac{", count: 10_000),
                    String(repeating: "\\left(", count: 10_000),
                    String(repeating: "x^{", count: 10_000)] {
            guard case .failure(let e) = MathConverter.mathML(for: tex, display: true) else {
                Issue.record("converted: \(tex.prefix(20))…")
                continue
            }
            #expect(e.message.contains("nested more than 100 levels"), "\(e.message)")
        }
        #expect(throws: Never.self) { try MathConverter.body(for: String(repeating: "{", count: 90) + "x" + String(repeating: "}", count: 90)) }
    }

    @Test func unconvertedTeXIsShownAsEscapedCode() {
        let r = MathConverter.html(for: "\\foo{<b>}", display: false)
        #expect(r.error != nil)
        #expect(r.html.hasPrefix("<code class=\"tex-unconverted\""))
        #expect(r.html.contains(">$\\foo{&lt;b&gt;}$</code>"))
    }
}
