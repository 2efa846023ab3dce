import FrameplotCanvas

/// Which rendering pass draws a mark: the cached background or the per-frame foreground.
///
/// Animations render the ``Figure`` once with ``RenderLayers/background`` (axes frame,
/// heatmaps, contours, ticks, static points) and then, every frame, only the
/// ``RenderLayers/foreground`` (the marks tagged `.dynamic`) on top, using the same
/// ``FigureLayout``.
///
/// ```swift
/// axes.line(xs: path.map(\.x), ys: path.map(\.y), color: .white, layer: .dynamic)
/// ```
public enum MarkLayer: Sendable, Hashable {
    /// Drawn once into the background (the default).
    case `static`
    /// Drawn every frame on top of the background.
    case dynamic
}

/// The data range a mark covers, used for automatic axis limits.
///
/// `tight` extents (heatmaps, decision regions) are shown edge to edge without a margin.
public struct MarkExtent: Sendable, Hashable {
    public var x: ClosedRange<Double>?
    public var y: ClosedRange<Double>?
    public var tight: Bool

    public init(x: ClosedRange<Double>?, y: ClosedRange<Double>?, tight: Bool = false) {
        self.x = x; self.y = y; self.tight = tight
    }

    /// The finite range of the values a scale of `kind` accepts, or `nil` when there is none.
    public static func range<S: Sequence>(of values: S, kind: ScaleKind) -> ClosedRange<Double>?
    where S.Element == Double {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where kind.accepts(v) {
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        return lo <= hi ? lo...hi : nil
    }
}

/// What a mark needs to draw itself: the canvas, the panel's data-to-pixel transform,
/// the theme and the device resolution.
///
/// `theme` is the figure's theme already scaled for this figure (grown for a large
/// figure, shrunk for a crowded one): draw its sizes as they are, and multiply sizes of
/// your own by ``Theme/sizeScale`` (or use ``length(_:default:)``).
public struct MarkContext {
    /// Where to draw (already clipped to the plot area).
    public let canvas: any Canvas
    /// Data -> layout-unit mapping of the panel.
    public let transform: PanelTransform
    /// The figure's theme.
    public let theme: Theme
    /// Device pixels per layout unit (the figure's scale; at least 1 for vector output).
    public let resolution: Double

    /// The colour of the `index`-th automatic colour (the theme's qualitative palette, cycled).
    public func cycleColor(_ index: Int) -> Color {
        PlotStyle(theme: theme).cycleColor(index)
    }

    /// A size given to a mark in points of the default theme (`explicit`), scaled like the
    /// theme's own sizes; `fallback` (a size of the scaled theme) when none was given.
    ///
    /// ```swift
    /// let width = context.length(width, default: context.theme.lines.data)
    /// ```
    public func length(_ explicit: Double?, default fallback: Double) -> Double {
        theme.length(explicit, default: fallback)
    }
}

/// Something drawn inside a panel in data coordinates: points, lines, images, regions.
///
/// Conform to add your own mark; draw with ``MarkContext/transform`` so that the mark
/// follows the panel's scales.
///
/// ```swift
/// struct Crosshair: Mark {
///     var x: Double, y: Double
///     var layer: MarkLayer { .static }
///     func draw(in context: MarkContext) {
///         let p = context.transform.point(x: x, y: y)
///         context.canvas.stroke(.segment(Point(x: p.x - 5, y: p.y), Point(x: p.x + 5, y: p.y)),
///                               style: StrokeStyle(color: .black))
///     }
/// }
/// ```
public protocol Mark: Sendable {
    /// The rendering pass that draws the mark.
    var layer: MarkLayer { get }
    /// The data range for automatic limits on scales of the given kinds (`nil`: none).
    func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent?
    /// Draws the mark; the canvas is clipped to the plot area.
    func draw(in context: MarkContext)
    /// Legend entries contributed by the mark (empty when it has no label).
    func legendEntries(theme: Theme) -> [LegendEntry]
    /// Points (layout units) the mark covers, which an automatically placed legend avoids.
    func occupiedPoints(in transform: PanelTransform) -> [Point]
    /// The colour scale shown by a colorbar attached to the panel, if the mark has one.
    var colorScale: ColorScale? { get }
    /// Whether the mark must stand out from what is under it (`.regular`, the default) or is
    /// deliberately faint or a backdrop for other marks.
    var emphasis: MarkEmphasis { get }
}

extension Mark {
    public func extent(xScale: ScaleKind, yScale: ScaleKind) -> MarkExtent? { nil }
    public func legendEntries(theme: Theme) -> [LegendEntry] { [] }
    public func occupiedPoints(in transform: PanelTransform) -> [Point] { [] }
    public var colorScale: ColorScale? { nil }
    public var emphasis: MarkEmphasis { .regular }
}

/// A colormap together with the value range and norm it is applied with, for colorbars.
public struct ColorScale: Sendable, Hashable {
    public var colormap: Colormap
    public var norm: ColorNorm
    public init(colormap: Colormap, norm: ColorNorm) { self.colormap = colormap; self.norm = norm }
}
