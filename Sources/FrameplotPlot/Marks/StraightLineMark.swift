import FrameplotCanvas

/// A point in data coordinates.
public struct DataPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// The infinite line a·x + b·y + c = 0, drawn across the panel and clipped exactly to
/// the axes' limits (no sampling): regression lines, linear decision boundaries.
///
/// ```swift
/// axes.straightLine(slope: 0.431, intercept: 3.31, label: "$y = 0.431x + 3.31$")
/// axes.straightLine(a: 1, b: 2, c: -3)       // x + 2y - 3 = 0
/// ```
public struct StraightLineMark: Mark {
    public var a: Double
    public var b: Double
    public var c: Double
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
                    cap: .butt, dash: theme.dash(dash))
    }

    /// The part of the line a·x + b·y + c = 0 inside the rectangle `x` × `y`, as its two
    /// end points on the rectangle's border; `nil` when the line misses the rectangle,
    /// only touches a corner, or is degenerate (a = b = 0, or non-finite coefficients).
    ///
    /// ```swift
    /// StraightLineMark.clip(a: 1, b: -1, c: 0, x: 0...10, y: 0...5)
    /// // (DataPoint(x: 0, y: 0), DataPoint(x: 5, y: 5))
    /// ```
    public static func clip(a: Double, b: Double, c: Double,
                            x: ClosedRange<Double>, y: ClosedRange<Double>) -> (DataPoint, DataPoint)? {
        guard a.isFinite, b.isFinite, c.isFinite, a != 0 || b != 0 else { return nil }
        var hits: [DataPoint] = []
        // Vertical edges: solve for y at x = x0 and x = x1.
        if b != 0 {
            for xe in [x.lowerBound, x.upperBound] {
                let ye = -(a * xe + c) / b
                if y.contains(ye) { hits.append(DataPoint(x: xe, y: ye)) }
            }
        }
        // Horizontal edges: solve for x at y = y0 and y = y1.
        if a != 0 {
            for ye in [y.lowerBound, y.upperBound] {
                let xe = -(b * ye + c) / a
                if x.contains(xe) { hits.append(DataPoint(x: xe, y: ye)) }
            }
        }
        // Corners may be found twice; the segment runs between the two farthest hits.
        var best: (DataPoint, DataPoint)?
        var bestD = 0.0
        for i in hits.indices {
            for j in hits.indices where j > i {
                let dx = hits[i].x - hits[j].x, dy = hits[i].y - hits[j].y
                let d = dx * dx + dy * dy
                if d > bestD { bestD = d; best = (hits[i], hits[j]) }
            }
        }
        return best
    }

    public func draw(in context: MarkContext) {
        let t = context.transform
        let st = stroke(context.theme)
        if t.x.kind == .linear && t.y.kind == .linear {
            guard let (p, q) = StraightLineMark.clip(a: a, b: b, c: c,
                                                     x: t.x.limits.lower...t.x.limits.upper,
                                                     y: t.y.limits.lower...t.y.limits.upper) else { return }
            context.canvas.stroke(.segment(t.point(x: p.x, y: p.y), t.point(x: q.x, y: q.y)), style: st)
        } else {
            // On a log axis the line is curved: sample it as a function.
            if b != 0 {
                let f = FunctionMark(function: { [a, b, c] x in -(a * x + c) / b }, domain: nil, color: color,
                                     width: width, dash: dash, label: nil, layer: layer)
                f.draw(in: context)
            } else if a != 0 {
                let xv = -c / a
                guard let px = t.x.pixel(xv) else { return }
                let r = t.plotRect
                context.canvas.stroke(.segment(Point(x: px, y: r.minY), Point(x: px, y: r.maxY)), style: st)
            }
        }
    }

    public func legendEntries(theme: Theme) -> [LegendEntry] {
        label.map { [LegendEntry(label: $0, handle: .line(stroke(theme)))] } ?? []
    }

    public func occupiedPoints(in transform: PanelTransform) -> [Point] {
        guard let (p, q) = StraightLineMark.clip(a: a, b: b, c: c,
                                                 x: transform.x.limits.lower...transform.x.limits.upper,
                                                 y: transform.y.limits.lower...transform.y.limits.upper) else { return [] }
        return LineMark.densified([transform.point(x: p.x, y: p.y), transform.point(x: q.x, y: q.y)], step: 8)
    }
}
