import FrameplotCanvas

/// A polyline through data points; NaN or refused values break the line.
///
/// ```swift
/// axes.line(xs: [0, 1, 2], ys: [1, 4, 9], width: 2, dash: [4, 2], marker: .circle)
/// ```
public struct LineMark: Mark {
    public var xs: [Double]
    public var ys: [Double]
    public var color: MarkColor
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

    public var emphasis: MarkEmphasis { color.emphasis }

    func stroke(_ theme: Theme) -> StrokeStyle {
        let c = color.resolved(in: theme)
        return StrokeStyle(color: c.withAlpha(c.alpha * alpha), width: theme.length(width, default: theme.lines.data),
                           cap: dash.isEmpty ? .round : .butt, join: .round, dash: theme.dash(dash))
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
            let size = context.length(markerSize, default: context.theme.markerSize)
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
        LineMark.polylines(xs: xs, ys: ys, transform: transform).flatMap { LineMark.densified($0, step: 8) }
    }

    /// The polyline's vertices plus points every `step` layout units along it.
    static func densified(_ run: [Point], step: Double) -> [Point] {
        guard var prev = run.first else { return [] }
        var out = [prev]
        for p in run.dropFirst() {
            let dx = p.x - prev.x, dy = p.y - prev.y
            let n = Swift.min(1000, Int((dx * dx + dy * dy).squareRoot() / step))
            if n > 0 {
                for k in 1...n { let t = Double(k) / Double(n + 1); out.append(Point(x: prev.x + dx * t, y: prev.y + dy * t)) }
            }
            out.append(p)
            prev = p
        }
        return out
    }
}
