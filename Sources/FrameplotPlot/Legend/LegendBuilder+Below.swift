import FrameplotCanvas

extension LegendBuilder {
    /// The smallest legend text shrinking makes: the smallest text a figure shrinks to (the
    /// default theme's tick labels at half size), still readable on a screen.
    static let readableTextSize = 6.0

    /// The legend for below a plot in a panel `width` wide: in as many balanced columns as
    /// fit, else in one column with its text (and handles, paddings) shrunk until it fits,
    /// never below ``readableTextSize``.
    ///
    /// ```swift
    /// let (builder, measured) = LegendBuilder(all: entries, style: style, canvas: canvas).below(width: 180)
    /// ```
    func below(width: Double) -> (LegendBuilder, Measured) {
        let fitted = measure(fittingWidth: width)
        let size = style.legendLabel.size
        guard fitted.size.width > width, size > Self.readableTextSize else { return (self, fitted) }
        // Text widths do not shrink exactly in proportion (hinting): a second step settles it.
        var factor = 1.0, builder = self, measured = fitted
        for _ in 0..<3 where measured.size.width > width {
            factor = Swift.max(Self.readableTextSize / size, factor * width / measured.size.width * 0.99)
            builder = restyled(PlotStyle(theme: style.theme, textScale: factor))
            measured = builder.measure()
            if factor * size <= Self.readableTextSize { break }
        }
        return (builder, measured)
    }

    /// The legend in as many columns (at most one per entry, balanced) as fit `width`; one
    /// column when even that is too wide.
    func measure(fittingWidth width: Double) -> Measured {
        var best = measure()
        guard entries.count > 1 else { return best }
        for n in 2...entries.count {
            // Balanced: 6 entries in 4 columns would leave 2 alone on the second line.
            let lines = (entries.count + n - 1) / n
            guard (entries.count + lines - 1) / lines == n else { continue }
            let m = measure(columns: n)
            if m.size.width <= width { best = m } else { break }
        }
        return best
    }
}
