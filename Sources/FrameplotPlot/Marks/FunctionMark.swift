import FrameplotCanvas

/// The curve y = f(x) over the visible x range (or `domain`), sampled adaptively so that
/// it looks smooth at the output resolution; non-finite values break the curve.
///
/// ```swift
/// axes.function { x in 1 / (1 + exp(-x)) }
/// ```
public struct FunctionMark: Mark {
    public var function: @Sendable (Double) -> Double
    public var domain: ClosedRange<Double>?
    public var color: MarkColor
    public var width: Double?
    public var dash: [Double]
    public var label: String?
    public var layer: MarkLayer
    /// `.lines` (under the points) unless it is a fit that must stay visible over them (`.fits`).
    public var stratum: MarkStratum = .lines

    public var emphasis: MarkEmphasis { color.emphasis }

    func stroke(_ theme: Theme) -> StrokeStyle {
        StrokeStyle(color: color.resolved(in: theme), width: theme.length(width, default: theme.lines.data),
                    cap: .round, dash: theme.dash(dash))
    }

    public func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent? {
        guard let d = domain else { return nil }
        let n = 64
        let xs = (0...n).map { d.lowerBound + (d.upperBound - d.lowerBound) * Double($0) / Double(n) }
        return MarkExtent(x: MarkExtent.range(of: xs, kind: xScale), y: MarkExtent.range(of: xs.map(function), kind: yScale))
    }

    /// Pixel polylines of the curve: 64 even samples in pixel space, each interval split
    /// until its midpoint is within a quarter unit of the chord (depth-limited).
    func polylines(in t: PanelTransform, resolution: Double) -> [[Point]] {
        let r = t.plotRect
        var x0 = r.minX, x1 = r.maxX
        if let d = domain {
            let a = t.x.pixelClipped(d.lowerBound), b = t.x.pixelClipped(d.upperBound)
            x0 = Swift.max(x0, Swift.min(a, b)); x1 = Swift.min(x1, Swift.max(a, b))
        }
        guard x1 > x0 else { return [] }
        let tolerance = 0.25 / Swift.max(1, resolution)
        func sample(_ px: Double) -> Point? {
            let x = t.x.value(atPixel: px)
            let y = function(x)
            guard let py = t.y.pixel(y), py.isFinite else { return nil }
            // Far-off values are pulled in so paths stay small; the clip hides them.
            let lim = r.height * 20
            return Point(x: px, y: Swift.min(Swift.max(py, r.minY - lim), r.maxY + lim))
        }
        var runs: [[Point]] = [], current: [Point] = []
        func refine(_ a: Point, _ b: Point, depth: Int) {
            let mx = (a.x + b.x) / 2
            guard depth < 12, let m = sample(mx) else { current.append(b); return }
            let chordY = (a.y + b.y) / 2
            if abs(m.y - chordY) > tolerance && b.x - a.x > 0.05 {
                refine(a, m, depth: depth + 1)
                refine(m, b, depth: depth + 1)
            } else {
                current.append(b)
            }
        }
        let n = 64
        var prev: Point?
        for k in 0...n {
            let px = x0 + (x1 - x0) * Double(k) / Double(n)
            guard let p = sample(px) else {
                if current.count >= 2 { runs.append(current) }
                current = []; prev = nil
                continue
            }
            if let a = prev { refine(a, p, depth: 0) } else { current = [p] }
            prev = p
        }
        if current.count >= 2 { runs.append(current) }
        return runs
    }

    public func draw(in context: MarkContext) {
        var path = Path()
        for run in polylines(in: context.transform, resolution: context.resolution) { path.addPolyline(run) }
        if !path.isEmpty { context.canvas.stroke(path, style: stroke(context.theme)) }
    }

    public func legendEntries(theme: Theme) -> [LegendEntry] {
        label.map { [LegendEntry(label: $0, handle: .line(stroke(theme)))] } ?? []
    }

    public func occupiedPoints(in transform: PanelTransform) -> [Point] {
        polylines(in: transform, resolution: 1).flatMap { LineMark.densified($0, step: 8) }
    }
}
