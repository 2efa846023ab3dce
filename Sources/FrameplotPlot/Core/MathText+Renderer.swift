/// A small recursive-descent renderer for the maths inside one `$…$`.
struct MathRenderer {
    let chars: [Character]
    var i = 0

    init(chars: [Character]) { self.chars = chars }

    /// Renders up to the end, or to the closing `}` of a group (consumed).
    mutating func render(insideGroup: Bool) -> String {
        var out = ""
        var italic = ""
        func flush() {
            if !italic.isEmpty { out += "<i>\(italic)</i>"; italic = "" }
        }
        while i < chars.count {
            let c = chars[i]
            if c == "}" {
                i += 1
                if insideGroup { break }
                continue  // a stray closing brace: drop it
            }
            switch c {
            case "{":
                i += 1
                flush(); out += render(insideGroup: true)
            case "_", "^":
                i += 1
                flush()
                let tag = c == "_" ? "sub" : "sup"
                out += "<\(tag)>\(renderArgument())</\(tag)>"
            case "\\":
                i += 1
                switch command() {
                case .italic(let s): italic += s
                case .upright(let s): flush(); out += s
                }
            default:
                i += 1
                if c.isLetter && c.isASCII {
                    italic.append(c)
                } else {
                    flush(); out += MathRenderer.upright(c)
                }
            }
        }
        flush()
        return out
    }

    static func upright(_ c: Character) -> String {
        c == "-" ? "\u{2212}" : MathText.escape(c)
    }

    /// The argument of `_`, `^` or a command: a braced group, a command, or one character.
    mutating func renderArgument() -> String {
        while i < chars.count && chars[i] == " " { i += 1 }
        guard i < chars.count else { return "" }
        let c = chars[i]
        if c == "{" {
            i += 1
            return render(insideGroup: true)
        }
        if c == "\\" {
            i += 1
            switch command() {
            case .italic(let s): return "<i>\(s)</i>"
            case .upright(let s): return s
            }
        }
        i += 1
        return c.isLetter && c.isASCII ? "<i>\(MathText.escape(c))</i>" : MathRenderer.upright(c)
    }

    /// The raw text of the next argument (a braced group's contents or one character).
    mutating func rawArgument() -> String {
        while i < chars.count && chars[i] == " " { i += 1 }
        guard i < chars.count else { return "" }
        if chars[i] == "{" {
            var depth = 0
            var raw = ""
            while i < chars.count {
                let c = chars[i]; i += 1
                if c == "{" { depth += 1; if depth == 1 { continue } }
                if c == "}" { depth -= 1; if depth == 0 { break } }
                raw.append(c)
            }
            return raw
        }
        let c = chars[i]; i += 1
        return String(c)
    }

    enum Output { case italic(String), upright(String) }

    /// Reads a command name after a backslash and renders it.
    mutating func command() -> Output {
        guard i < chars.count else { return .upright("\\") }
        var name = ""
        if chars[i].isLetter && chars[i].isASCII {
            while i < chars.count && chars[i].isLetter && chars[i].isASCII { name.append(chars[i]); i += 1 }
        } else {
            name = String(chars[i]); i += 1
        }
        if let g = MathRenderer.greekLower[name] { return .italic(g) }
        if let g = MathRenderer.greekUpper[name] { return .upright(g) }
        if let s = MathRenderer.symbols[name] { return .upright(s) }
        if MathRenderer.functions.contains(name) { return .upright(name) }
        if let mark = MathRenderer.accents[name] {
            let raw = Array(rawArgument())
            if raw.count == 1, let c = raw.first {
                return c.isLetter && c.isASCII ? .italic(String(c) + mark) : .upright(MathText.escape(c) + mark)
            }
            if raw.first == "\\" {
                var inner = MathRenderer(chars: raw)
                inner.i = 1
                switch inner.command() {
                case .italic(let s): return .italic(s + mark)
                case .upright(let s): return .upright(s + mark)
                }
            }
            // Several characters: no single base for the mark; show them plainly.
            var inner = MathRenderer(chars: raw)
            return .upright(inner.render(insideGroup: false))
        }
        switch name {
        case "mathrm", "text", "textrm", "operatorname", "mathit", "mathsf", "mathtt":
            let raw = rawArgument()
            let escaped = MathText.escaped(raw)
            return name == "mathit" ? .italic(escaped) : .upright(escaped)
        case "mathbf", "textbf", "boldsymbol":
            var inner = MathRenderer(chars: Array(rawArgument()))
            return .upright("<b>\(inner.render(insideGroup: false))</b>")
        case "frac", "dfrac", "tfrac":
            var a = MathRenderer(chars: Array(rawArgument())), b = MathRenderer(chars: Array(rawArgument()))
            let na = a.render(insideGroup: false), nb = b.render(insideGroup: false)
            func wrap(_ s: String, _ raw: [Character]) -> String { raw.count > 1 && raw.contains(where: { "+-".contains($0) }) ? "(\(s))" : s }
            return .upright(wrap(na, a.chars) + "/" + wrap(nb, b.chars))
        case "sqrt":
            let raw = Array(rawArgument())
            var inner = MathRenderer(chars: raw)
            let s = inner.render(insideGroup: false)
            return .upright(raw.count > 1 ? "√(\(s))" : "√" + s)
        case "left", "right", "displaystyle", "limits", "nolimits":
            return .upright("")
        default:
            return .upright(MathText.escaped(name))
        }
    }

    static let greekLower: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
        "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
        "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    ]
    static let greekUpper: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]
    static let symbols: [String: String] = [
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "le": "≤", "leq": "≤",
        "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈", "sim": "∼", "simeq": "≃",
        "equiv": "≡", "propto": "∝", "infty": "∞", "partial": "∂", "nabla": "∇", "sum": "∑",
        "prod": "∏", "int": "∫", "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒",
        "mapsto": "↦", "in": "∈", "notin": "∉", "subset": "⊂", "cup": "∪", "cap": "∩",
        "forall": "∀", "exists": "∃", "ldots": "…", "cdots": "⋯", "dots": "…", "circ": "∘",
        "ast": "∗", "star": "⋆", "prime": "′", "top": "⊤", "odot": "⊙", "otimes": "⊗",
        "oplus": "⊕", "langle": "⟨", "rangle": "⟩", "lVert": "‖", "rVert": "‖", "|": "‖",
        "mid": "|", "ell": "ℓ", "hbar": "ℏ",
        ",": "\u{2009}", ":": "\u{2005}", ";": "\u{2004}", "!": "", " ": " ", "quad": "\u{2003}",
        "qquad": "\u{2003}\u{2003}", "%": "%", "$": "$", "&": "&amp;", "#": "#", "_": "_",
        "{": "{", "}": "}", "\\": " ", "lbrace": "{", "rbrace": "}",
    ]
    static let functions: Set<String> = [
        "sin", "cos", "tan", "log", "ln", "exp", "max", "min", "arg", "argmax", "argmin", "sup",
        "inf", "lim", "tanh", "sinh", "cosh", "det", "sgn", "Pr", "dim", "ker",
    ]
    static let accents: [String: String] = [
        "hat": "\u{0302}", "widehat": "\u{0302}", "bar": "\u{0304}", "overline": "\u{0305}",
        "tilde": "\u{0303}", "widetilde": "\u{0303}", "dot": "\u{0307}", "ddot": "\u{0308}",
        "vec": "\u{20D7}", "check": "\u{030C}", "acute": "\u{0301}", "grave": "\u{0300}",
    ]
}
