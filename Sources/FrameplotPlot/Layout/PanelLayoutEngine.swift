import Foundation
import FrameplotCanvas

/// Lays out one panel inside its grid cell from measured text sizes.
///
/// Margins are found by fixed-point iteration: ticks depend on the plot size, the plot
/// size on the margins, the margins on the measured tick labels. Margins only grow from
/// pass to pass, so the loop ends, and the last pass's texts are exactly inside the cell.
struct PanelLayoutEngine {
    let axes: Axes
    let cell: Rect
    let style: PlotStyle
    let canvas: any Canvas

    /// Space between the cell's edges and the plot area (before centring an equal-aspect plot).
    struct Margins: Equatable {
        var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
        func atLeast(_ o: Margins) -> Margins {
            Margins(left: Swift.max(left, o.left), right: Swift.max(right, o.right),
                    top: Swift.max(top, o.top), bottom: Swift.max(bottom, o.bottom))
        }
        func close(to o: Margins) -> Bool {
            abs(left - o.left) < 0.01 && abs(right - o.right) < 0.01 && abs(top - o.top) < 0.01 && abs(bottom - o.bottom) < 0.01
        }
    }

    private struct TickPlan {
        var tickSet = AxisTickSet(major: [], minor: [])
        var metrics: [TextMetrics] = []
        var style = TextStyle()
        /// The axis-wide multiplier/offset note, measured.
        var annotation: (String, TextMetrics)?
        var values: [Double] { tickSet.major.map(\.value) }
        var maxWidth: Double { metrics.map(\.logical.width).max() ?? 0 }
        var maxHeight: Double { metrics.map(\.logical.height).max() ?? 0 }
    }

    /// Text measurements shared by the passes (the same labels recur).
    private final class MetricsCache {
        var entries: [String: TextMetrics] = [:]
    }

    func run() -> PanelLayout { solve().layout }

    /// The cell width at which an equal-aspect panel's plot area is as tall as `cell`
    /// allows (its margins plus the plot's width at that height); `nil` for a panel whose
    /// plot area fills any cell (free aspect, or a log axis).
    ///
    /// Margins depend on the plot's size (tick labels), so the width is refined once.
    func preferredWidth() -> Double? {
        guard axes.aspect == .equal, axes.view3D == nil, axes.x.scale == .linear, axes.y.scale == .linear else { return nil }
        var width = cell.width
        for _ in 0..<3 {
            let trial = PanelLayoutEngine(axes: axes, cell: Rect(x: cell.minX, y: cell.minY, width: width, height: cell.height),
                                          style: style, canvas: canvas).solve()
            let m = trial.margins
            let tall = Swift.max(1, cell.height - m.top - m.bottom)
            let plot = trial.layout.plotRect
            let needed = m.left + m.right + tall * plot.width / Swift.max(plot.height, 1e-9)
            if abs(needed - width) < 0.5 { return needed }
            width = needed
        }
        return width
    }

    /// The layout and the margins it settled on.
    ///
    /// With ``PlotStyle/movesSqueezedLegendsBelow``, a legend beside the plot that would leave
    /// it under 40 % of the cell's width (the plot squeezed to a sliver) goes below it instead.
    func solve() -> (layout: PanelLayout, margins: Margins) {
        let first = solve(legendBelow: axes.legendPlacement == .outsideBottom)
        if style.movesSqueezedLegendsBelow, first.layout.legend?.placement == .outsideRight,
           cell.width - first.margins.left - first.margins.right < 0.4 * cell.width {
            return solve(legendBelow: true)
        }
        return first
    }

    private func solve(legendBelow: Bool) -> (layout: PanelLayout, margins: Margins) {
        let xKind = axes.x.scale, yKind = axes.y.scale
        let xLimits = resolvedLimits(axes.x, kind: xKind, horizontal: true)
        let yLimits = resolvedLimits(axes.y, kind: yKind, horizontal: false)

        // Texts whose size does not depend on the plot size.
        let title = axes.title.map { PlotText.fitted($0, style: style.title, maxWidth: cell.width - 2 * style.outerPad, canvas: canvas) }
        let xLabel = axes.x.label.map { PlotText.fitted($0, style: style.axisLabel, maxWidth: cell.width - 2 * style.outerPad, canvas: canvas) }
        // The y label runs beside the plot: at most about the plot's height (the cell less the
        // title above and the x tick labels and x label below), so it never reaches them.
        let besidePlot = cell.height - 2 * style.outerPad
            - (title.map { $0.2.logical.height + style.titlePad } ?? style.edgePad)
            - style.tickLength - style.tickPad - 1.4 * style.tickLabel.size
            - (xLabel.map { $0.2.logical.height + style.labelPad } ?? 0)
        let yLabel = axes.y.label.map { PlotText.fitted($0, style: style.axisLabel, maxWidth: besidePlot, canvas: canvas) }

        let colorScale: ColorScale? = axes.colorbar.flatMap { spec in spec.scale ?? axes.marks.lazy.compactMap(\.colorScale).first }
        let cbLabel = (colorScale != nil) ? axes.colorbar?.label.map {
            PlotText.fitted($0, style: style.axisLabel, maxWidth: cell.height - 2 * style.outerPad, canvas: canvas)
        } : nil

        let entries = axes.legendPlacement == .hidden ? [] : axes.marks.flatMap { $0.legendEntries(theme: style.theme) }
        var legendBuilder = LegendBuilder(all: entries, style: style, canvas: canvas)
        legendBuilder.title = axes.legendTitle
        var legendMeasured = entries.isEmpty ? nil : legendBuilder.measure()
        if legendBelow, !entries.isEmpty {
            (legendBuilder, legendMeasured) = legendBuilder.below(width: cell.width - 2 * style.outerPad)
        }
        var legendOutside = axes.legendPlacement == .outsideRight || legendBelow

        var margins = Margins(left: style.outerPad, right: style.outerPad, top: style.outerPad, bottom: style.outerPad)
        var plot = cell
        var xPlan = TickPlan(), yPlan = TickPlan(), cbPlan = TickPlan()
        var xScale = Scale(kind: xKind, limits: xLimits, pixelStart: 0, pixelEnd: 1)
        var yScale = Scale(kind: yKind, limits: yLimits, pixelStart: 1, pixelEnd: 0)

        for _ in 0..<6 {
            plot = plotRect(cell: cell, margins: margins, xLimits: xLimits, yLimits: yLimits)
            xScale = Scale(kind: xKind, limits: xLimits, pixelStart: plot.minX, pixelEnd: plot.maxX)
            yScale = Scale(kind: yKind, limits: yLimits, pixelStart: plot.maxY, pixelEnd: plot.minY)
            xPlan = axes.x.showsTicks ? tickPlan(xScale, horizontal: true, integers: axes.x.integerTicks) : xPlan
            yPlan = axes.y.showsTicks ? tickPlan(yScale, horizontal: false, integers: axes.y.integerTicks) : yPlan
            if let cs = colorScale {
                cbPlan = tickPlan(ColorbarGeometry.axis(for: cs, from: plot.maxY, to: plot.minY), horizontal: false)
            }
            if let lm = legendMeasured, !legendOutside, axes.legendPlacement != .hidden,
               !legendBuilder.fitsInside(lm.size, plot: plot) {
                legendOutside = true
            }
            if let lm = legendMeasured, !legendOutside, axes.legendPlacement == .bestOrOutside,
               legendBuilder.freePlacement(size: lm.size, plot: plot, fixed: staticMarkPoints(PanelTransform(x: xScale, y: yScale)),
                                           moving: []) == nil {
                legendOutside = true
            }

            var need = Margins()
            let tickBlockX = axes.x.showsTicks ? style.tickLength + style.tickPad + xPlan.maxHeight : 0
            let tickBlockY = axes.y.showsTicks ? style.tickLength + style.tickPad + yPlan.maxWidth : 0
            need.left = style.outerPad + tickBlockY + (yLabel.map { $0.2.logical.height + style.labelPad } ?? 0)
            need.bottom = style.outerPad + tickBlockX + annotationBlock(xPlan)
                + (xLabel.map { $0.2.logical.height + style.labelPad } ?? 0)
            need.top = style.outerPad + Swift.max(annotationBlock(yPlan), colorbarNoteBlock(cbPlan))
                + (title.map { $0.2.logical.height + style.titlePad } ?? style.edgePad)
            need.right = style.outerPad + style.edgePad
            var rightBlock = 0.0
            if colorScale != nil {
                rightBlock += style.colorbarGap + style.colorbarWidth + style.tickLength + style.tickPad + cbPlan.maxWidth
                    + (cbLabel.map { style.labelPad + $0.2.logical.height } ?? 0)
                // The note starts at the bar's left edge and may be wider than bar and labels.
                if let (_, m) = cbPlan.annotation { rightBlock = Swift.max(rightBlock, style.colorbarGap + m.logical.width) }
                let half = cbPlan.maxHeight / 2
                need.top = Swift.max(need.top, style.outerPad + half)
                need.bottom = Swift.max(need.bottom, style.outerPad + half)
            }
            if legendOutside, let lm = legendMeasured {
                if legendBelow { need.bottom += style.legendInset + lm.size.height } else { rightBlock += style.legendInset + lm.size.width }
            }
            need.right += rightBlock
            // Tick labels centred on the ends of an axis stick out beyond the plot area.
            for (i, v) in xPlan.values.enumerated() where i < xPlan.metrics.count {
                guard let px = xScale.pixel(v) else { continue }
                let half = xPlan.metrics[i].logical.width / 2
                need.left = Swift.max(need.left, style.outerPad + half - (px - plot.minX))
                need.right = Swift.max(need.right, style.outerPad + half - (plot.maxX - px))
            }
            for (i, v) in yPlan.values.enumerated() where i < yPlan.metrics.count {
                guard let py = yScale.pixel(v) else { continue }
                let half = yPlan.metrics[i].logical.height / 2
                need.top = Swift.max(need.top, style.outerPad + half - (py - plot.minY))
                need.bottom = Swift.max(need.bottom, style.outerPad + half - (plot.maxY - py))
            }
            // The plot area moves when margins change, so overhang checks use the cell frame.
            let next = margins.atLeast(need)
            if next.close(to: margins) { margins = next; break }
            margins = next
        }
        plot = plotRect(cell: cell, margins: margins, xLimits: xLimits, yLimits: yLimits)
        xScale = Scale(kind: xKind, limits: xLimits, pixelStart: plot.minX, pixelEnd: plot.maxX)
        yScale = Scale(kind: yKind, limits: yLimits, pixelStart: plot.maxY, pixelEnd: plot.minY)
        let transform = PanelTransform(x: xScale, y: yScale)

        // Place the texts.
        let xTicks = placeTicks(xPlan, scale: xScale) { pos in
            (Point(x: pos, y: plot.maxY + style.tickLength + style.tickPad), TextAnchor.topCenter)
        }
        let yTicks = placeTicks(yPlan, scale: yScale) { pos in
            (Point(x: plot.minX - style.tickLength - style.tickPad, y: pos), TextAnchor.centerRight)
        }
        var labels: [PlacedText] = []
        let tickBlockX = axes.x.showsTicks ? style.tickLength + style.tickPad + xPlan.maxHeight : 0
        let tickBlockY = axes.y.showsTicks ? style.tickLength + style.tickPad + yPlan.maxWidth : 0
        if let (note, m) = xPlan.annotation, axes.x.showsTicks {
            labels.append(placed(note, xPlan.style, m, Point(x: plot.maxX, y: plot.maxY + tickBlockX + style.tickPad),
                                 TextAnchor(.right, .top), 0))
        }
        if let (note, m) = yPlan.annotation, axes.y.showsTicks {
            labels.append(TickNote.above(top: Point(x: plot.minX, y: plot.minY), text: note, metrics: m, style: yPlan.style,
                                         horizontal: .left, pad: style.tickPad))
        }
        if let (t, s, m) = xLabel {
            let cx = clampedCenter(plot.midX, width: m.logical.width, within: cell)
            labels.append(placed(t, s, m, Point(x: cx, y: plot.maxY + tickBlockX + annotationBlock(xPlan) + style.labelPad),
                                 .topCenter, 0))
        }
        if let (t, s, m) = yLabel {
            let cy = clampedCenter(plot.midY, width: m.logical.width, lower: cell.minY, upper: cell.maxY)
            labels.append(placed(t, s, m, Point(x: plot.minX - tickBlockY - style.labelPad, y: cy), .bottomCenter, -Double.pi / 2))
        }
        if let (t, s, m) = title {
            let cx = clampedCenter(plot.midX, width: m.logical.width, within: cell)
            let notes = Swift.max(annotationBlock(yPlan), colorbarNoteBlock(cbPlan))
            labels.append(placed(t, s, m, Point(x: cx, y: plot.minY - notes - style.titlePad),
                                 .bottomCenter, 0))
        }

        var colorbar: ColorbarLayout?
        var rightEdge = plot.maxX
        if let cs = colorScale {
            let bar = Rect(x: plot.maxX + style.colorbarGap, y: plot.minY, width: style.colorbarWidth, height: plot.height)
            let axis = ColorbarGeometry.axis(for: cs, from: bar.maxY, to: bar.minY)
            let ticks = placeTicks(cbPlan, scale: axis) { pos in
                (Point(x: bar.maxX + style.tickLength + style.tickPad, y: pos), TextAnchor.centerLeft)
            }
            var label: PlacedText?
            if let (t, s, m) = cbLabel {
                let x = bar.maxX + style.tickLength + style.tickPad + cbPlan.maxWidth + style.labelPad
                let cy = clampedCenter(bar.midY, width: m.logical.width, lower: cell.minY, upper: cell.maxY)
                label = placed(t, s, m, Point(x: x, y: cy), .topCenter, -Double.pi / 2)
            }
            // The note goes above the bar, clear of a tick label centred on its top end.
            let note = cbPlan.annotation.map { text, m in
                TickNote.above(top: Point(x: bar.minX, y: bar.minY - cbPlan.maxHeight / 2), text: text, metrics: m,
                               style: cbPlan.style, horizontal: .left, pad: style.tickPad)
            }
            colorbar = ColorbarLayout(bar: bar, scale: cs, axis: axis, ticks: ticks, minorTicks: cs.norm.kind == .log10 || style.showsMinorTicks ? cbPlan.tickSet.minor : [],
                                      label: label, note: note)
            rightEdge = Swift.max(bar.maxX + style.tickLength + style.tickPad + cbPlan.maxWidth
                + (cbLabel.map { style.labelPad + $0.2.logical.height } ?? 0), note?.bounds.maxX ?? -.infinity)
        }

        var legend: LegendLayout?
        if let lm = legendMeasured {
            if legendBelow {
                let cx = clampedCenter(plot.midX, width: lm.size.width, lower: cell.minX + style.outerPad, upper: cell.maxX - style.outerPad)
                let y = plot.maxY + tickBlockX + annotationBlock(xPlan) + (xLabel.map { $0.2.logical.height + style.labelPad } ?? 0)
                    + style.legendInset
                let box = Rect(x: cx - lm.size.width / 2, y: y, width: lm.size.width, height: lm.size.height)
                legend = legendBuilder.layout(lm, box: box, placement: .outsideBottom)
            } else if legendOutside {
                let box = Rect(x: rightEdge + style.legendInset, y: plot.minY, width: lm.size.width, height: lm.size.height)
                legend = legendBuilder.layout(lm, box: box, placement: .outsideRight)
            } else {
                var placement = axes.legendPlacement
                if placement == .best {
                    let occupied = axes.marks.flatMap { $0.occupiedPoints(in: transform) }
                    placement = legendBuilder.bestPlacement(size: lm.size, plot: plot, occupied: occupied)
                }
                if placement == .bestOrOutside {
                    let moving = axes.marks.indices.filter { axes.isFrameMark(at: $0) }.flatMap { axes.marks[$0].occupiedPoints(in: transform) }
                    placement = legendBuilder.freePlacement(size: lm.size, plot: plot, fixed: staticMarkPoints(transform), moving: moving)
                        ?? legendBuilder.bestPlacement(size: lm.size, plot: plot, occupied: staticMarkPoints(transform))
                }
                legend = legendBuilder.layout(lm, box: legendBuilder.box(for: placement, size: lm.size, plot: plot), placement: placement)
            }
        }

        let layout = PanelLayout(cell: cell, transform: transform, xTicks: xTicks, yTicks: yTicks,
                                 xMinorTicks: axes.x.showsTicks && (xKind == .log10 || style.showsMinorTicks) ? xPlan.tickSet.minor.filter { xLimits.contains($0) } : [],
                                 yMinorTicks: axes.y.showsTicks && (yKind == .log10 || style.showsMinorTicks) ? yPlan.tickSet.minor.filter { yLimits.contains($0) } : [],
                                 labels: labels, legend: legend, colorbar: colorbar,
                                 frameStrata: axes.frameStrata)
        return (layout, margins)
    }

    // MARK: - Pieces

    /// The pixels the static marks cover (a scatter's points), for ``LegendPlacement/bestOrOutside``.
    private func staticMarkPoints(_ transform: PanelTransform) -> [Point] {
        axes.marks.indices.filter { !axes.isFrameMark(at: $0) }.flatMap { axes.marks[$0].occupiedPoints(in: transform) }
    }

    /// Room for an axis-wide multiplier/offset note ("×10<sup>−7</sup>"), if any.
    private func annotationBlock(_ plan: TickPlan) -> Double {
        plan.annotation.map { $0.1.logical.height + style.tickPad } ?? 0
    }

    /// Room above the plot for a colorbar's note: above half a tick label at the bar's top.
    private func colorbarNoteBlock(_ plan: TickPlan) -> Double {
        plan.annotation == nil ? 0 : plan.maxHeight / 2 + annotationBlock(plan)
    }

    /// The plot area for `margins`, shrunk and centred for an equal aspect ratio.
    private func plotRect(cell: Rect, margins: Margins, xLimits: AxisLimits, yLimits: AxisLimits) -> Rect {
        let w = Swift.max(1, cell.width - margins.left - margins.right)
        let h = Swift.max(1, cell.height - margins.top - margins.bottom)
        var r = Rect(x: cell.minX + margins.left, y: cell.minY + margins.top, width: w, height: h)
        if axes.aspect == .equal, axes.x.scale == .linear, axes.y.scale == .linear {
            let ppu = Swift.min(w / xLimits.span, h / yLimits.span)
            let nw = xLimits.span * ppu, nh = yLimits.span * ppu
            r = Rect(x: r.minX + (w - nw) / 2, y: r.minY + (h - nh) / 2, width: nw, height: nh)
        }
        return r
    }

    /// Limits for one axis: fixed, or fitted to the marks (tight marks without margin).
    private func resolvedLimits(_ spec: AxisSpec, kind: ScaleKind, horizontal: Bool) -> AxisLimits {
        if let fixed = spec.limits { return AxisLimits(lower: fixed.lower, upper: fixed.upper, kind: kind) }
        var loose: [Double] = [], tight: [Double] = []
        for mark in axes.marks {
            guard let e = mark.extent(xScale: axes.x.scale, yScale: axes.y.scale),
                  let r = horizontal ? e.x : e.y else { continue }
            if e.tight { tight += [r.lowerBound, r.upperBound] } else { loose += [r.lowerBound, r.upperBound] }
        }
        if loose.isEmpty && tight.isEmpty { return AxisLimits.fallback(for: kind) }
        var limits = loose.isEmpty ? nil : AxisLimits.auto(values: loose, kind: kind, margin: spec.margin)
        if !tight.isEmpty {
            let lo = Swift.min(tight.min() ?? 0, limits?.lower ?? .infinity)
            let hi = Swift.max(tight.max() ?? 1, limits?.upper ?? -.infinity)
            limits = AxisLimits(lower: lo, upper: hi, kind: kind)
        }
        return limits ?? AxisLimits.fallback(for: kind)
    }

    /// Ticks for an axis of the scale's length whose labels do not collide.
    private func tickPlan(_ scale: Scale, horizontal: Bool, integers: Bool = false) -> TickPlan {
        var st = style.tickLabel
        st.markup = true  // tick labels are Pango markup (true minus, superscripts)
        let cache = MetricsCache()
        let canvas = self.canvas
        func metrics(_ label: String) -> TextMetrics {
            if let m = cache.entries[label] { return m }
            let m = canvas.measureText(label, style: st)
            cache.entries[label] = m
            return m
        }
        let set = CoreBridge.ticks(scale: scale, fontSize: st.size, horizontal: horizontal, integers: integers) { label in
            let m = metrics(label)
            return horizontal ? m.logical.width : m.logical.height
        }
        var plan = TickPlan(tickSet: set, metrics: set.major.map { metrics($0.label) }, style: st)
        if let note = set.annotation { plan.annotation = (note, metrics(note)) }
        return plan
    }

    private func placeTicks(_ plan: TickPlan, scale: Scale, at: (Double) -> (Point, TextAnchor)) -> [AxisTick] {
        var out: [AxisTick] = []
        for (i, tick) in plan.tickSet.major.enumerated() {
            guard let pos = scale.pixel(tick.value), i < plan.metrics.count else { continue }
            let (p, anchor) = at(pos)
            let bounds = TextPlacement.bounds(of: plan.metrics[i], at: p, anchor: anchor, rotation: 0)
            let label = tick.label.isEmpty ? nil
                : PlacedText(text: tick.label, point: p, style: plan.style, anchor: anchor, rotation: 0, bounds: bounds)
            out.append(AxisTick(value: tick.value, position: pos, label: label))
        }
        return out
    }

    private func placed(_ t: String, _ s: TextStyle, _ m: TextMetrics, _ p: Point, _ a: TextAnchor, _ r: Double) -> PlacedText {
        PlacedText(text: t, point: p, style: s, anchor: a, rotation: r,
                   bounds: TextPlacement.bounds(of: m, at: p, anchor: a, rotation: r))
    }

    private func clampedCenter(_ c: Double, width: Double, within cell: Rect) -> Double {
        clampedCenter(c, width: width, lower: cell.minX, upper: cell.maxX)
    }

    private func clampedCenter(_ c: Double, width: Double, lower: Double, upper: Double) -> Double {
        let lo = lower + width / 2, hi = upper - width / 2
        guard lo <= hi else { return (lower + upper) / 2 }
        return Swift.min(Swift.max(c, lo), hi)
    }
}
