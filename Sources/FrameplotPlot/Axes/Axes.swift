import FrameplotCanvas

/// One axis of a panel: its scale kind, limits, label and ticks.
///
/// ```swift
/// axes.y = AxisSpec(label: "損失関数値", scale: .log10)
/// axes.x.limits = AxisLimits(lower: 0, upper: 10)
/// ```
public struct AxisSpec: Sendable, Hashable {
    /// The axis label; maths between dollar signs (`"$x_1$"`).
    public var label: String?
    /// Linear or log scale.
    public var scale: ScaleKind
    /// Fixed limits, or `nil` to fit the data automatically.
    public var limits: AxisLimits?
    /// The automatic margin on each side, as a fraction of the data span.
    public var margin: Double
    /// Whether tick marks and tick labels are drawn.
    public var showsTicks: Bool

    public init(label: String? = nil, scale: ScaleKind = .linear, limits: AxisLimits? = nil,
                margin: Double = 0.05, showsTicks: Bool = true) {
        self.label = label; self.scale = scale; self.limits = limits
        self.margin = margin; self.showsTicks = showsTicks
    }
}

/// How the data units of the two axes relate on screen.
public enum AspectRatio: Sendable, Hashable {
    /// Fill the space available.
    case auto
    /// One data unit is as long on x as on y (the plot area shrinks to keep it so).
    case equal
}

/// A colorbar next to a panel, showing the colour scale of the panel's heatmap or
/// filled contours (or a scale given explicitly).
///
/// ```swift
/// axes.colorbar = ColorbarSpec(label: "$L(a, b)$")
/// ```
public struct ColorbarSpec: Sendable, Hashable {
    public var label: String?
    /// The scale to show; `nil` takes it from the first mark that has one.
    public var scale: ColorScale?
    public init(label: String? = nil, scale: ColorScale? = nil) { self.label = label; self.scale = scale }
}

/// A panel: two axes, a frame, a title, marks, an optional legend and colorbar.
///
/// Build it by adding marks; the figure lays it out and draws it.
///
/// ```swift
/// var fig = Figure(width: 640, height: 480)
/// fig.axes.x.label = "身長 (cm)"
/// fig.axes.scatter(xs: [166, 176], ys: [58.7, 75.7], label: "data")
/// fig.axes.straightLine(slope: 1.2, intercept: -140, label: "fit")
/// ```
public struct Axes: Sendable {
    public var x = AxisSpec()
    public var y = AxisSpec()
    /// The panel title above the plot area.
    public var title: String?
    public var aspect: AspectRatio = .auto
    /// Grid lines at the major ticks; `nil` follows the theme.
    public var showsGrid: Bool?
    /// Where the legend goes (shown when any mark has a label).
    public var legendPlacement: LegendPlacement = .best
    /// A colorbar on the right of the plot area, or `nil` for none.
    public var colorbar: ColorbarSpec?
    /// The 3-D view when the panel is drawn in 3-D (see ``View3D``), or nil for a 2-D panel.
    public var view3D: View3D?
    /// The marks in drawing order.
    public private(set) var marks: [any Mark] = []
    /// How many automatic colours have been handed out (matplotlib's property cycle).
    public private(set) var colorCycleIndex = 0

    public init() {}

    /// Appends a mark (drawn above the marks added before it).
    public mutating func add(_ mark: some Mark) { marks.append(mark) }

    /// Removes every mark drawn in `layer` (e.g. `.dynamic` before adding the next frame's).
    public mutating func removeMarks(in layer: MarkLayer) {
        marks.removeAll { $0.layer == layer }
    }

    /// The index of the next automatic colour, advancing the cycle.
    mutating func nextCycleIndex() -> Int {
        defer { colorCycleIndex += 1 }
        return colorCycleIndex
    }

    var hasDynamicMarks: Bool { marks.contains { $0.layer == .dynamic } }
}
