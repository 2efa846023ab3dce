/// Which parts of a figure a render call draws.
///
/// - `background`: figure and axes backgrounds, grid, every `.static` mark, ticks,
///   labels, titles, colorbars, and the spines and legend of panels whose layout had no
///   `.dynamic` marks.
/// - `foreground`: every `.dynamic` mark (clipped to its plot area), then the spines and
///   legend of panels whose layout had dynamic marks, so they stay on top.
///
/// Rendering `background` then `foreground` with one ``FigureLayout`` gives exactly the
/// same picture as `.all`. For an animation, compute the layout from a figure that holds
/// representative dynamic marks (for stable limits and legend entries), render the
/// background from the figure without them once, and per frame render the foreground of
/// a copy with that frame's dynamic marks.
///
/// ```swift
/// fig.render(on: background, layout: layout, layers: .background)   // once
/// canvas.composite(background, at: .zero)                            // every frame
/// fig.render(on: canvas, layout: layout, layers: .foreground)
/// ```
public struct RenderLayers: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let background = RenderLayers(rawValue: 1)
    public static let foreground = RenderLayers(rawValue: 2)
    public static let all: RenderLayers = [.background, .foreground]
}
