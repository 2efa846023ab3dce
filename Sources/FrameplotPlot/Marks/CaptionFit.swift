import FrameplotCanvas

/// Fits a caption's text into the room of its plot area: shrunk (down to half size), then
/// wrapped at its separators, then cut with "…" — never clipped mid-glyph.
///
/// A caption's parts are separated by runs of two or more spaces ("step 995   loss 0.0306");
/// a caption without such runs breaks at single spaces. Wrapping balances the lines (the
/// widest line as narrow as possible) and takes the line count that leaves the text largest.
///
/// ```swift
/// let (text, style) = CaptionFit.fitted("step 995   loss 0.0306   accuracy 100.0%", style: style,
///                                       room: Size(width: 80, height: 60), canvas: canvas)
/// // text == "step 995   loss 0.0306\naccuracy 100.0%" at a smaller size
/// ```
enum CaptionFit {
    /// The smallest size a caption shrinks to, as a fraction of its own.
    static let minimumScale = 0.5

    /// Plain `text` (maths between dollars allowed) and a style, as drawn: Pango markup and
    /// its style, whose caption panel (``CaptionPanel/rect(around:fontSize:)``) fits `room`
    /// when any arrangement of the text can.
    static func fitted(_ text: String, style: TextStyle, room: Size, canvas: any Canvas) -> (String, TextStyle) {
        let (parts, separator) = segments(of: text)
        var widths: [Range<Int>: Double] = [:]
        func lineWidth(_ r: Range<Int>) -> Double {
            if let w = widths[r] { return w }
            let (t, s) = PlotText.resolve(parts[r].joined(separator: separator), style: style)
            let w = canvas.measureText(t, style: s).logical.width
            widths[r] = w
            return w
        }
        if let fit = scaled(text, style: style, room: room, canvas: canvas) { return fit }
        // Wrapped: the line count giving the largest text (fewer lines unless clearly larger).
        var best: (String, TextStyle)?
        for lineCount in stride(from: 2, through: parts.count, by: 1) {
            let raw = balanced(parts, lines: lineCount, separator: separator, width: lineWidth)
            guard let fit = scaled(raw, style: style, room: room, canvas: canvas) else { continue }
            if best.map({ fit.1.size > $0.1.size * 1.05 }) ?? true { best = fit }
        }
        if let best { return best }
        return ellipsized(text, parts: parts, separator: separator, style: style, room: room, canvas: canvas)
    }

    /// The last resort, at half size: one part per line when the caption has wide separators
    /// and the lines fit the height (so each value keeps its name), else one line; each line
    /// too wide is cut with "…".
    private static func ellipsized(_ text: String, parts: [String], separator: String, style: TextStyle,
                                   room: Size, canvas: any Canvas) -> (String, TextStyle) {
        var small = style
        small.size *= minimumScale
        let maxWidth = room.width - 0.8 * small.size
        func cut(_ line: String) -> (String, TextStyle, TextMetrics) {
            let (t, s) = PlotText.resolve(line, style: small)
            let m = canvas.measureText(t, style: s)
            return m.logical.width <= maxWidth ? (t, s, m) : PlotText.ellipsized(line, style: small, maxWidth: maxWidth, canvas: canvas)
        }
        if separator.count > 1, parts.count > 1 {
            let lines = parts.map(cut)
            let height = lines.reduce(0) { $0 + $1.2.logical.height } + 0.4 * small.size
            if height <= room.height { return (lines.map(\.0).joined(separator: "\n"), small) }
        }
        let (t, s, _) = cut(text)
        return (t, s)
    }

    /// `raw` at the largest size up to its own whose panel fits `room`, or `nil` when that
    /// would be under ``minimumScale``.
    private static func scaled(_ raw: String, style: TextStyle, room: Size, canvas: any Canvas) -> (String, TextStyle)? {
        var (t, s) = PlotText.resolve(raw, style: style)
        /// The factor that makes the panel fit (1 or more: it fits already).
        func factor() -> Double {
            let panel = CaptionPanel.rect(around: canvas.measureText(t, style: s).logical, fontSize: s.size)
            return Swift.min(room.width / panel.width, room.height / panel.height)
        }
        guard room.width > 0, room.height > 0 else { return (t, s) }
        // Text does not scale exactly linearly (hinting), so shrink again if one step misses.
        for _ in 0..<3 {
            let f = factor()
            if f >= 1 { return (t, s) }
            let size = s.size * f
            if size < style.size * minimumScale - 1e-9 { return nil }
            s.size = size
        }
        return factor() >= 0.999 ? (t, s) : nil
    }

    /// The caption's parts and the separator that joins them on one line: split at runs of
    /// two or more spaces (joined by three), else at single spaces.
    static func segments(of text: String) -> (parts: [String], separator: String) {
        guard !text.contains("\n") else { return ([text], "") }
        let wide = text.split(separator: "  ", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if wide.count > 1 { return (wide, "   ") }
        return (text.split(separator: " ", omittingEmptySubsequences: true).map(String.init), " ")
    }

    /// `parts` in `lines` lines (fewer when there are fewer parts) whose widest line is as
    /// narrow as possible, joined by newlines.
    private static func balanced(_ parts: [String], lines: Int, separator: String,
                                 width: (Range<Int>) -> Double) -> String {
        let n = parts.count, k = Swift.min(lines, n)
        // best[j][i]: the narrowest widest line for the first i parts in j lines, and the last break.
        var best = Array(repeating: Array(repeating: (Double.infinity, 0), count: n + 1), count: k + 1)
        best[0][0] = (0, 0)
        for j in 1...k {
            for i in j...n {
                for start in (j - 1)..<i where best[j - 1][start].0 < .infinity {
                    let widest = Swift.max(best[j - 1][start].0, width(start..<i))
                    if widest < best[j][i].0 { best[j][i] = (widest, start) }
                }
            }
        }
        var breaks: [Range<Int>] = [], end = n
        for j in stride(from: k, to: 0, by: -1) {
            let start = best[j][end].1
            breaks.insert(start..<end, at: 0)
            end = start
        }
        return breaks.map { parts[$0].joined(separator: separator) }.joined(separator: "\n")
    }
}
