import FrameplotCanvas

/// A polyline through data points; NaN or refused values break the line.
///
/// Dense lines are reduced to at most four points per device-pixel column before stroking
/// (``LineDecimation``), so a 1,000,000-point curve draws in milliseconds and looks the same.
/// Dashes follow the reduced outline (as in matplotlib's path simplification); on a line with
/// more than four points per pixel column the original pattern could not be seen anyway.
/// Markers are drawn at every valid point, never decimated.
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
    /// Whether the line becomes an image in PDF/SVG; `nil` follows ``Figure/rasterization``.
    public var rasterization: Rasterization?
    /// Whether dense runs are reduced before stroking (off only to compare in tests).
    var decimates = true

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
        let runs = LineMark.polylines(xs: xs, ys: ys, transform: context.transform)
        let path = outline(runs, cellsPerUnit: context.decimationCellsPerUnit)
        let markers = marker == nil ? 0 : runs.reduce(0) { $0 + $1.count }
        if context.rasterizes(rasterization, count: Swift.max(markers, path.elements.count)) {
            context.drawRasterized { layer in
                let runs = LineMark.polylines(xs: xs, ys: ys, transform: layer.transform)
                draw(runs, outline: outline(runs, cellsPerUnit: layer.decimationCellsPerUnit), in: layer)
            }
        } else {
            draw(runs, outline: path, in: context)
        }
    }

    /// The stroked path: every run of two or more points, reduced unless ``decimates`` is off.
    private func outline(_ runs: [[Point]], cellsPerUnit: Double) -> Path {
        var path = Path()
        for run in runs where run.count >= 2 {
            path.addPolyline(decimates ? LineDecimation.reduce(run, cellsPerUnit: cellsPerUnit) : run)
        }
        return path
    }

    private func draw(_ runs: [[Point]], outline path: Path, in context: MarkContext) {
        let st = stroke(context.theme)
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
        LineMark.polylines(xs: xs, ys: ys, transform: transform).flatMap {
            LineMark.densified(LineDecimation.reduce($0, cellsPerUnit: 1), step: 8)
        }
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
