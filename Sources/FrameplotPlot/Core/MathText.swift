/// Converts text with TeX-like maths between `$…$` into Pango markup.
///
/// Inside `$…$`: letters become italic (digits, operators and punctuation stay upright,
/// as in TeX), `x_1` / `x_{12}` subscripts, `10^{-3}` superscripts, `-` becomes the
/// true minus sign U+2212, Greek letters (`\alpha`, `\epsilon`, `\Sigma` …; lowercase
/// italic, uppercase upright), accents (`\hat{y}` → ŷ, `\bar`, `\tilde`, `\dot`, `\vec`)
/// as combining characters, operators (`\cdot`, `\times`, `\pm`, `\le`, `\ge`, `\ne`,
/// `\approx`, `\infty`, `\partial`, `\nabla`, `\sum`, `\to` …), upright function names
/// (`\log`, `\exp`, `\sin` …), `\mathrm{…}`/`\text{…}`, `\mathbf{…}`, `\frac{a}{b}`
/// (as a/b) and `\sqrt{x}`. Spaces are kept as written. Outside `$…$` the text is
/// escaped and shown literally; `\$` is a literal dollar. Never fails: an unmatched
/// `$` or unknown command is shown as written.
///
/// ```swift
/// MathText.markup("$y = 0.431x + 3.31$")  // "<i>y</i> = 0.431<i>x</i> + 3.31"
/// MathText.markup("$(x_1, y_1)$")          // "(<i>x</i><sub>1</sub>, <i>y</i><sub>1</sub>)"
/// MathText.markup("$\\hat{L}_D(a, b)$")    // "<i>L̂</i><sub><i>D</i></sub>(<i>a</i>, <i>b</i>)"
/// MathText.markup("loss < 1 & $10^{-3}$")  // "loss &lt; 1 &amp; 10<sup>−3</sup>"
/// ```
public enum MathText {
    /// Pango markup for `text` (maths between `$…$`); draw it with `TextStyle(markup: true)`.
    public static func markup(_ text: String) -> String {
        let chars = Array(text)
        // Positions of unescaped dollars; an odd last one stays literal.
        var dollars: [Int] = []
        var k = 0
        while k < chars.count {
            if chars[k] == "\\" && k + 1 < chars.count { k += 2; continue }
            if chars[k] == "$" { dollars.append(k) }
            k += 1
        }
        if dollars.count % 2 == 1 { dollars.removeLast() }
        var out = ""
        var position = 0
        for pair in stride(from: 0, to: dollars.count, by: 2) {
            let open = dollars[pair], close = dollars[pair + 1]
            out += literal(chars[position..<open])
            var renderer = MathRenderer(chars: Array(chars[(open + 1)..<close]))
            out += renderer.render(insideGroup: false)
            position = close + 1
        }
        out += literal(chars[position...])
        return out
    }

    /// `text` escaped for Pango markup (`&`, `<`, `>`), shown exactly as written.
    ///
    /// ```swift
    /// MathText.escaped("a<b & c")  // "a&lt;b &amp; c"
    /// ```
    public static func escaped(_ text: String) -> String {
        var out = ""
        for c in text { out += escape(c) }
        return out
    }

    static func escape(_ c: Character) -> String {
        switch c {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        default: return String(c)
        }
    }

    /// Text outside maths: escaped, with `\$` shown as `$`.
    static func literal(_ chars: ArraySlice<Character>) -> String {
        var out = ""
        var i = chars.startIndex
        while i < chars.endIndex {
            if chars[i] == "\\", i + 1 < chars.endIndex, chars[i + 1] == "$" {
                out += "$"; i += 2; continue
            }
            out += escape(chars[i]); i += 1
        }
        return out
    }
}
