import FrameplotCanvas

extension Theme {
    /// Close to the matplotlib look users know (white panels, a closed dark frame,
    /// ticks outside, viridis) but with a light grid, the colour-blind-safe
    /// ``Palette/classes`` and text sized for an 800 × 600 figure read on a screen.
    ///
    /// ```swift
    /// let theme = Theme.default
    /// ```
    public static let `default` = Theme(
        fonts: Fonts(tickLabel: 12, axisLabel: 14, title: 16, figureTitle: 18, legend: 12, annotation: 12),
        colors: Colors(
            background: .white, axesFace: .white,
            text: Color(hex: 0x1a1a1a), tickLabel: Color(hex: 0x333333),
            spine: Color(hex: 0x333333), tick: Color(hex: 0x333333),
            grid: Color(hex: 0x000000, alpha: 0.1),
            legendFace: Color(hex: 0xffffff, alpha: 0.85), legendEdge: Color(hex: 0xcccccc)),
        lines: Lines(data: 2, spine: 1, grid: 0.8, tick: 1, majorTickLength: 5, minorTickLength: 3),
        markerSize: 8, palette: .classes, colormap: .viridis,
        showsGrid: true, showsMinorTicks: false, showsTopRightSpines: true, padding: 6)

    /// For projectors: half as large again, thicker lines and markers, no minor ticks.
    ///
    /// ```swift
    /// figure.theme = .slides
    /// ```
    public static let slides: Theme = {
        var t = Theme.default.scaled(by: 1.5)
        t.fonts.tickLabel = 18; t.fonts.axisLabel = 22; t.fonts.title = 26; t.fonts.figureTitle = 28
        t.fonts.legend = 18; t.fonts.annotation = 18
        t.lines.data = 3.5
        t.colors.grid = Color(hex: 0x000000, alpha: 0.12)
        return t
    }()

    /// Light text and lines on a dark grey background (for dark slides and editors),
    /// with viridis and the Okabe–Ito palette (black swapped for white).
    ///
    /// ```swift
    /// let dark = Theme.dark
    /// ```
    public static let dark: Theme = {
        var t = Theme.default
        t.colors = Colors(
            background: Color(hex: 0x1e1e1e), axesFace: Color(hex: 0x262626),
            text: Color(hex: 0xeeeeee), tickLabel: Color(hex: 0xcccccc),
            spine: Color(hex: 0xaaaaaa), tick: Color(hex: 0xaaaaaa),
            grid: Color(hex: 0xffffff, alpha: 0.12),
            legendFace: Color(hex: 0x262626, alpha: 0.9), legendEdge: Color(hex: 0x555555))
        // Okabe–Ito's black is invisible on dark: use white in its place.
        t.palette = Palette(name: "okabe-ito-dark", colors: Palette.okabeIto.colors.map {
            $0 == Color(hex: 0x000000) ? Color(hex: 0xffffff) : $0
        })
        return t
    }()

    /// A preset by name ("default", "slides", "dark"), case-insensitive; `nil` if unknown.
    public static func named(_ name: String) -> Theme? {
        switch name.lowercased() {
        case "default", "light": return .default
        case "slides", "slide": return .slides
        case "dark": return .dark
        default: return nil
        }
    }

    /// Every font size, line width, tick length, marker size and padding times `factor`
    /// (colours unchanged), e.g. to keep proportions on a 1920 × 1080 figure.
    ///
    /// ```swift
    /// let hd = Theme.default.scaled(by: 1.8)
    /// ```
    public func scaled(by factor: Double) -> Theme {
        let f = factor.isFinite && factor > 0 ? factor : 1
        var t = self
        t.fonts.tickLabel *= f; t.fonts.axisLabel *= f; t.fonts.title *= f; t.fonts.figureTitle *= f
        t.fonts.legend *= f; t.fonts.annotation *= f
        t.lines.data *= f; t.lines.spine *= f; t.lines.grid *= f; t.lines.tick *= f
        t.lines.majorTickLength *= f; t.lines.minorTickLength *= f
        t.markerSize *= f; t.padding *= f
        return t
    }
}
