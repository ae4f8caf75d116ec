/// The TeX vocabulary the math converter knows: command names → the character or word they
/// stand for, and how MathML should treat it (identifier, operator, large operator, ...).
enum MathSymbols {
    /// Greek letters. Lowercase are italic identifiers (as in TeX); uppercase are upright.
    static let greek: [String: Character] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ",
        "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ",
        "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Symbols that are identifiers (ordinary atoms), shown upright.
    static let ordinary: [String: String] = [
        "infty": "∞", "partial": "∂", "nabla": "∇", "top": "⊤", "bot": "⊥", "ell": "ℓ",
        "hbar": "ℏ", "emptyset": "∅", "varnothing": "∅", "prime": "′", "Re": "ℜ", "Im": "ℑ",
        "aleph": "ℵ", "forall": "∀", "exists": "∃", "neg": "¬", "lnot": "¬", "dagger": "†",
        "angle": "∠", "triangle": "△", "imath": "ı", "jmath": "ȷ",
    ]

    /// Binary operators, relations, arrows and punctuation: `<mo>`.
    static let operators: [String: String] = [
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "star": "⋆",
        "circ": "∘", "bullet": "∙", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "ominus": "⊖",
        "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
        "equiv": "≡", "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝", "ll": "≪", "gg": "≫",
        "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆", "supset": "⊃",
        "supseteq": "⊇", "cup": "∪", "cap": "∩", "setminus": "∖", "wedge": "∧", "land": "∧",
        "vee": "∨", "lor": "∨", "mid": "∣", "parallel": "∥", "perp": "⊥",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
        "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹", "iff": "⟺",
        "mapsto": "↦", "longrightarrow": "⟶", "longleftarrow": "⟵", "uparrow": "↑", "downarrow": "↓",
        "dots": "…", "ldots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱",
        "colon": ":", "vert": "|", "Vert": "‖", "|": "‖", "lvert": "|", "rvert": "|", "lVert": "‖",
        "rVert": "‖", "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈",
        "rceil": "⌉", "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "lbrack": "[", "rbrack": "]",
        "backslash": "∖", "%": "%", "$": "$", "&": "&", "#": "#", "_": "_",
    ]

    /// Large operators whose scripts go under and over them in display math.
    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁",
        "bigotimes": "⨂", "bigodot": "⨀", "bigvee": "⋁", "bigwedge": "⋀",
    ]

    /// Integrals: scripts stay at the side.
    static let integrals: [String: String] = ["int": "∫", "iint": "∬", "iiint": "∭", "oint": "∮"]

    /// `\tanh`, `\log`, ...: upright function names, scripts at the side.
    static let functions: Set<String> = [
        "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth", "arcsin",
        "arccos", "arctan", "exp", "log", "ln", "lg", "det", "dim", "ker", "deg", "arg", "gcd",
        "hom", "Pr",
    ]

    /// `\lim`, `\max`, ...: upright names whose scripts go underneath in display math.
    static let limitFunctions: Set<String> = [
        "lim", "liminf", "limsup", "max", "min", "sup", "inf", "argmax", "argmin",
    ]

    /// Words course notes write without a backslash (`softmax(e^t)`, `tanh(x)`): shown upright as
    /// one name rather than as a product of italic letters. Matched ignoring case.
    static let plainFunctionWords: Set<String> = [
        "softmax", "tanh", "sigmoid", "relu", "gelu", "exp", "log", "ln", "sin", "cos", "tan",
        "max", "min", "argmax", "argmin", "concat", "score", "attention", "sign", "mean", "var",
        "diag", "tr", "rank", "layernorm", "dropout",
    ]

    /// Accents over their argument: command → (mark, stretchy).
    static let accents: [String: (mark: String, stretchy: Bool)] = [
        "tilde": ("˜", false), "hat": ("ˆ", false), "bar": ("‾", false), "vec": ("→", false),
        "dot": ("˙", false), "ddot": ("¨", false), "check": ("ˇ", false), "breve": ("˘", false),
        "acute": ("´", false), "grave": ("`", false), "mathring": ("˚", false),
        "widetilde": ("˜", true), "widehat": ("ˆ", true), "overline": ("‾", true),
        "overrightarrow": ("→", true), "overleftarrow": ("←", true),
    ]

    /// Spacing commands → width in em.
    static let spaces: [String: Double] = [
        ",": 0.1667, ":": 0.2222, ">": 0.2222, ";": 0.2778, "!": -0.1667, " ": 0.3333,
        "quad": 1, "qquad": 2, "thinspace": 0.1667, "medspace": 0.2222, "thickspace": 0.2778,
        "enspace": 0.5,
    ]

    /// `\big(` and friends → the size of the delimiter.
    static let bigSizes: [String: String] = [
        "big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "bigm": "1.2em",
        "Big": "1.8em", "Bigl": "1.8em", "Bigr": "1.8em", "Bigm": "1.8em",
        "bigg": "2.4em", "biggl": "2.4em", "biggr": "2.4em", "biggm": "2.4em",
        "Bigg": "3em", "Biggl": "3em", "Biggr": "3em", "Biggm": "3em",
    ]

    /// Characters typed directly that are operators in math (`-` is typeset as a minus sign,
    /// `*` as TeX's centred asterisk).
    static let operatorCharacters: [Character: String] = [
        "+": "+", "-": "−", "=": "=", "<": "<", ">": ">", "(": "(", ")": ")", "[": "[", "]": "]",
        ",": ",", ";": ";", ":": ":", "!": "!", "?": "?", "/": "/", "|": "|", "*": "∗", ".": ".",
    ]

    /// Environments drawn as a matrix with these fences.
    static let matrixFences: [String: (open: String, close: String)] = [
        "matrix": ("", ""), "smallmatrix": ("", ""), "pmatrix": ("(", ")"), "bmatrix": ("[", "]"),
        "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"), "Vmatrix": ("‖", "‖"),
    ]

    /// Environments of aligned rows: columns alternate right and left alignment.
    static let alignedEnvironments: Set<String> = [
        "aligned", "align", "align*", "alignat", "alignat*", "split", "eqnarray", "eqnarray*",
    ]

    /// Environments of centred rows, one column.
    static let gatheredEnvironments: Set<String> = ["gathered", "gather", "gather*", "multline", "multline*"]

    /// Maps a letter or digit to its Unicode mathematical alphanumeric form for a font command
    /// (MathML Core only supports `mathvariant="normal"`, so other fonts use these characters).
    static func styled(_ c: Character, font: MathFont) -> Character {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1, scalar.isASCII else { return c }
        let v = scalar.value
        let isUpper = (65...90).contains(v), isLower = (97...122).contains(v), isDigit = (48...57).contains(v)
        func at(_ base: UInt32, _ offset: UInt32) -> Character {
            Unicode.Scalar(base + offset).map(Character.init) ?? c
        }
        switch font {
        case .normal, .italic: return c
        case .bold:
            if isUpper { return at(0x1D400, v - 65) }
            if isLower { return at(0x1D41A, v - 97) }
            if isDigit { return at(0x1D7CE, v - 48) }
        case .boldItalic:
            if isUpper { return at(0x1D468, v - 65) }
            if isLower { return at(0x1D482, v - 97) }
            if isDigit { return at(0x1D7CE, v - 48) }
        case .doubleStruck:
            let holes: [Character: Character] = ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
            if let h = holes[c] { return h }
            if isUpper { return at(0x1D538, v - 65) }
            if isLower { return at(0x1D552, v - 97) }
            if isDigit { return at(0x1D7D8, v - 48) }
        case .calligraphic:
            let holes: [Character: Character] = ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ"]
            if let h = holes[c] { return h }
            if isUpper { return at(0x1D49C, v - 65) }
        }
        return c
    }

    /// Font commands → font.
    static let fonts: [String: MathFont] = [
        "mathrm": .normal, "rm": .normal, "mathup": .normal, "mathbf": .bold, "bf": .bold,
        "boldsymbol": .boldItalic, "bm": .boldItalic, "mathit": .italic, "mathbb": .doubleStruck,
        "mathcal": .calligraphic,
    ]
}

/// The font letters are set in.
enum MathFont {
    /// TeX's default: single letters italic (`<mi>x</mi>`).
    case italic
    /// Upright (`\mathrm`).
    case normal
    case bold, boldItalic, doubleStruck, calligraphic
}
