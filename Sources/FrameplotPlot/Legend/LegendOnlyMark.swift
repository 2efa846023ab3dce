/// Legend entries without a drawing (see ``Axes/legendEntries(_:layer:)``).
///
/// ```swift
/// axes.add(LegendOnlyMark(entries: [LegendEntry(label: "start", handle: .marker(.plus, fill: .black, edge: nil, size: 9))]))
/// ```
public struct LegendOnlyMark: Mark {
    public var entries: [LegendEntry]
    public var layer: MarkLayer

    public init(entries: [LegendEntry], layer: MarkLayer = .static) {
        self.entries = entries; self.layer = layer
    }

    /// Nothing: the entries are all there is.
    public func draw(in context: MarkContext) {}

    public func legendEntries(theme: Theme) -> [LegendEntry] { entries }
}
