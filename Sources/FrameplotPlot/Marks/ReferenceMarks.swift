import FrameplotCanvas

/// A horizontal or vertical line across the whole panel, or a band between two values.
///
/// ```swift
/// axes.horizontalLine(y: 5.3, dash: [1, 2], label: "$\\bar{y}$")
/// axes.verticalSpan(x: 0...4.5, color: Color(hex: 0x0000ff, alpha: 0.12))
/// ```
public struct ReferenceMark: Mark {
    public enum Kind: Sendable, Hashable {
        case horizontalLine(y: Double)
        case verticalLine(x: Double)
        case horizontalSpan(y: ClosedRange<Double>)
        case verticalSpan(x: ClosedRange<Double>)
    }
    public var kind: Kind
    public var color: MarkColor
    public var width: Double?
    public var dash: [Double]
    public var label: String?
    public var layer: MarkLayer

    var isSpan: Bool {
        switch kind {
        case .horizontalSpan, .verticalSpan: return true
        default: return false
        }
    }

    public func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent? {
        switch kind {
        case .horizontalLine(let y): return MarkExtent(x: nil, y: MarkExtent.range(of: [y], kind: yScale))
        case .verticalLine(let x): return MarkExtent(x: MarkExtent.range(of: [x], kind: xScale), y: nil)
        case .horizontalSpan(let r): return MarkExtent(x: nil, y: MarkExtent.range(of: [r.lowerBound, r.upperBound], kind: yScale))
        case .verticalSpan(let r): return MarkExtent(x: MarkExtent.range(of: [r.lowerBound, r.upperBound], kind: xScale), y: nil)
        }
    }

    /// Spans are backdrops; lines follow their colour's emphasis.
    public var emphasis: MarkEmphasis { isSpan ? .backdrop : color.emphasis }

    func stroke(_ theme: Theme) -> StrokeStyle {
        StrokeStyle(color: color.resolved(in: theme), width: theme.length(width, default: theme.lines.data), dash: theme.dash(dash))
    }

    public func draw(in context: MarkContext) {
        let t = context.transform, r = t.plotRect
        switch kind {
        case .horizontalLine(let y):
            guard let py = t.y.pixel(y) else { return }
            context.canvas.stroke(.segment(Point(x: r.minX, y: py), Point(x: r.maxX, y: py)), style: stroke(context.theme))
        case .verticalLine(let x):
            guard let px = t.x.pixel(x) else { return }
            context.canvas.stroke(.segment(Point(x: px, y: r.minY), Point(x: px, y: r.maxY)), style: stroke(context.theme))
        case .horizontalSpan(let yr):
            let a = t.y.pixelClipped(yr.lowerBound), b = t.y.pixelClipped(yr.upperBound)
            context.canvas.fill(.rect(Rect(x: r.minX, y: Swift.min(a, b), width: r.width, height: abs(b - a))), color: color.resolved(in: context.theme))
        case .verticalSpan(let xr):
            let a = t.x.pixelClipped(xr.lowerBound), b = t.x.pixelClipped(xr.upperBound)
            context.canvas.fill(.rect(Rect(x: Swift.min(a, b), y: r.minY, width: abs(b - a), height: r.height)), color: color.resolved(in: context.theme))
        }
    }

    public func legendEntries(theme: Theme) -> [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, handle: isSpan ? .patch(fill: color.resolved(in: theme), edge: nil) : .line(stroke(theme)))]
    }

    public func occupiedPoints(in transform: PanelTransform) -> [Point] {
        let r = transform.plotRect
        switch kind {
        case .horizontalLine(let y):
            guard let py = transform.y.pixel(y) else { return [] }
            return LineMark.densified([Point(x: r.minX, y: py), Point(x: r.maxX, y: py)], step: 8)
        case .verticalLine(let x):
            guard let px = transform.x.pixel(x) else { return [] }
            return LineMark.densified([Point(x: px, y: r.minY), Point(x: px, y: r.maxY)], step: 8)
        default:
            return []
        }
    }
}

/// Straight segments between pairs of data points, e.g. residuals from points to a line.
///
/// ```swift
/// axes.segments(from: points, to: fitted, dash: [3, 2])
/// ```
public struct SegmentsMark: Mark {
    public var starts: [DataPoint]
    public var ends: [DataPoint]
    /// One colour per segment (cycled), or the automatic colour when empty.
    public var colors: [Color]
    public var color: MarkColor
    public var width: Double?
    public var dash: [Double]
    public var label: String?
    public var layer: MarkLayer

    public func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent? {
        let all = starts + ends
        return MarkExtent(x: MarkExtent.range(of: all.map(\.x), kind: xScale), y: MarkExtent.range(of: all.map(\.y), kind: yScale))
    }

    public var emphasis: MarkEmphasis { color.emphasis }

    func stroke(_ theme: Theme, _ c: Color) -> StrokeStyle {
        StrokeStyle(color: c, width: theme.length(width, default: theme.lines.data * 0.8), cap: .butt, dash: theme.dash(dash))
    }

    public func draw(in context: MarkContext) {
        let t = context.transform
        for i in 0..<Swift.min(starts.count, ends.count) {
            guard let p = t.pointIfValid(x: starts[i].x, y: starts[i].y),
                  let q = t.pointIfValid(x: ends[i].x, y: ends[i].y) else { continue }
            let c = colors.isEmpty ? color.resolved(in: context.theme) : colors[i % colors.count]
            context.canvas.stroke(.segment(p, q), style: stroke(context.theme, c))
        }
    }

    public func legendEntries(theme: Theme) -> [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, handle: .line(stroke(theme, colors.first ?? color.resolved(in: theme))))]
    }
}

/// An arrow from one data point to another, with a filled head at `to`.
///
/// ```swift
/// axes.arrow(from: DataPoint(x: 0, y: 0), to: DataPoint(x: 1, y: 2))
/// ```
public struct ArrowMark: Mark {
    public var from: DataPoint
    public var to: DataPoint
    public var color: MarkColor
    public var width: Double?
    /// The head's length in layout units; `nil` scales with the line width.
    public var headLength: Double?
    public var layer: MarkLayer

    public func draw(in context: MarkContext) {
        let t = context.transform
        guard let p = t.pointIfValid(x: from.x, y: from.y), let q = t.pointIfValid(x: to.x, y: to.y) else { return }
        let c = color.resolved(in: context.theme)
        let w = context.length(width, default: context.theme.lines.data)
        let dx = q.x - p.x, dy = q.y - p.y
        let len = (dx * dx + dy * dy).squareRoot()
        guard len > 0 else { return }
        let ux = dx / len, uy = dy / len
        let head = Swift.min(context.length(headLength, default: Swift.max(6 * context.theme.sizeScale, w * 4)), len)
        let base = Point(x: q.x - ux * head, y: q.y - uy * head)
        context.canvas.stroke(.segment(p, base), style: StrokeStyle(color: c, width: w, cap: .butt))
        var tri = Path()
        tri.move(to: q)
        tri.line(to: Point(x: base.x - uy * head * 0.4, y: base.y + ux * head * 0.4))
        tri.line(to: Point(x: base.x + uy * head * 0.4, y: base.y - ux * head * 0.4))
        tri.close()
        context.canvas.fill(tri, color: c)
    }
}
