import FrameplotCanvas

/// Text placed in a panel, at data coordinates or at a fraction of the plot area.
///
/// Maths between dollar signs is typeset (`"$(x_1, y_1)$"`); `offset` moves the text by
/// default-theme points after placing (e.g. above a point), scaled like every size.
///
/// Text with a `background` is a **caption**: it sits on an opaque rounded panel (the
/// background colour painted over the panel face, so a translucent colour only tints it)
/// with a thin edge, padded in proportion to the text, kept inside the plot area (shrunk
/// to fit it down to half size, then wrapped at its separators, then cut with "…": see
/// ``CaptionFit``), and drawn in the text stratum above every line and point (static or per
/// frame), after the other texts — so no line or point ever shows through or across it.
/// Its text colour defaults to the theme's text colour.
///
/// ```swift
/// axes.text("$(x_1, y_1)$", at: DataPoint(x: 1, y: 3), anchor: .bottomCenter, offset: Point(x: 0, y: -6))
/// axes.text("Epoch #2000", axesFraction: DataPoint(x: 0.5, y: 0.03), anchor: .bottomCenter, layer: .dynamic)
/// axes.text("step 5", axesFraction: DataPoint(x: 0.5, y: 0.97), anchor: .topCenter,
///           background: theme.colors.axesFace, layer: .dynamic)    // a caption
/// ```
public struct TextMark: Mark {
    public enum Position: Sendable, Hashable {
        case data(DataPoint)
        /// (0, 0) is the bottom-left of the plot area, (1, 1) the top-right.
        case axesFraction(DataPoint)
    }
    public var text: String
    public var position: Position
    public var anchor: TextAnchor
    public var offset: Point
    public var size: Double?
    /// A fixed colour or theme role; `nil` is the theme's text colour.
    public var color: MarkColor?
    public var bold: Bool
    public var rotation: Double
    /// Makes the text a caption on an opaque panel of this colour (see the type's discussion).
    public var background: Color?
    public var layer: MarkLayer

    /// Whether the text is a caption (drawn on an opaque panel).
    public var isCaption: Bool { background != nil }

    public var emphasis: MarkEmphasis { color?.emphasis ?? .regular }

    func textStyle(_ theme: Theme) -> TextStyle {
        var s = PlotStyle(theme: theme).annotation
        if let size { s.size = size * theme.sizeScale }
        if let color { s.color = color.resolved(in: theme) }
        if bold { s.weight = .bold }
        return s
    }

    func anchorPoint(_ t: PanelTransform, theme: Theme) -> Point? {
        let p: Point?
        switch position {
        case .data(let d): p = t.pointIfValid(x: d.x, y: d.y)
        case .axesFraction(let f): p = t.point(axesFraction: f.x, f.y)
        }
        let k = theme.sizeScale
        return p.map { Point(x: $0.x + offset.x * k, y: $0.y + offset.y * k) }
    }

    public func draw(in context: MarkContext) {
        guard var p = anchorPoint(context.transform, theme: context.theme) else { return }
        var (t, s) = PlotText.resolve(text, style: textStyle(context.theme))
        if let background {
            let canvas = context.canvas
            // A caption larger than the plot shrinks (down to half), then wraps, then is cut with "…".
            let plot = context.transform.plotRect
            (t, s) = CaptionFit.fitted(text, style: textStyle(context.theme),
                                       room: Size(width: plot.width - 2, height: plot.height - 2), canvas: canvas)
            let bounds = canvas.textBounds(t, at: p, style: s, anchor: anchor, rotation: rotation)
            var panel = CaptionPanel.rect(around: bounds, fontSize: s.size)
            // Keep the panel inside the plot area (it never hangs over the spines).
            let inside = CaptionPanel.shift(panel, into: context.transform.plotRect.insetBy(dx: 1, dy: 1))
            p = Point(x: p.x + inside.x, y: p.y + inside.y)
            panel = Rect(x: panel.minX + inside.x, y: panel.minY + inside.y, width: panel.width, height: panel.height)
            CaptionPanel.draw(panel, color: background, fontSize: s.size, theme: context.theme, on: canvas)
        }
        context.canvas.drawText(t, at: p, style: s, anchor: anchor, rotation: rotation)
    }

    public func occupiedPoints(in transform: PanelTransform) -> [Point] {
        anchorPoint(transform, theme: .default).map { [$0] } ?? []
    }
}

/// The opaque rounded panel behind a caption.
enum CaptionPanel {
    /// The panel around text `bounds`: padded by 0.4 em left and right, 0.2 em above and below.
    static func rect(around bounds: Rect, fontSize: Double) -> Rect {
        bounds.insetBy(dx: -0.4 * fontSize, dy: -0.2 * fontSize)
    }

    /// The smallest move that puts `panel` inside `frame` (centred when it cannot fit).
    static func shift(_ panel: Rect, into frame: Rect) -> Point {
        func axis(_ lo: Double, _ hi: Double, _ flo: Double, _ fhi: Double) -> Double {
            if hi - lo > fhi - flo { return (flo + fhi) / 2 - (lo + hi) / 2 }
            if lo < flo { return flo - lo }
            if hi > fhi { return fhi - hi }
            return 0
        }
        return Point(x: axis(panel.minX, panel.maxX, frame.minX, frame.maxX),
                     y: axis(panel.minY, panel.maxY, frame.minY, frame.maxY))
    }

    /// Fills the panel with `color` made opaque over the panel face, and strokes its edge.
    static func draw(_ panel: Rect, color: Color, fontSize: Double, theme: Theme, on canvas: any Canvas) {
        let face = color.composited(over: theme.colors.axesFace.composited(over: theme.colors.background)).withAlpha(1)
        let path = Path.roundedRect(panel, radius: Swift.min(0.3 * fontSize, panel.height / 2))
        canvas.auditing(.backdrop) { canvas.fill(path, color: face) }
        canvas.auditing(.deemphasized) {
            canvas.stroke(path, style: StrokeStyle(color: theme.colors.legendEdge, width: PlotStyle(theme: theme).legendEdgeWidth))
        }
    }
}
