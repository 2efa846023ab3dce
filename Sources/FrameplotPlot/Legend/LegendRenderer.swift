import FrameplotCanvas

/// Draws a placed legend: a translucent box, then a handle and a label per row.
struct LegendRenderer {
    let layout: LegendLayout
    let style: PlotStyle
    let canvas: any Canvas

    func draw() {
        let box = layout.box
        canvas.fill(.rect(box), color: style.legendBackground)
        canvas.auditing(.deemphasized) { canvas.stroke(.rect(box), style: StrokeStyle(color: style.legendEdge, width: style.legendEdgeWidth)) }
        for row in layout.rows {
            drawHandle(row.entry.handle, in: row.handleRect)
            row.label.draw(on: canvas)
        }
    }

    private func drawHandle(_ handle: LegendEntry.Handle, in r: Rect) {
        let mid = Point(x: r.midX, y: r.midY)
        switch handle {
        case let .marker(shape, fill, edge, size):
            shape.draw(on: canvas, at: mid, size: Swift.min(size, r.height), fill: fill, edge: edge, lineWidth: style.lineWidth,
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
