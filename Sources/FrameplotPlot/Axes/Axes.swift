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
    /// Whether the values are whole numbers (steps, epochs, counts): ticks then fall on
    /// whole numbers only, never 0.5 apart (matplotlib's `MaxNLocator(integer=True)`).
    public var integerTicks: Bool

    public init(label: String? = nil, scale: ScaleKind = .linear, limits: AxisLimits? = nil,
                margin: Double = 0.05, showsTicks: Bool = true, integerTicks: Bool = false) {
        self.label = label; self.scale = scale; self.limits = limits
        self.margin = margin; self.showsTicks = showsTicks; self.integerTicks = integerTicks
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
    /// A title above the legend's rows (plot-layer markup), e.g. the class column's name with
    /// its values as the rows: `axes.legendTitle = "species"`.
    public var legendTitle: String?
    /// A colorbar on the right of the plot area, or `nil` for none.
    public var colorbar: ColorbarSpec?
    /// The 3-D view when the panel is drawn in 3-D (see ``View3D``), or nil for a 2-D panel.
    public var view3D: View3D?
    /// The marks in the order they were added (drawn by ``MarkStratum``, then in this order).
    public private(set) var marks: [any Mark] = []
    /// How many automatic colours have been handed out (matplotlib's property cycle).
    public private(set) var colorCycleIndex = 0
    /// The index in ``marks`` from which marks belong to one animation frame (set by
    /// ``beginFrame()``), or nil.
    public private(set) var frameMarksStart: Int?

    public init() {}

    /// Appends a mark (above the marks of its stratum added before it).
    public mutating func add(_ mark: some Mark) { marks.append(mark) }

    /// Starts an animation frame: every mark added from now on is drawn per frame, as if
    /// tagged `layer: .dynamic`. `FigureAnimation` calls this before its frame closure.
    ///
    /// ```swift
    /// var frame = figure
    /// frame.axes.beginFrame()
    /// frame.axes.straightLine(slope: w, intercept: b)   // a per-frame mark
    /// ```
    public mutating func beginFrame() { frameMarksStart = marks.count }

    /// Whether the mark at `index` is drawn per frame: tagged `.dynamic`, or added after
    /// ``beginFrame()``.
    public func isFrameMark(at index: Int) -> Bool {
        marks[index].layer == .dynamic || (frameMarksStart.map { index >= $0 } ?? false)
    }

    /// Removes every mark drawn in `layer` (`.dynamic`: every per-frame mark, ending the frame).
    public mutating func removeMarks(in layer: MarkLayer) {
        let keep = marks.indices.filter { isFrameMark(at: $0) != (layer == .dynamic) }
        marks = keep.map { marks[$0] }
        if layer == .dynamic { frameMarksStart = nil }
    }

    /// The index of the next automatic colour, advancing the cycle.
    mutating func nextCycleIndex() -> Int {
        defer { colorCycleIndex += 1 }
        return colorCycleIndex
    }

    /// The lowest and highest strata of the per-frame marks, or nil when there are none.
    var frameStrata: ClosedRange<MarkStratum>? {
        var low: MarkStratum?, high: MarkStratum?
        for i in marks.indices where isFrameMark(at: i) {
            let s = marks[i].stratum
            low = Swift.min(low ?? s, s); high = Swift.max(high ?? s, s)
        }
        guard let low, let high else { return nil }
        return low...high
    }
}
