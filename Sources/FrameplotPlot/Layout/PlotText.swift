import FrameplotCanvas

/// Turns user-facing label strings into what the canvas draws.
enum PlotText {
    /// The Pango markup for a label: maths between `$…$` typeset (italics, sub- and
    /// superscripts, true minus), everything else escaped and shown as written.
    static func resolve(_ text: String, style: TextStyle) -> (String, TextStyle) {
        var s = style
        s.markup = true
        return (MathText.markup(text), s)
    }

    /// `text` in `style`, shrunk (down to 60 %) so that it is at most `maxWidth` wide; a
    /// text still too wide at 60 % is cut at the end with "…", so it is never clipped by the
    /// figure's edge.
    static func fitted(_ text: String, style: TextStyle, maxWidth: Double, canvas: any Canvas)
        -> (String, TextStyle, TextMetrics) {
        let (t, base) = resolve(text, style: style)
        var s = base
        var m = canvas.measureText(t, style: s)
        if m.logical.width > maxWidth, maxWidth > 0 {
            s.size = Swift.max(base.size * 0.6, base.size * maxWidth / m.logical.width)
            m = canvas.measureText(t, style: s)
            if m.logical.width > maxWidth * 1.001 {
                return ellipsized(text, style: s, maxWidth: maxWidth, canvas: canvas)
            }
        }
        return (t, s, m)
    }

    /// The longest start of `text` that fits `maxWidth` followed by "…" (binary search over
    /// the characters kept, O(log n) measurements).
    static func ellipsized(_ text: String, style: TextStyle, maxWidth: Double, canvas: any Canvas)
        -> (String, TextStyle, TextMetrics) {
        let characters = Array(text)
        func candidate(_ kept: Int) -> (String, TextStyle, TextMetrics) {
            var start = String(characters.prefix(kept))
            while start.last?.isWhitespace == true { start.removeLast() }
            let (t, s) = resolve(start + "…", style: style)
            return (t, s, canvas.measureText(t, style: s))
        }
        var low = 0, high = characters.count - 1
        var best = candidate(0)
        while low <= high {
            let middle = (low + high) / 2
            let attempt = candidate(middle)
            if attempt.2.logical.width <= maxWidth {
                best = attempt
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        return best
    }
}
