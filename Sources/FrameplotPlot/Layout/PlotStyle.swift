import FrameplotCanvas

/// Every size and colour the layout and the decorations use, resolved from a ``Theme``
/// scaled for the figure (grown for a figure larger than the theme's reference size, shrunk
/// when the figure is too small for the theme's text). The only place that reads theme fields.
struct PlotStyle {
    /// The figure's theme with every size multiplied by the layout's scale.
    let theme: Theme
    /// Whether a legend beside a plot it squeezes to a sliver goes below the plot instead:
    /// the last resort of a figure too small for its texts even at its smallest text.
    var movesSqueezedLegendsBelow = false

    /// The style of `theme` with every size (text, lines, markers, paddings, and through
    /// ``Theme/sizeScale`` the sizes given to marks) times `textScale`.
    init(theme: Theme, textScale: Double = 1) {
        self.theme = textScale == 1 ? theme : theme.scaled(by: textScale)
    }

    var background: Color { theme.colors.background }
    var axesBackground: Color { theme.colors.axesFace }
    /// Text.
    var foreground: Color { theme.colors.text }
    var spineColor: Color { theme.colors.spine }
    var tickColor: Color { theme.colors.tick }
    var gridColor: Color { theme.colors.grid }
    var lineWidth: Double { theme.lines.data }
    var palette: [Color] { theme.palette.colors }
    var showGrid: Bool { theme.showsGrid }
    var showsMinorTicks: Bool { theme.showsMinorTicks }
    var showsTopRightSpines: Bool { theme.showsTopRightSpines }
    var markerSize: Double { theme.markerSize }

    /// The reference size for text-related spacing: the tick-label size.
    var fontSize: Double { theme.fonts.tickLabel }

    func cycleColor(_ index: Int) -> Color { theme.palette.color(index) }

    private func text(_ role: Theme.TextRole) -> TextStyle {
        theme.textStyle(role, markup: true)
    }

    // Text styles (all Pango markup: labels go through MathText, which escapes literal text).
    var tickLabel: TextStyle { text(.tickLabel) }
    var axisLabel: TextStyle { text(.axisLabel) }
    var title: TextStyle { var s = text(.title); s.weight = .bold; return s }
    var figureTitle: TextStyle { text(.figureTitle) }
    var legendLabel: TextStyle { text(.legend) }
    var annotation: TextStyle { text(.annotation) }

    // Lengths (layout units).
    var tickLength: Double { theme.lines.majorTickLength }
    var minorTickLength: Double { theme.lines.minorTickLength }
    private var pad: Double { theme.padding }
    var tickPad: Double { pad * 0.6 }
    var labelPad: Double { pad }
    var titlePad: Double { pad * 1.3 }
    var outerPad: Double { pad }
    /// Breathing room on a panel's top and right sides when nothing is drawn there.
    var edgePad: Double { pad * 1.5 }
    var panelSpacing: Double { pad * 2 }
    var spineWidth: Double { theme.lines.spine }
    var tickWidth: Double { theme.lines.tick }
    var gridWidth: Double { theme.lines.grid }

    // Legend.
    var legendPad: Double { pad * 0.9 }
    var legendHandleWidth: Double { fontSize * 2 }
    var legendHandleGap: Double { fontSize * 0.6 }
    var legendRowGap: Double { fontSize * 0.3 }
    var legendInset: Double { pad * 1.2 }
    var legendBackground: Color { theme.colors.legendFace }
    var legendEdge: Color { theme.colors.legendEdge }
    /// The legend frame (and caption panel edge) width.
    var legendEdgeWidth: Double { 0.8 * theme.sizeScale }

    // Colorbar.
    var colorbarGap: Double { pad * 2 }
    var colorbarWidth: Double { fontSize * 1.3 }
}

extension Theme {
    /// A size given to a mark in default-theme points (`explicit`) in this theme, or the
    /// theme's own `fallback` when none was given.
    func length(_ explicit: Double?, default fallback: Double) -> Double {
        explicit.map { $0 * sizeScale } ?? fallback
    }

    /// A dash pattern given in default-theme points, in this theme.
    func dash(_ pattern: [Double]) -> [Double] {
        sizeScale == 1 ? pattern : pattern.map { $0 * sizeScale }
    }
}
