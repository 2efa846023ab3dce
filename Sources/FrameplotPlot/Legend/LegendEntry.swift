import FrameplotCanvas

/// One row of a legend: a small picture of the mark (the handle) and its label.
///
/// Labels may contain maths between dollar signs: `"$y = 0.431x + 3.31$"`.
///
/// An entry with a ``key`` is one row whatever its label: its text may change from frame to
/// frame of an animation ("Adam  1.2e-03", then "Adam  8.1e-04"). The layout reserves room
/// for the widest text the row shows, and the text is drawn per frame
/// (``RenderLayers/frameLegend``), so neither the box nor the other rows move.
///
/// ```swift
/// LegendEntry(label: "train", handle: .line(StrokeStyle(color: .black, width: 1.5)))
/// LegendEntry(label: "Adam  1.2e-03", handle: .line(StrokeStyle(color: .red)), key: "adam")
/// ```
public struct LegendEntry: Sendable, Hashable {
    /// How the entry's mark is pictured.
    public enum Handle: Sendable, Hashable {
        /// A scatter marker.
        case marker(MarkerShape, fill: Color, edge: Color?, size: Double)
        /// A line sample, optionally with a marker in its middle.
        case line(StrokeStyle, marker: MarkerShape? = nil)
        /// A filled rectangle (regions, spans, filled contours).
        case patch(fill: Color, edge: Color?)
    }

    public var label: String
    public var handle: Handle
    /// What identifies a row whose text changes per frame (nil: the label identifies it).
    public var key: String?

    public init(label: String, handle: Handle, key: String? = nil) {
        self.label = label; self.handle = handle; self.key = key
    }

    /// What makes two entries one row: the key and handle of a keyed entry, else label and handle.
    struct Row: Hashable {
        var text: String
        var keyed: Bool
        var handle: Handle
    }

    var row: Row { Row(text: key ?? label, keyed: key != nil, handle: handle) }

    /// `entries` without repeats: an entry with the label and handle (style) of an earlier one,
    /// or with its key and handle, is dropped, so a labelled mark drawn in many frames, or
    /// twice, is listed once.
    ///
    /// ```swift
    /// LegendEntry.unique([fit, fit, data])   // [fit, data]
    /// ```
    public static func unique(_ entries: [LegendEntry]) -> [LegendEntry] {
        var seen = Set<Row>()
        return entries.filter { seen.insert($0.row).inserted }
    }
}

/// Where a panel's legend goes.
///
/// `.best` (the default) picks, among the inside positions, the one that covers the
/// fewest data points (matplotlib's `loc="best"`), preferring the upper right on ties.
/// `.outsideRight` puts the legend to the right of the plot area and widens the margin.
/// `.outsideBottom` puts it below the plot, in as many columns as fit; a figure too small for
/// its texts even at half their size moves there every legend that would squeeze its plot
/// to under 40 % of the panel's width.
/// `.bestOrOutside` is `.best` where some inside position covers no point of the static marks
/// (a scatter), and `.outsideRight` where every one would; among the free positions it covers
/// the fewest points of the frame marks (an animation's moving lines).
///
/// ```swift
/// axes.legendPlacement = .bestOrOutside   // never over a data point
/// ```
public enum LegendPlacement: Sendable, Hashable {
    case best
    case bestOrOutside
    case upperRight, upperLeft, lowerLeft, lowerRight
    case centerLeft, centerRight, lowerCenter, upperCenter, center
    case outsideRight
    /// Below the plot area, under the x axis label, in as many columns as fit the panel's width.
    case outsideBottom
    /// No legend even when marks have labels.
    case hidden

    /// Whether the legend sits beside the plot area (in the margin), not over it:
    /// `LegendPlacement.outsideBottom.isOutside` is true.
    public var isOutside: Bool { self == .outsideRight || self == .outsideBottom }

    /// Candidate inside positions in order of preference, as in matplotlib.
    static let insideCandidates: [LegendPlacement] = [
        .upperRight, .upperLeft, .lowerLeft, .lowerRight, .centerRight,
        .centerLeft, .lowerCenter, .upperCenter, .center,
    ]
}
