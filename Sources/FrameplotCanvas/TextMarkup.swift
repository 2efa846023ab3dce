/// Helpers for Pango markup in ``TextStyle/markup`` text.
///
/// ```swift
/// let label = "<i>x</i><sub>1</sub> < " + TextMarkup.escape("a & b")
/// canvas.drawText(label, at: p, style: TextStyle(markup: true))
/// ```
public enum TextMarkup {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, so it shows literally inside markup.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Markup for `base` in italics with `subscript` below, e.g. `italicSubscript("w", "0")` for w₀.
    public static func italicSubscript(_ base: String, _ index: String) -> String {
        "<i>\(escape(base))</i><sub>\(escape(index))</sub>"
    }
}
