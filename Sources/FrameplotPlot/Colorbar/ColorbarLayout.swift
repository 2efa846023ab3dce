import FrameplotCanvas

/// Where a colorbar goes: the bar, its ticks (positions along the bar) and its label.
public struct ColorbarLayout: Sendable {
    public var bar: Rect
    public var scale: ColorScale
    /// The value -> vertical position mapping along the bar.
    public var axis: Scale
    public var ticks: [AxisTick]
    public var minorTicks: [Double]
    public var label: PlacedText?

    public var texts: [PlacedText] { ticks.compactMap(\.label) + (label.map { [$0] } ?? []) }
}
