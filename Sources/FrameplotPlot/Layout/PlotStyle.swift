import FrameplotCanvas

/// Every size and colour the layout and the decorations use, resolved from a ``Theme``.
/// The only place that reads theme fields, so the layout never depends on their spelling.
struct PlotStyle {
    let theme: Theme
    /// Shrinks every text and text-related length when a figure is too small for the theme's sizes.
    var textScale: Double = 1

    var background: Color { theme.background }
    var axesBackground: Color { theme.axesBackground }
    var foreground: Color { theme.foreground }
    var gridColor: Color { theme.gridColor }
    var fontSize: Double { theme.fontSize * textScale }
    var lineWidth: Double { theme.lineWidth }
    var palette: [Color] { theme.palette.colors }
    var showGrid: Bool { theme.showGrid }

    func cycleColor(_ index: Int) -> Color {
        let p = palette
        guard !p.isEmpty else { return foreground }
        return p[((index % p.count) + p.count) % p.count]
    }

    // Text styles.
    var tickLabel: TextStyle { TextStyle(family: theme.fontFamily, size: fontSize * 0.9, color: foreground) }
    var axisLabel: TextStyle { TextStyle(family: theme.fontFamily, size: fontSize, color: foreground) }
    var title: TextStyle { TextStyle(family: theme.fontFamily, size: fontSize * 1.15, weight: .bold, color: foreground) }
    var figureTitle: TextStyle { TextStyle(family: theme.fontFamily, size: fontSize * 1.35, weight: .bold, color: foreground) }
    var legendLabel: TextStyle { TextStyle(family: theme.fontFamily, size: fontSize * 0.9, color: foreground) }
    var annotation: TextStyle { TextStyle(family: theme.fontFamily, size: fontSize * 0.9, color: foreground) }

    // Lengths (layout units), proportional to the font so that `slides` scales everything.
    var tickLength: Double { fontSize * 0.35 }
    var minorTickLength: Double { fontSize * 0.2 }
    var tickPad: Double { fontSize * 0.35 }
    var labelPad: Double { fontSize * 0.4 }
    var titlePad: Double { fontSize * 0.6 }
    var outerPad: Double { fontSize * 0.5 }
    /// Breathing room on a panel's top and right sides when nothing is drawn there.
    var edgePad: Double { fontSize * 0.8 }
    var panelSpacing: Double { fontSize * 1.0 }
    var spineWidth: Double { Swift.max(0.8, lineWidth * 0.55) }
    var tickWidth: Double { spineWidth }
    var gridWidth: Double { Swift.max(0.5, lineWidth * 0.4) }
    var markerSize: Double { fontSize * 0.6 }
    var minTickGap: Double { fontSize * 0.6 }

    // Legend.
    var legendPad: Double { fontSize * 0.45 }
    var legendHandleWidth: Double { fontSize * 2 }
    var legendHandleGap: Double { fontSize * 0.6 }
    var legendRowGap: Double { fontSize * 0.25 }
    var legendInset: Double { fontSize * 0.5 }
    var legendBackground: Color { axesBackground.withAlpha(0.85) }
    var legendEdge: Color { gridColor }

    // Colorbar.
    var colorbarGap: Double { fontSize * 0.9 }
    var colorbarWidth: Double { fontSize * 1.1 }
}
