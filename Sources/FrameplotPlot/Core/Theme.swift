import FrameplotCanvas

/// The look of a figure as a value: fonts, colours and colour roles, line widths, marker
/// size, palette and colormap. Sizes are in layout units (points; one point is one pixel at
/// device scale 1), tuned for a figure of ``referenceSize``.
///
/// Everything scales together: a figure larger than the reference size grows every size of
/// its theme (text, line widths, markers, tick lengths, caption panels) in proportion, and
/// one too small for its text shrinks them all. Sizes given explicitly to marks
/// (`width: 2`, `size: 8`, dash lengths, text offsets) are points of the default theme and
/// follow the same scale, times ``sizeScale`` (1.5 on ``slides``).
///
/// Marks take their colours from roles of the theme, resolved when drawn (see
/// ``MarkColor``): `.ink`, `.accent`, `.fit`, `.cycle(n)`; every preset keeps each role at
/// 3:1 or more against its panels (WCAG 2 for graphics).
///
/// Start from a preset and change what you need:
///
/// ```swift
/// var theme = Theme.default
/// theme.fonts.title = 18
/// theme.palette = .tab10
/// let big = Theme.slides
/// let styled = theme.textStyle(.axisLabel)   // a TextStyle for Canvas.drawText
/// ```
public struct Theme: Sendable, Hashable {
    /// Font family and the size of each kind of text.
    public struct Fonts: Sendable, Hashable {
        /// A Pango family list; the default renders Latin and Japanese consistently.
        public var family: String
        public var tickLabel: Double
        public var axisLabel: Double
        public var title: Double
        public var figureTitle: Double
        public var legend: Double
        public var annotation: Double

        public init(family: String = TextStyle.defaultFamily, tickLabel: Double, axisLabel: Double, title: Double,
                    figureTitle: Double, legend: Double, annotation: Double) {
            self.family = family; self.tickLabel = tickLabel; self.axisLabel = axisLabel; self.title = title
            self.figureTitle = figureTitle; self.legend = legend; self.annotation = annotation
        }
    }

    /// The colours of everything that is not data.
    public struct Colors: Sendable, Hashable {
        /// Behind the whole figure.
        public var background: Color
        /// Inside each panel (behind the data).
        public var axesFace: Color
        /// Titles, axis labels, legend and annotation text.
        public var text: Color
        /// Tick labels (often a little lighter than `text`).
        public var tickLabel: Color
        /// The panel frame.
        public var spine: Color
        /// Tick marks.
        public var tick: Color
        /// Major grid lines.
        public var grid: Color
        /// Legend box fill and edge.
        public var legendFace: Color
        public var legendEdge: Color
        /// Neutral marks that are not a data series: reference lines, arrows, decision
        /// boundaries, a model's current line (``MarkColor/ink``).
        public var ink: Color
        /// The one thing to look at: the current point, a marker line, a minimiser (``MarkColor/accent``).
        public var accent: Color
        /// A fitted line or model curve drawn over data points coloured by class (``MarkColor/fit``).
        public var fit: Color

        public init(background: Color, axesFace: Color, text: Color, tickLabel: Color, spine: Color, tick: Color,
                    grid: Color, legendFace: Color, legendEdge: Color, ink: Color = Color(hex: 0x1a1a1a),
                    accent: Color = Color(hex: 0xd62728), fit: Color = Color(hex: 0x222222)) {
            self.background = background; self.axesFace = axesFace; self.text = text; self.tickLabel = tickLabel
            self.spine = spine; self.tick = tick; self.grid = grid; self.legendFace = legendFace
            self.legendEdge = legendEdge; self.ink = ink; self.accent = accent; self.fit = fit
        }
    }

    /// Line widths and tick lengths.
    public struct Lines: Sendable, Hashable {
        /// Data lines and curves.
        public var data: Double
        /// The panel frame.
        public var spine: Double
        /// Major grid lines.
        public var grid: Double
        /// Tick mark width.
        public var tick: Double
        /// Major and minor tick lengths (outwards).
        public var majorTickLength: Double
        public var minorTickLength: Double

        public init(data: Double, spine: Double, grid: Double, tick: Double, majorTickLength: Double,
                    minorTickLength: Double) {
            self.data = data; self.spine = spine; self.grid = grid; self.tick = tick
            self.majorTickLength = majorTickLength; self.minorTickLength = minorTickLength
        }
    }

    public var fonts: Fonts
    public var colors: Colors
    public var lines: Lines
    /// Scatter marker diameter.
    public var markerSize: Double
    /// Colours for classes and series.
    public var palette: Palette
    /// The colormap for heatmaps and values.
    public var colormap: Colormap
    /// Whether panels draw major grid lines.
    public var showsGrid: Bool
    /// Whether axes draw minor ticks.
    public var showsMinorTicks: Bool
    /// Whether the top and right spines are drawn (a closed box, as matplotlib does).
    public var showsTopRightSpines: Bool
    /// Space between a panel and its tick labels, and between labels and axis labels.
    public var padding: Double
    /// How large this theme's sizes are relative to the default theme's (1; 1.5 on ``slides``).
    /// Sizes given explicitly to marks are multiplied by it, so a scene written with
    /// `width: 1.5` keeps its proportions on slides. ``scaled(by:)`` multiplies it.
    public var sizeScale: Double
    /// The figure size the sizes are tuned for. A larger figure multiplies every size by
    /// the smaller of its width and height ratios to this size (so a 1600 × 1200 figure
    /// looks like the 800 × 600 one, only sharper); `nil` keeps the sizes at any figure size.
    public var referenceSize: Size?

    public init(fonts: Fonts, colors: Colors, lines: Lines, markerSize: Double, palette: Palette, colormap: Colormap,
                showsGrid: Bool, showsMinorTicks: Bool, showsTopRightSpines: Bool, padding: Double,
                sizeScale: Double = 1, referenceSize: Size? = Size(width: 800, height: 600)) {
        self.fonts = fonts; self.colors = colors; self.lines = lines; self.markerSize = markerSize
        self.palette = palette; self.colormap = colormap; self.showsGrid = showsGrid
        self.showsMinorTicks = showsMinorTicks; self.showsTopRightSpines = showsTopRightSpines; self.padding = padding
        self.sizeScale = sizeScale; self.referenceSize = referenceSize
    }
}
