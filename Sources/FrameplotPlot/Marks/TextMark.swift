import FrameplotCanvas

/// Text placed in a panel, at data coordinates or at a fraction of the plot area.
///
/// Maths between dollar signs is typeset (`"$(x_1, y_1)$"`); `offset` moves the text by
/// layout units after placing (e.g. above a point).
///
/// ```swift
/// axes.text("$(x_1, y_1)$", at: DataPoint(x: 1, y: 3), anchor: .bottomCenter, offset: Point(x: 0, y: -6))
/// axes.text("Epoch #2000", axesFraction: DataPoint(x: 0.5, y: 0.03), anchor: .bottomCenter, layer: .dynamic)
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
    public var color: Color?
    public var bold: Bool
    public var rotation: Double
    /// A box behind the text (e.g. for readability over a heatmap).
    public var background: Color?
    public var layer: MarkLayer

    func textStyle(_ theme: Theme) -> TextStyle {
        var s = PlotStyle(theme: theme).annotation
        if let size { s.size = size }
        if let color { s.color = color }
        if bold { s.weight = .bold }
        return s
    }

    func anchorPoint(_ t: PanelTransform) -> Point? {
        let p: Point?
        switch position {
        case .data(let d): p = t.pointIfValid(x: d.x, y: d.y)
        case .axesFraction(let f): p = t.point(axesFraction: f.x, f.y)
        }
        return p.map { Point(x: $0.x + offset.x, y: $0.y + offset.y) }
    }

    public func draw(in context: MarkContext) {
        guard let p = anchorPoint(context.transform) else { return }
        let (t, s) = PlotText.resolve(text, style: textStyle(context.theme))
        if let background {
            let b = context.canvas.textBounds(t, at: p, style: s, anchor: anchor, rotation: rotation)
            context.canvas.fill(.rect(b.insetBy(dx: -2, dy: -1)), color: background)
        }
        context.canvas.drawText(t, at: p, style: s, anchor: anchor, rotation: rotation)
    }

    public func occupiedPoints(in transform: PanelTransform) -> [Point] {
        anchorPoint(transform).map { [$0] } ?? []
    }
}
