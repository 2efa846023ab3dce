/// The stacking order of the built-in marks, in one place (see ``MarkStratum``).

extension HeatmapMark {
    public var stratum: MarkStratum { .regions }
}

extension DecisionRegionsMark {
    public var stratum: MarkStratum { .regions }
}

extension LinearFieldMark {
    public var stratum: MarkStratum { .regions }
}

extension ContourMark {
    /// Filled bands are regions; contour lines are lines.
    public var stratum: MarkStratum { filled ? .regions : .lines }
}

extension ReferenceMark {
    /// Spans are regions; horizontal and vertical lines are lines.
    public var stratum: MarkStratum { isSpan ? .regions : .lines }
}

extension ScatterMark {
    public var stratum: MarkStratum { .points }
}

extension TextMark {
    public var stratum: MarkStratum { .text }
}
