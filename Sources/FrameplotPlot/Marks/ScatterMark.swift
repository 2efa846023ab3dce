import FrameplotCanvas

/// How scatter points get their colour.
///
/// ```swift
/// .color(.red)                                   // one colour
/// .classes([0, 1, 2, 1], labels: ["a", "b", "c"]) // palette colour per class
/// .values(losses, ColorScale(colormap: .viridis, norm: ...))
/// ```
public enum PointColoring: Sendable, Hashable {
    /// The next colour of the theme's palette.
    case automatic
    /// One colour for every point: a fixed colour or a theme role (``MarkColor``).
    case color(MarkColor)
    /// The palette colour of each point's class (0, 1, 2, ...); `labels` name the classes in the legend.
    case classes([Int], labels: [String] = [])
    /// Each point's value through a colormap.
    case values([Double], ColorScale)

    /// One fixed colour for every point.
    public static func color(_ color: Color) -> PointColoring { .color(color.markColor) }
}

/// Points drawn as markers.
///
/// ```swift
/// axes.scatter(xs: [1, 3, 6, 8], ys: [3, 6, 5, 7], marker: .circle, color: .blue, label: "data")
/// ```
public struct ScatterMark: Mark {
    public var xs: [Double]
    public var ys: [Double]
    public var marker: MarkerShape
    /// Marker width in layout units; `nil` uses the theme's size.
    public var size: Double?
    public var coloring: PointColoring
    public var edgeColor: Color?
    public var alpha: Double
    public var label: String?
    public var layer: MarkLayer
    var cycleIndex: Int
    /// Whether the points become an image in PDF/SVG; `nil` follows ``Figure/rasterization``.
    public var rasterization: Rasterization?

    public func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent? {
        MarkExtent(x: MarkExtent.range(of: xs, kind: xScale), y: MarkExtent.range(of: ys, kind: yScale))
    }

    func resolvedSize(_ theme: Theme) -> Double { theme.length(size, default: theme.markerSize) }

    public var emphasis: MarkEmphasis {
        if case .color(let c) = coloring { return c.emphasis }
        return .regular
    }

    func color(at i: Int, theme: Theme) -> Color? {
        let style = PlotStyle(theme: theme)
        let base: Color?
        switch coloring {
        case .automatic: base = style.cycleColor(cycleIndex)
        case .color(let c): base = c.resolved(in: theme)
        case let .classes(classes, _): base = i < classes.count ? style.cycleColor(classes[i]) : nil
        case let .values(values, scale): base = i < values.count ? CoreBridge.color(of: values[i], in: scale) : nil
        }
        return base.map { $0.withAlpha($0.alpha * alpha) }
    }

    public func draw(in context: MarkContext) {
        if context.rasterizes(rasterization, count: Swift.min(xs.count, ys.count)) {
            context.drawRasterized(drawPoints)
        } else {
            drawPoints(in: context)
        }
    }

    /// Above this many points an image canvas stamps the markers from pre-rendered masks
    /// (``ImageCanvas/stamp(_:at:colors:)``), within 1/8 pixel of drawing each one.
    static let stampingThreshold = 1_000

    private func drawPoints(in context: MarkContext) {
        let s = resolvedSize(context.theme)
        let lw = PlotStyle(theme: context.theme).lineWidth
        let count = Swift.min(xs.count, ys.count)
        let halo = MarkerShape.isHalo(edge: edgeColor, on: context.theme.colors.axesFace)
        if let image = context.image, count > Self.stampingThreshold {
            var points: [Point] = [], colors: [Color] = []
            points.reserveCapacity(count)
            let single: Color? = {
                switch coloring {
                case .automatic, .color: return color(at: 0, theme: context.theme)
                default: return nil
                }
            }()
            if single == nil { colors.reserveCapacity(count) }
            for i in 0..<count {
                guard let p = context.transform.pointIfValid(x: xs[i], y: ys[i]) else { continue }
                if single == nil {
                    guard let c = color(at: i, theme: context.theme) else { continue }
                    colors.append(c)
                }
                points.append(p)
            }
            image.stamp(marker.stamp(size: s, edge: edgeColor, lineWidth: lw, halo: halo), at: points, colors: single.map { [$0] } ?? colors)
            return
        }
        for i in 0..<count {
            guard let p = context.transform.pointIfValid(x: xs[i], y: ys[i]),
                  let c = color(at: i, theme: context.theme) else { continue }
            marker.draw(on: context.canvas, at: p, size: s, fill: c, edge: edgeColor, lineWidth: lw, halo: halo)
        }
    }

    public func legendEntries(theme: Theme) -> [LegendEntry] {
        let s = resolvedSize(theme)
        if case let .classes(classes, labels) = coloring, !labels.isEmpty {
            let style = PlotStyle(theme: theme)
            let used = Set(classes)
            return labels.enumerated().filter { used.contains($0.offset) }.map { i, name in
                LegendEntry(label: name, handle: .marker(marker, fill: style.cycleColor(i).withAlpha(alpha), edge: edgeColor, size: s))
            }
        }
        guard let label else { return [] }
        let fill: Color
        switch coloring {
        case .values(_, let scale): fill = scale.colormap.color(at: 0.5).withAlpha(alpha)
        default: fill = color(at: 0, theme: theme) ?? PlotStyle(theme: theme).cycleColor(cycleIndex)
        }
        return [LegendEntry(label: label, handle: .marker(marker, fill: fill, edge: edgeColor, size: s))]
    }

    public func occupiedPoints(in transform: PanelTransform) -> [Point] {
        (0..<Swift.min(xs.count, ys.count)).compactMap { transform.pointIfValid(x: xs[$0], y: ys[$0]) }
    }
}
