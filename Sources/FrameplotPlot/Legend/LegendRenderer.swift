import FrameplotCanvas

/// Draws a placed legend: a translucent box, then a handle and a label per row. The texts
/// of keyed rows change per frame and are drawn apart, by ``drawKeyedTexts(_:)``.
struct LegendRenderer {
    let layout: LegendLayout
    let style: PlotStyle
    let canvas: any Canvas

    /// The box, every handle and the labels of the rows without a key.
    func draw() {
        let box = layout.box
        canvas.fill(.rect(box), color: style.legendBackground)
        canvas.auditing(.deemphasized) { canvas.stroke(.rect(box), style: StrokeStyle(color: style.legendEdge, width: style.legendEdgeWidth)) }
        layout.title?.draw(on: canvas)
        for row in layout.rows {
            drawHandle(row.entry.handle, in: row.handleRect)
            if row.entry.key == nil { row.label.draw(on: canvas) }
        }
    }

    /// The keyed texts as the marks of `axes` give them (nothing when no row is keyed).
    func drawKeyedTexts(axes: Axes) {
        guard layout.rows.contains(where: { $0.entry.key != nil }) else { return }
        drawKeyedTexts(axes.marks.flatMap { $0.legendEntries(theme: style.theme) })
    }

    /// The texts of the keyed rows as `entries` (the marks of the figure being drawn) give
    /// them, at the place the layout reserved; a row none of them has stays without text.
    func drawKeyedTexts(_ entries: [LegendEntry]) {
        var current: [LegendEntry.Row: String] = [:]
        for entry in entries where entry.key != nil && current[entry.row] == nil { current[entry.row] = entry.label }
        for row in layout.rows where row.entry.key != nil {
            guard let text = current[row.entry.row] else { continue }
            let (markup, textStyle) = PlotText.resolve(text, style: row.label.style)
            canvas.drawText(markup, at: row.label.point, style: textStyle, anchor: row.label.anchor, rotation: row.label.rotation)
        }
    }

    private func drawHandle(_ handle: LegendEntry.Handle, in r: Rect) {
        let mid = Point(x: r.midX, y: r.midY)
        switch handle {
        case let .marker(shape, fill, edge, size):
            // The marker's own size, but never a dot too small to tell its colour (dense scatters use tiny markers).
            let readable = Swift.min(Swift.max(size, style.fontSize * 0.6), r.height)
            shape.draw(on: canvas, at: mid, size: readable, fill: fill, edge: edge, lineWidth: style.lineWidth,
                       halo: MarkerShape.isHalo(edge: edge, on: style.axesBackground))
        case let .line(stroke, marker):
            canvas.stroke(.segment(Point(x: r.minX, y: mid.y), Point(x: r.maxX, y: mid.y)), style: stroke)
            if let marker {
                marker.draw(on: canvas, at: mid, size: style.markerSize, fill: stroke.color, edge: nil, lineWidth: stroke.width)
            }
        case let .patch(fill, edge):
            let h = Swift.min(r.height, style.fontSize * 0.8)
            let patch = Rect(x: r.minX, y: mid.y - h / 2, width: r.width, height: h)
            canvas.fill(.rect(patch), color: fill)
            if let edge { canvas.stroke(.rect(patch), style: StrokeStyle(color: edge, width: 0.8)) }
        }
    }
}
