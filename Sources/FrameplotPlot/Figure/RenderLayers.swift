/// Which parts of a figure a render call draws, for animations that cache what stays.
///
/// Everything in a panel is stacked in one fixed order (``MarkStratum``): axes face, regions
/// and heatmaps, grid, lines, points, text, then spines and legend; within a stratum static
/// marks come before per-frame ones. The layout records, per panel, the lowest and highest
/// strata of its per-frame marks (``PanelLayout/frameStrata``); the static parts are split
/// around them so the cache never changes the stacking:
///
/// - `background`: figure and axes faces, titles, ticks, labels, colorbars, and the static
///   parts at or below the lowest per-frame stratum (every static part when the panel has
///   no per-frame marks);
/// - `frame`: the per-frame marks, and the static parts between the lowest and the highest
///   per-frame strata (drawn every frame so they stay in order);
/// - `overlay`: the static parts above the highest per-frame stratum, the spines and the
///   legend of panels with per-frame marks;
/// - `frameLegend`: the texts of keyed legend rows (``LegendEntry/key``), which change per
///   frame, read from the figure being drawn, above everything.
///
/// A 3-D panel whose camera turns during an animation (``View3D/turn``) is drawn whole in
/// `frame`, laid out for the figure's camera.
///
/// Rendering `background`, `frame`, `overlay`, `frameLegend` in turn with one ``FigureLayout``
/// gives exactly the picture of `.all`. `foreground` is all but `background`.
///
/// ```swift
/// var figure = staticFigure
/// figure.beginFrame()
/// figure.axes.straightLine(slope: 0.5, intercept: 2)                  // a per-frame mark
/// let layout = figure.layout(measuringWith: canvas)
/// staticFigure.render(on: background, layout: layout, layers: .background)   // once
/// canvas.composite(background, at: .zero)                                     // every frame
/// figure.render(on: canvas, layout: layout, layers: .foreground)
/// ```
public struct RenderLayers: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// What stays under every per-frame mark.
    public static let background = RenderLayers(rawValue: 1)
    /// The per-frame marks and the static parts stacked between them.
    public static let frame = RenderLayers(rawValue: 2)
    /// What stays above every per-frame mark.
    public static let overlay = RenderLayers(rawValue: 4)
    /// The per-frame texts of keyed legend rows, above the overlay.
    public static let frameLegend = RenderLayers(rawValue: 8)
    /// Everything drawn per frame over a cached background.
    public static let foreground: RenderLayers = [.frame, .overlay, .frameLegend]
    public static let all: RenderLayers = [.background, .frame, .overlay, .frameLegend]
}
