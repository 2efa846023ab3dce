import FrameplotCanvas

/// A polyline through data points; NaN or refused values break the line.
///
/// Dense lines are reduced before stroking to at most four points per column of a grid a few
/// times finer than the device pixels (``LineDecimation``), so a 1,000,000-point curve draws
/// in milliseconds and looks the same. Dashes follow the reduced outline (as in matplotlib's
/// path simplification): the same pattern along a smooth dense curve, a phase shift at most;
/// on a noisy one the original pattern could not be seen anyway. Markers are drawn at every
/// valid point, never decimated. A point with no valid neighbour on either side (a one-point
/// series, a value between two gaps) has no segment to show it, so it gets a round marker.
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
    /// Makes the legend row one whose text may change per frame (see ``LegendEntry/key``).
    public var legendKey: String?
    public var layer: MarkLayer
    /// Whether the line becomes an image in PDF/SVG; `nil` follows ``Figure/rasterization``.
    public var rasterization: Rasterization?
    /// Whether dense runs are reduced before stroking (off only to compare in tests).
    var decimates = true

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
        let width = stroke(context.theme).width
        let cells = context.decimationCellsPerUnit(lineWidth: width)
        // Markers need every point; a plain line only the reduced runs (never the full ones).
        let runs = marker != nil || !decimates ? LineMark.polylines(xs: xs, ys: ys, transform: context.transform) : []
        let path = outline(runs, cellsPerUnit: cells, transform: context.transform)
        let markers = runs.reduce(0) { $0 + $1.count }
        if context.rasterizes(rasterization, count: Swift.max(marker == nil ? 0 : markers, path.path.elements.count)) {
            context.drawRasterized { layer in
                let cells = layer.decimationCellsPerUnit(lineWidth: width)
                draw(runs, outline: outline(runs, cellsPerUnit: cells, transform: layer.transform), in: layer)
            }
        } else {
            draw(runs, outline: path, in: context)
        }
    }

    /// The stroked path: every run of two or more points, reduced unless ``decimates`` is off
    /// (from `runs` when given, else straight from the data); and the isolated points, runs
    /// of one point that no segment would show.
    private func outline(_ runs: [[Point]], cellsPerUnit: Double, transform: PanelTransform) -> (path: Path, isolated: [Point]) {
        let strokes: [[Point]]
        if !decimates {
            strokes = runs
        } else if runs.isEmpty {
            strokes = LineMark.reducedPolylines(xs: xs, ys: ys, transform: transform, cellsPerUnit: cellsPerUnit)
        } else {
            strokes = runs.map { LineDecimation.reduce($0, cellsPerUnit: cellsPerUnit) }
        }
        var path = Path()
        for run in strokes where run.count >= 2 { path.addPolyline(run) }
        return (path, strokes.compactMap { $0.count == 1 ? $0[0] : nil })
    }

    /// ``polylines(xs:ys:transform:)`` reduced by ``LineDecimation`` as the points are made,
    /// so a million-point line never exists as a million ``Point``s.
    static func reducedPolylines(xs: [Double], ys: [Double], transform: PanelTransform, cellsPerUnit: Double) -> [[Point]] {
        var runs: [[Point]] = []
        var reducer = LineDecimation.Reducer(cellsPerUnit: cellsPerUnit, alongX: true)
        var start = 0, length = 0
        func finishRun(at end: Int) {
            guard length > 0 else { return }
            let kept = reducer.finish()
            // Reduction by columns kept too much (a sideways line): retry the run whole, which
            // also tries rows. Rare, and only then is the run held in full.
            if kept.count * 2 > length, length > 64 {
                let run = (start..<end).compactMap { transform.pointIfValid(x: xs[$0], y: ys[$0]) }
                runs.append(LineDecimation.reduce(run, cellsPerUnit: cellsPerUnit))
            } else {
                runs.append(kept)
            }
            reducer = LineDecimation.Reducer(cellsPerUnit: cellsPerUnit, alongX: true)
            length = 0
        }
        let count = Swift.min(xs.count, ys.count)
        for i in 0..<count {
            if let p = transform.pointIfValid(x: xs[i], y: ys[i]) {
                if length == 0 { start = i }
                reducer.add(p)
                length += 1
            } else {
                finishRun(at: i)
            }
        }
        finishRun(at: count)
        return runs
    }

    private func draw(_ runs: [[Point]], outline: (path: Path, isolated: [Point]), in context: MarkContext) {
        let st = stroke(context.theme)
        if !outline.path.isEmpty { context.canvas.stroke(outline.path, style: st) }
        let size = context.length(markerSize, default: context.theme.markerSize)
        if let marker {
            for run in runs {
                for p in run { marker.draw(on: context.canvas, at: p, size: size, fill: st.color, edge: nil, lineWidth: st.width) }
            }
        } else {
            for p in outline.isolated {
                MarkerShape.circle.draw(on: context.canvas, at: p, size: size, fill: st.color, edge: nil, lineWidth: st.width)
            }
        }
    }

    public func legendEntries(theme: Theme) -> [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, handle: .line(stroke(theme), marker: marker), key: legendKey)]
    }

    public func occupiedPoints(in transform: PanelTransform) -> [Point] {
        // Only what is inside the plot area can be hidden by a legend: a long line mostly
        // outside zoomed limits (--xlim) would otherwise be densified across millions of
        // layout units off screen.
        let r = transform.plotRect
        func inside(_ p: Point) -> Bool { p.x >= r.minX && p.x <= r.maxX && p.y >= r.minY && p.y <= r.maxY }
        return LineMark.reducedPolylines(xs: xs, ys: ys, transform: transform, cellsPerUnit: 1).flatMap { run in
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
