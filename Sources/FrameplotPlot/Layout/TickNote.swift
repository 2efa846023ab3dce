import FrameplotCanvas

/// The axis-wide multiplier or offset of a set of tick labels ("×10⁻⁵", "+10⁶"), placed
/// where it reads with them: without it the labels of a scale near a million read as 0..2.
///
/// One rule for every vertical scale (2-D y axes, colorbars, 3-D vertical axes): the note
/// sits just above the scale's top end.
///
/// ```swift
/// let note = TickNote.above(top: Point(x: plot.minX, y: plot.minY), text: "+10<sup>6</sup>",
///                           metrics: m, style: tickStyle, horizontal: .left, pad: style.tickPad)
/// ```
enum TickNote {
    /// `text` with its bottom `pad` above `top`, aligned to it by `horizontal`.
    static func above(top: Point, text: String, metrics: TextMetrics, style: TextStyle,
                      horizontal: TextAnchor.Horizontal, pad: Double) -> PlacedText {
        let at = Point(x: top.x, y: top.y - pad)
        let anchor = TextAnchor(horizontal, .bottom)
        return PlacedText(text: text, point: at, style: style, anchor: anchor, rotation: 0,
                          bounds: TextPlacement.bounds(of: metrics, at: at, anchor: anchor, rotation: 0))
    }
}
