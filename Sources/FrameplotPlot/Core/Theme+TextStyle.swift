import FrameplotCanvas

extension Theme {
    /// The kinds of text a figure draws.
    public enum TextRole: Sendable, Hashable, CaseIterable {
        case tickLabel, axisLabel, title, figureTitle, legend, annotation
    }

    /// The font size for `role`.
    public func fontSize(_ role: TextRole) -> Double {
        switch role {
        case .tickLabel: return fonts.tickLabel
        case .axisLabel: return fonts.axisLabel
        case .title: return fonts.title
        case .figureTitle: return fonts.figureTitle
        case .legend: return fonts.legend
        case .annotation: return fonts.annotation
        }
    }

    /// A text style for `role` in this theme: its family, size and colour, bold for
    /// the figure title, and Pango markup on (tick labels and ``MathText`` output use `<sup>`,
    /// `<sub>`, `<i>`; escape literal text with ``MathText/escaped(_:)``).
    ///
    /// ```swift
    /// canvas.drawText(MathText.markup("$y = ax + b$"), at: p, style: theme.textStyle(.legend))
    /// ```
    public func textStyle(_ role: TextRole, markup: Bool = true) -> TextStyle {
        let color = role == .tickLabel ? colors.tickLabel : colors.text
        let weight: TextStyle.Weight = role == .figureTitle ? .bold : .regular
        return TextStyle(family: fonts.family, size: fontSize(role), weight: weight, color: color, markup: markup)
    }
}
