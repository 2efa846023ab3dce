import FrameplotCanvas

/// Where a colorbar goes: the bar, its ticks (positions along the bar), its label and the
/// multiplier or offset of its tick labels.
public struct ColorbarLayout: Sendable {
    public var bar: Rect
    public var scale: ColorScale
    /// The value -> vertical position mapping along the bar.
    public var axis: Scale
    public var ticks: [AxisTick]
    public var minorTicks: [Double]
    public var label: PlacedText?
    /// The multiplier or offset of the tick labels ("+10⁶"), above the bar.
    public var note: PlacedText?

    public var texts: [PlacedText] { ticks.compactMap(\.label) + [label, note].compactMap { $0 } }
}
