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

    /// `text` in `style`, shrunk (down to 60 %) so that it is at most `maxWidth` wide.
    static func fitted(_ text: String, style: TextStyle, maxWidth: Double, canvas: any Canvas)
        -> (String, TextStyle, TextMetrics) {
        let (t, base) = resolve(text, style: style)
        var s = base
        var m = canvas.measureText(t, style: s)
        if m.logical.width > maxWidth, maxWidth > 0 {
            s.size = Swift.max(base.size * 0.6, base.size * maxWidth / m.logical.width)
            m = canvas.measureText(t, style: s)
        }
        return (t, s, m)
    }
}
