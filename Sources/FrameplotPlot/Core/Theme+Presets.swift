import FrameplotCanvas

extension Theme {
    /// The contrast the presets give their palettes against their panels: WCAG's 3:1 for
    /// graphics with a margin, so that 8-bit output and anti-aliasing never dip below it.
    static let presetContrast = Color.minimumGraphicsContrast * 1.1

    /// Close to the matplotlib look users know (white panels, a closed dark frame,
    /// ticks outside, viridis) but with a light grid, the colour-blind-safe
    /// ``Palette/classes`` (its orange, sky blue and yellow darkened to 3:1 on white) and
    /// text sized for an 800 × 600 figure read on a screen.
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
            legendFace: Color(hex: 0xffffff, alpha: 0.85), legendEdge: Color(hex: 0xcccccc),
            ink: Color(hex: 0x1a1a1a), accent: Color(hex: 0xd62728), fit: Color(hex: 0x222222)),
        lines: Lines(data: 2, spine: 1, grid: 0.8, tick: 1, majorTickLength: 5, minorTickLength: 3),
        markerSize: 8, palette: Palette.classes.ensuringContrast(Theme.presetContrast, against: .white),
        colormap: .viridis, showsGrid: true, showsMinorTicks: false, showsTopRightSpines: true, padding: 6,
        sizeScale: 1, referenceSize: Size(width: 800, height: 600))

    /// For projectors: half as large again (text, lines, markers, and every size given to a
    /// mark), tuned for a 1280 × 720 slide; a 1920 × 1080 slide grows by another half.
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
        t.referenceSize = Size(width: 1280, height: 720)
        return t
    }()

    /// Light text and lines on a dark grey background (for dark slides and editors),
    /// with viridis and the Okabe–Ito palette (black swapped for white, blue lightened to
    /// 3:1 on the dark panels), light ink and fit lines and a light red accent.
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
            legendFace: Color(hex: 0x262626), legendEdge: Color(hex: 0x555555),
            ink: Color(hex: 0xe6e6e6), accent: Color(hex: 0xff6b6b), fit: Color(hex: 0xf2f2f2))
        // Okabe–Ito's black is invisible on dark: use white in its place.
        t.palette = Palette(name: "okabe-ito-dark", colors: Palette.okabeIto.colors.map {
            $0 == Color(hex: 0x000000) ? Color(hex: 0xffffff) : $0
        }).ensuringContrast(Theme.presetContrast, against: t.colors.axesFace)
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

    /// Every font size, line width, tick length, marker size, padding, ``sizeScale`` and the
    /// ``referenceSize`` times `factor` (colours unchanged): the same look for a figure
    /// `factor` times as large.
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
        t.sizeScale *= f
        t.referenceSize = referenceSize.map { Size(width: $0.width * f, height: $0.height * f) }
        return t
    }
}
