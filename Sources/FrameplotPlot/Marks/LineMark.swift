import FrameplotCanvas

/// A polyline through data points; NaN or refused values break the line.
///
/// ```swift
/// axes.line(xs: [0, 1, 2], ys: [1, 4, 9], width: 2, dash: [4, 2], marker: .circle)
/// ```
public struct LineMark: Mark {
    public var xs: [Double]
    public var ys: [Double]
    var color: MarkColor
    /// Line width in layout units; `nil` uses the theme's.
    public var width: Double?
    public var dash: [Double]
    public var alpha: Double
    public var marker: MarkerShape?
    public var markerSize: Double?
    public var label: String?
    public var layer: MarkLayer

    public func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent? {
        MarkExtent(x: MarkExtent.range(of: xs, kind: xScale), y: MarkExtent.range(of: ys, kind: yScale))
    }

    func stroke(_ theme: Theme) -> StrokeStyle {
        let c = color.resolve(theme)
        return StrokeStyle(color: c.withAlpha(c.alpha * alpha), width: width ?? PlotStyle(theme: theme).lineWidth,
                           cap: dash.isEmpty ? .round : .butt, join: .round, dash: dash)
    }

    /// The pixel polylines (split where values are refused).
    static func polylines(xs: [Double], ys: [Double], transform: PanelTransform) -> [[Point]] {
        var runs: [[Point]] = [], current: [Point] = []
        for i in 0..<Swift.min(xs.count, ys.count) {
            if let p = transform.pointIfValid(x: xs[i], y: ys[i]) {
                current.append(p)
            } else if !current.isEmpty {
                runs.append(current); current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    public func draw(in context: MarkContext) {
        let st = stroke(context.theme)
        let runs = LineMark.polylines(xs: xs, ys: ys, transform: context.transform)
        var path = Path()
        for run in runs where run.count >= 2 { path.addPolyline(run) }
        if !path.isEmpty { context.canvas.stroke(path, style: st) }
        if let marker {
            let size = markerSize ?? PlotStyle(theme: context.theme).markerSize
            for run in runs {
                for p in run { marker.draw(on: context.canvas, at: p, size: size, fill: st.color, edge: nil, lineWidth: st.width) }
            }
        }
    }

    public func legendEntries(theme: Theme) -> [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, handle: .line(stroke(theme), marker: marker))]
    }

    public func occupiedPoints(in transform: PanelTransform) -> [Point] {
        // Only what is inside the plot area can be hidden by a legend: a long line mostly
        // outside zoomed limits (--xlim) would otherwise be densified across millions of
        // layout units off screen.
        let r = transform.plotRect
        func inside(_ p: Point) -> Bool { p.x >= r.minX && p.x <= r.maxX && p.y >= r.minY && p.y <= r.maxY }
        return LineMark.polylines(xs: xs, ys: ys, transform: transform).flatMap { run in
            LineMark.densified(run, step: 8, within: r).filter(inside)
        }
    }

    /// The polyline's vertices plus points every `step` layout units along it.
    static func densified(_ run: [Point], step: Double, within bounds: Rect? = nil) -> [Point] {
        guard var prev = run.first else { return [] }
        var out = [prev]
        for p in run.dropFirst() {
            let dx = p.x - prev.x, dy = p.y - prev.y
            var n = Swift.min(1000, Int((dx * dx + dy * dy).squareRoot() / step))
            // A segment wholly on one side of `bounds` gets no points in between.
            if let b = bounds, (p.x < b.minX && prev.x < b.minX) || (p.x > b.maxX && prev.x > b.maxX)
                || (p.y < b.minY && prev.y < b.minY) || (p.y > b.maxY && prev.y > b.maxY) {
                n = 0
            }
            if n > 0 {
                for k in 1...n { let t = Double(k) / Double(n + 1); out.append(Point(x: prev.x + dx * t, y: prev.y + dy * t)) }
            }
            out.append(p)
            prev = p
        }
        return out
    }
}
