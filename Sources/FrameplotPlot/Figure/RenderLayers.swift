/// Which parts of a figure a render call draws.
///
/// - `background`: figure and axes backgrounds, grid, every `.static` mark, frames,
///   ticks, labels, titles, colorbars, and the legend and spines of panels that have
///   no `.dynamic` marks.
/// - `foreground`: every `.dynamic` mark (clipped to its plot area), then the spines and
///   legend of panels that have dynamic marks, so they stay on top.
///
/// Rendering `background` then `foreground` gives exactly the same picture as `.all`.
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
