import FrameplotCanvas

/// How contour lines or bands are coloured.
public enum ContourColoring: Sendable, Hashable {
    /// Every level in one colour or theme role (``MarkColor``); `.single(.deemphasized(c))`
    /// for guide lines repeating a heatmap of the same field.
    case single(MarkColor)
    /// One colour per level, cycled.
    case perLevel([Color])
    /// Each level's (or band's middle) value through a colour scale.
    case scale(ColorScale)

    /// Every level in one fixed colour.
    public static func single(_ color: Color) -> ContourColoring { .single(color.markColor) }
}

/// Contour lines of a grid at given levels (marching squares), or filled bands between
/// consecutive levels.
///
/// ```swift
/// axes.contour(grid, levels: .log(count: 8), coloring: .single(.red), dashes: [[3, 3]])
/// axes.filledContour(grid, levels: .auto(count: 10), coloring: .scale(ColorScale(...)))
/// ```
public struct ContourMark: Mark {
    public var grid: Grid2D
    /// The resolved level values, increasing.
    public var levels: [Double]
    public var filled: Bool
    public var coloring: ContourColoring
    public var width: Double?
    /// Dash pattern per level, cycled (an empty list or pattern: solid).
    public var dashes: [[Double]]
    public var alpha: Double
    public var label: String?
    public var layer: MarkLayer

    public func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent? {
        guard let x = MarkExtent.range(of: grid.xs, kind: xScale), let y = MarkExtent.range(of: grid.ys, kind: yScale) else { return nil }
        return MarkExtent(x: x, y: y, tight: true)
    }

    public var colorScale: ColorScale? {
        if case .scale(let s) = coloring { return s }
        return nil
    }

    /// Filled bands are backdrops; lines follow their colour's emphasis.
    public var emphasis: MarkEmphasis {
        if filled { return .backdrop }
        if case .single(let c) = coloring { return c.emphasis }
        return .regular
    }

    func color(level index: Int, value: Double, theme: Theme) -> Color {
        let c: Color
        switch coloring {
        case .single(let s): c = s.resolved(in: theme)
        case .perLevel(let list): c = list.isEmpty ? theme.colors.ink : list[index % list.count]
        case .scale(let s): c = CoreBridge.color(of: value, in: s) ?? s.colormap.color(at: 0)
        }
        return c.withAlpha(c.alpha * alpha)
    }

    public func draw(in context: MarkContext) {
        let t = context.transform
        func pixelPath(_ polylines: [[DataPoint]], close: Bool) -> Path {
            var path = Path()
            for line in polylines where line.count >= 2 {
                path.addPolyline(line.map { t.point(x: $0.x, y: $0.y) })
                if close { path.close() }
            }
            return path
        }
        if filled {
            for k in 0..<Swift.max(0, levels.count - 1) {
                let lo = levels[k], hi = levels[k + 1]
                let path = pixelPath(CoreBridge.contourBands(grid, lower: lo, upper: hi), close: true)
                guard !path.isEmpty else { continue }
                let mid = colorScale.map { CoreBridge.bandMiddle(lo, hi, norm: $0.norm) } ?? (lo + hi) / 2
                context.canvas.fill(path, color: color(level: k, value: mid, theme: context.theme), rule: .evenOdd)
            }
        } else {
            let w = context.length(width, default: context.theme.lines.data * 0.6)
            for (k, level) in levels.enumerated() {
                let path = pixelPath(CoreBridge.contourLines(grid, level: level), close: false)
                guard !path.isEmpty else { continue }
                let dash = dashes.isEmpty ? [] : context.theme.dash(dashes[k % dashes.count])
                context.canvas.stroke(path, style: StrokeStyle(color: color(level: k, value: level, theme: context.theme),
                                                               width: w, cap: .butt, join: .round, dash: dash))
            }
        }
    }

    public func legendEntries(theme: Theme) -> [LegendEntry] {
        guard let label, let first = levels.first else { return [] }
        let c = color(level: 0, value: first, theme: theme)
        if filled { return [LegendEntry(label: label, handle: .patch(fill: c, edge: nil))] }
        return [LegendEntry(label: label, handle: .line(StrokeStyle(color: c, width: theme.length(width, default: theme.lines.data * 0.6),
                                                                    dash: theme.dash(dashes.first ?? []))))]
    }
}
