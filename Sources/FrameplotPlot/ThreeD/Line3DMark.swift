import Foundation
import FrameplotCanvas

/// A polyline through 3-D points, or along the panel's surface (`zs` nil: each point and
/// everything between lies on the surface, like an optimizer's path on its loss).
/// Hidden where a surface covers it; a light outline keeps it readable on any colour.
///
/// ```swift
/// axes.line3D(xs: track.xs, ys: track.ys, color: .red, label: "Adam")        // on the surface
/// axes.line3D(xs: [0, 1], ys: [0, 1], zs: [5, 5], color: .black)              // in the air
/// ```
public struct Line3DMark: Mark3D {
    public var xs: [Double]
    public var ys: [Double]
    /// Heights, or nil to follow the panel's surface.
    public var zs: [Double]?
    var color: MarkColor
    /// Line width in layout units; nil uses the theme's.
    public var width: Double?
    public var alpha: Double
    /// The halo drawn under the line (nil: none).
    public var outline: Color?
    /// Opacity of the parts a surface hides (0: not drawn; e.g. 0.3 for a faint dashed trace).
    public var hiddenAlpha: Double
    public var label: String?
    /// Makes the legend row one whose text may change per frame (see ``LegendEntry/key``).
    public var legendKey: String?
    public var layer: MarkLayer

    func stroke(_ theme: Theme) -> StrokeStyle {
        let c = color.resolved(in: theme)
        return StrokeStyle(color: c.withAlpha(c.alpha * alpha), width: theme.length(width, default: theme.lines.data * 1.2),
                           cap: .round, join: .round)
    }

    public func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent? {
        MarkExtent(x: MarkExtent.range(of: xs, kind: xScale), y: MarkExtent.range(of: ys, kind: yScale))
    }

    public func extent3D(zScale: ScaleKind) -> Extent3D? { Extent3D(points: xs, ys, zs, zScale: zScale) }

    public var emphasis: MarkEmphasis { color.emphasis }

    public func legendEntries(theme: Theme) -> [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, handle: .line(stroke(theme)), key: legendKey)]
    }

    /// Seen from above in a 2-D panel: the polyline of x and y.
    public func draw(in context: MarkContext) {
        LineMark(xs: xs, ys: ys, color: color, width: width, dash: [], alpha: alpha, marker: nil, markerSize: nil,
                 label: nil, legendKey: nil, layer: layer).draw(in: context)
    }

    public func draw3D(in context: MarkContext3D) {
        let style = stroke(context.theme)
        var visible: [[Point]] = [], hidden: [[Point]] = []
        for run in Line3DMark.samples(xs: xs, ys: ys, zs: zs, context: context) {
            // Split each run where it goes behind a surface and comes out again.
            var current: [Point] = [], currentVisible = true
            for (b, p) in run {
                let seen = context.isVisible(b)
                if seen != currentVisible, !current.isEmpty {
                    let last = current[current.count - 1]
                    if currentVisible { visible.append(current) } else { hidden.append(current) }
                    current = [last]
                }
                currentVisible = seen
                current.append(p)
            }
            if currentVisible { visible.append(current) } else { hidden.append(current) }
        }
        let canvas = context.canvas
        if hiddenAlpha > 0 {
            var path = Path()
            for run in hidden where run.count >= 2 { path.addPolyline(run) }
            var faint = style
            faint.color = style.color.withAlpha(style.color.alpha * hiddenAlpha)
            faint.dash = [style.width * 2.5, style.width * 2]
            faint.cap = .butt
            if !path.isEmpty { canvas.stroke(path, style: faint) }
        }
        var path = Path()
        for run in visible where run.count >= 2 { path.addPolyline(run) }
        guard !path.isEmpty else { return }
        if let outline {
            canvas.stroke(path, style: StrokeStyle(color: outline.withAlpha(outline.alpha * alpha), width: style.width + 2.2,
                                                   cap: .round, join: .round))
        }
        canvas.stroke(path, style: style)
    }

    /// The polyline as runs of (box point, screen point), densified so that a path on the
    /// surface follows every cell it crosses and hidden parts are found to a layout unit or two.
    static func samples(xs: [Double], ys: [Double], zs: [Double]?, context: MarkContext3D) -> [[(Vector3, Point)]] {
        let projection = context.projection
        let n = Swift.min(xs.count, ys.count, zs?.count ?? Int.max)
        var runs: [[(Vector3, Point)]] = [], current: [(Vector3, Point)] = []
        var previous: (x: Double, y: Double, z: Double?, box: Vector3)?
        let cell = context.surface.map { s in
            Swift.min(Swift.abs((s.bx.last ?? 1) - (s.bx.first ?? 0)) / Double(Swift.max(1, s.columns - 1)),
                      Swift.abs((s.by.last ?? 1) - (s.by.first ?? 0)) / Double(Swift.max(1, s.rows - 1)))
        } ?? 0.05
        for k in 0..<n {
            let z = zs?[k]
            guard let b = context.boxPoint(x: xs[k], y: ys[k], z: z) else {
                if current.count >= 2 { runs.append(current) }
                current = []; previous = nil
                continue
            }
            if let prev = previous {
                let a = prev.box
                let screenLength = Swift.abs(projection.zoom) * (b - a).length
                let steps = Swift.min(400, Swift.max(1, Int((screenLength / 1.5).rounded(.up)),
                                                     zs == nil ? Int((Swift.max(Swift.abs(b.x - a.x), Swift.abs(b.y - a.y)) / cell * 2).rounded(.up)) : 1))
                for s in 1..<steps {
                    let f = Double(s) / Double(steps)
                    let x = prev.x + (xs[k] - prev.x) * f, y = prev.y + (ys[k] - prev.y) * f
                    let point: Vector3?
                    if zs == nil {
                        point = context.onSurface(x: x, y: y)
                    } else {
                        point = a + (b - a) * f
                    }
                    if let point { current.append((point, projection.screen(point))) }
                }
            }
            current.append((b, projection.screen(b)))
            previous = (xs[k], ys[k], z, b)
        }
        if current.count >= 1 { runs.append(current) }
        return runs
    }
}

/// Markers at 3-D points, or on the panel's surface (`zs` nil); hidden where a surface covers them.
///
/// ```swift
/// axes.scatter3D(xs: [3], ys: [0.5], marker: .cross, size: 12, color: .black, label: "minimum")
/// ```
public struct Scatter3DMark: Mark3D {
    public var xs: [Double]
    public var ys: [Double]
    /// Heights, or nil to sit on the panel's surface.
    public var zs: [Double]?
    public var marker: MarkerShape
    public var size: Double?
    var color: MarkColor
    public var edgeColor: Color?
    /// Opacity of markers a surface hides (0: not drawn).
    public var hiddenAlpha: Double
    public var label: String?
    public var layer: MarkLayer

    public func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent? {
        MarkExtent(x: MarkExtent.range(of: xs, kind: xScale), y: MarkExtent.range(of: ys, kind: yScale))
    }

    public func extent3D(zScale: ScaleKind) -> Extent3D? { Extent3D(points: xs, ys, zs, zScale: zScale) }

    public var emphasis: MarkEmphasis { color.emphasis }

    public func legendEntries(theme: Theme) -> [LegendEntry] {
        guard let label else { return [] }
        let style = PlotStyle(theme: theme)
        return [LegendEntry(label: label, handle: .marker(marker, fill: color.resolved(in: theme), edge: edgeColor,
                                                          size: theme.length(size, default: style.markerSize)))]
    }

    /// Seen from above in a 2-D panel: the markers at x and y.
    public func draw(in context: MarkContext) {
        let style = PlotStyle(theme: context.theme)
        for k in 0..<Swift.min(xs.count, ys.count) {
            guard let p = context.transform.pointIfValid(x: xs[k], y: ys[k]) else { continue }
            marker.draw(on: context.canvas, at: p, size: context.theme.length(size, default: style.markerSize), fill: color.resolved(in: context.theme),
                        edge: edgeColor, lineWidth: style.lineWidth)
        }
    }

    public func draw3D(in context: MarkContext3D) {
        let style = PlotStyle(theme: context.theme)
        let fill = color.resolved(in: context.theme)
        // An edge in the panel's colour is a ring parting the marker from the surface, as in 2-D.
        let halo = MarkerShape.isHalo(edge: edgeColor, on: context.theme.colors.axesFace)
        for k in 0..<Swift.min(xs.count, ys.count, zs?.count ?? Int.max) {
            guard let b = context.boxPoint(x: xs[k], y: ys[k], z: zs?[k]) else { continue }
            let seen = context.isVisible(b)
            guard seen || hiddenAlpha > 0 else { continue }
            let a = seen ? 1 : hiddenAlpha
            marker.draw(on: context.canvas, at: context.projection.screen(b), size: context.theme.length(size, default: style.markerSize),
                        fill: fill.withAlpha(fill.alpha * a), edge: edgeColor.map { $0.withAlpha($0.alpha * a) },
                        lineWidth: marker.isStrokedOnly ? style.lineWidth * 1.3 : (halo ? style.lineWidth : Swift.max(1, style.lineWidth * 0.6)),
                        halo: halo)
        }
    }
}
