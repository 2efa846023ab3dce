import FrameplotCanvas

/// A piece of text placed by the layout: what, where, how, and the box it covers.
public struct PlacedText: Sendable, Hashable {
    /// The text as drawn (Pango markup when `style.markup` is true).
    public var text: String
    public var point: Point
    public var style: TextStyle
    public var anchor: TextAnchor
    public var rotation: Double
    /// The measured box the text covers in layout units.
    public var bounds: Rect

    func draw(on canvas: any Canvas) {
        canvas.drawText(text, at: point, style: style, anchor: anchor, rotation: rotation)
    }
}

/// A tick on an axis: its data value, its position along the axis (layout units) and label.
public struct AxisTick: Sendable, Hashable {
    public var value: Double
    public var position: Double
    public var label: PlacedText?
}

/// Where everything of one panel goes. Computed without drawing by ``Figure/layout(measuringWith:)``.
public struct PanelLayout: Sendable {
    /// The grid cell the panel owns.
    public var cell: Rect
    /// The plot area inside the spines.
    public var plotRect: Rect { transform.plotRect }
    /// Data -> layout units for the panel's marks.
    public var transform: PanelTransform
    public var xTicks: [AxisTick]
    public var yTicks: [AxisTick]
    public var xMinorTicks: [Double]
    public var yMinorTicks: [Double]
    /// Axis labels and the panel title.
    public var labels: [PlacedText]
    public var legend: LegendLayout?
    public var colorbar: ColorbarLayout?
    /// The lowest and highest strata of the per-frame marks the panel was laid out with, or
    /// nil: decides which static parts go in which of the ``RenderLayers``, so that a
    /// background rendered from a copy without per-frame marks still stacks correctly.
    public var frameStrata: ClosedRange<MarkStratum>?
    /// Whether the spines and legend are drawn above per-frame marks (the panel has some).
    public var overlaysInForeground: Bool { frameStrata != nil }
    /// The 3-D box, ticks and labels of a panel with ``Axes/view3D``, or nil.
    public var threeD: Layout3D? = nil

    /// Every text of the panel's decorations (tick labels, axis labels, title, legend, colorbar).
    public var texts: [PlacedText] {
        xTicks.compactMap(\.label) + yTicks.compactMap(\.label) + labels
            + (legend?.texts ?? []) + (colorbar?.texts ?? []) + (threeD?.labels ?? [])
    }
}

/// The complete, deterministic layout of a figure: same figure and fonts, same numbers.
///
/// ```swift
/// let layout = figure.layout(measuringWith: canvas)
/// layout.texts.allSatisfy { Rect(origin: .zero, size: layout.size).contains($0.bounds) }
/// ```
public struct FigureLayout: Sendable {
    public var size: Size
    public var panels: [PanelLayout]
    public var title: PlacedText?
    /// The factor applied to every size of the theme (text, lines, markers, paddings, caption
    /// panels): the figure's growth past the theme's reference size, times any shrinking
    /// needed for the texts to fit (1 for a figure of the reference size that fits).
    public var textScale: Double
    /// Whether legends that squeeze their plot were moved below it (``PlotStyle/movesSqueezedLegendsBelow``):
    /// then every plot area must keep 40 % of its cell, not a quarter, before the text may stay this large.
    var movedLegendsBelow = false

    /// Whether the decorations fit: every text inside the figure, no two texts overlapping,
    /// every plot area at least a quarter of its cell in each direction (40 % with legends
    /// moved below), and no inside
    /// legend covering more than a quarter of its plot area.
    var fits: Bool {
        let frame = Rect(origin: .zero, size: size)
        let all = texts
        for t in all where !frame.contains(t.bounds, tolerance: 0.01) { return false }
        for i in all.indices {
            let a = all[i].bounds.insetBy(dx: 0.5, dy: 0.5)
            for j in all.indices where j > i && a.intersects(all[j].bounds.insetBy(dx: 0.5, dy: 0.5)) { return false }
        }
        let least = movedLegendsBelow ? 0.4 : 0.25
        for p in panels where p.plotRect.width < p.cell.width * least || p.plotRect.height < p.cell.height * least {
            return false
        }
        // A legend inside the plot may hide at most a quarter of it.
        for p in panels {
            guard let legend = p.legend, !legend.placement.isOutside else { continue }
            if legend.box.width * legend.box.height > 0.25 * p.plotRect.width * p.plotRect.height { return false }
        }
        return true
    }

    /// Every text the decorations draw, for overlap checks.
    public var texts: [PlacedText] { (title.map { [$0] } ?? []) + panels.flatMap(\.texts) }
}
