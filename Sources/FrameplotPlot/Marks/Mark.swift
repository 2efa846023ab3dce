import FrameplotCanvas

/// Which rendering pass draws a mark: the cached background or the per-frame foreground.
///
/// Only matters when you cache layers yourself (``RenderLayers``). In a `FigureAnimation`,
/// every mark added in the frame closure is per-frame whatever its `layer` (the closure runs
/// after ``Figure/beginFrame()``), so you never need `layer: .dynamic` there.
///
/// ```swift
/// axes.line(xs: path.map(\.x), ys: path.map(\.y), color: .white, layer: .dynamic)
/// ```
public enum MarkLayer: Sendable, Hashable {
    /// Drawn once into the cached layers (the default).
    case `static`
    /// Drawn every frame.
    case dynamic
}

/// Where a mark sits in a panel's stacking order, whatever the order marks were added in and
/// whether they are static or per-frame: regions and heatmaps, then the grid, then lines,
/// then points, then fitted lines that ask for it, then text; spines and the legend above all. Within one stratum, static marks
/// come first, then per-frame marks, each in the order they were added.
///
/// ```swift
/// struct Crosshair: Mark {
///     var stratum: MarkStratum { .points }
///     // …
/// }
/// ```
public enum MarkStratum: Int, Sendable, Hashable, Comparable, CaseIterable {
    /// Heatmaps, decision regions, filled contours, spans: under the grid.
    case regions
    /// Lines, curves, contour lines, segments, arrows: above the grid.
    case lines
    /// Scatter markers: above lines.
    case points
    /// A model's fitted line over its data (``Axes/straightLine(slope:intercept:color:width:dash:label:layer:stratum:)``
    /// with `stratum: .fits`): above the points, so a dense cloud cannot hide it.
    case fits
    /// Text: above everything but spines and the legend.
    case text

    public static func < (a: MarkStratum, b: MarkStratum) -> Bool { a.rawValue < b.rawValue }
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
    /// The figure's choice for dense marks on vector pages (a mark's own setting wins).
    public var rasterization: Rasterization = .automatic

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
/// follows the panel's scales. Its ``stratum`` (`.lines` unless you say otherwise) places it
/// in the stacking order.
///
/// ```swift
/// struct Crosshair: Mark {
///     var x: Double, y: Double
///     var layer: MarkLayer { .static }
///     var stratum: MarkStratum { .points }
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
    /// Where the mark sits in the stacking order (default `.lines`).
    var stratum: MarkStratum { get }
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
    public var stratum: MarkStratum { .lines }
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
