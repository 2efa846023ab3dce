import FrameplotCanvas

/// Where everything of a 3-D panel goes: the projection of its box into the plot area, the
/// back panes with their grid lines, the axis lines, ticks and labels, and the depth of its
/// static surfaces (for hiding paths behind them). Computed without drawing, with the rest
/// of the panel's layout (``PanelLayout/threeD``).
public struct Layout3D: Sendable {
    /// Data to layout units.
    public var projection: Projection3D
    /// The three back panes, as screen polygons.
    var panes: [[Point]]
    /// Grid lines on the panes, at the ticks.
    var gridLines: [(Point, Point)]
    /// The three axis lines (the box edges that carry ticks).
    var axisLines: [(Point, Point)]
    /// Tick marks.
    var tickMarks: [(Point, Point)]
    /// Tick labels and axis labels.
    public var labels: [PlacedText]
    /// The nearest depth of the panel's static surfaces, or nil when it has none.
    var depth: DepthBuffer?
}

/// Lays out a 3-D panel: limits from the marks, ticks on three box edges, labels measured
/// with the canvas, and the box zoomed to fill the plot area with its labels.
struct Panel3DLayoutEngine {
    let axes: Axes
    let view: View3D
    let cell: Rect
    let style: PlotStyle
    let canvas: any Canvas

    /// The panel's title, legend and colorbar are placed by the 2-D engine on a stand-in
    /// without axes decorations; the 3-D box then fills the plot area it leaves.
    func run() -> PanelLayout {
        var flat = axes
        flat.view3D = nil
        flat.x = AxisSpec(limits: AxisLimits(lower: 0, upper: 1), showsTicks: false)
        flat.y = AxisSpec(limits: AxisLimits(lower: 0, upper: 1), showsTicks: false)
        flat.aspect = .auto
        flat.showsGrid = false
        var layout = PanelLayoutEngine(axes: flat, cell: cell, style: style, canvas: canvas).run()
        let threeD = layout3D(in: layout.plotRect)
        layout.threeD = threeD
        if axes.legendPlacement == .best, let legend = layout.legend, !legend.placement.isOutside {
            layout.legend = placedAwayFromTheBox(legend, threeD: threeD, plot: layout.plotRect)
        }
        return layout
    }

    /// The legend moved to the inside corner that covers least of the box, its surfaces and labels.
    private func placedAwayFromTheBox(_ legend: LegendLayout, threeD: Layout3D, plot: Rect) -> LegendLayout {
        let p = threeD.projection
        var occupied = p.corners.map(p.screen)
        // Labels weigh most: a legend may cover a little of a surface, never a tick label.
        for t in threeD.labels {
            let b = t.bounds
            for fy in [0.0, 0.5, 1] {
                for fx in [0.0, 0.5, 1] {
                    let point = Point(x: b.minX + fx * b.width, y: b.minY + fy * b.height)
                    occupied += Array(repeating: point, count: 20)
                }
            }
        }
        // The box's outline, densely, so that a legend over an empty pane still counts.
        for pane in threeD.panes {
            for (a, b) in zip(pane, pane.dropFirst() + pane.prefix(1)) {
                for k in 0..<16 { let f = Double(k) / 16; occupied.append(Point(x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f)) }
            }
        }
        for case let s as SurfaceMark in axes.marks {
            let mesh = SurfaceMesh(s, projection: p)
            let step = Swift.max(1, mesh.columns / 24)
            for j in stride(from: 0, to: mesh.rows, by: step) {
                for i in stride(from: 0, to: mesh.columns, by: step) where !mesh.bz[j * mesh.columns + i].isNaN {
                    occupied.append(p.screen(mesh.node(i, j)))
                }
            }
        }
        var builder = LegendBuilder(rows: legend.rows.map(\.entry), style: style, canvas: canvas)
        builder.title = axes.legendTitle
        let measured = builder.measure()
        let placement = builder.bestPlacement(size: measured.size, plot: plot, occupied: occupied)
        return builder.layout(measured, box: builder.box(for: placement, size: measured.size, plot: plot), placement: placement)
    }

    private struct AxisPlan {
        var texts: [PlacedText] = []
        /// The multiplier or offset of the tick labels: kept before any label it touches.
        var notes: [PlacedText] = []
        var ticks: [(Point, Point)] = []
        var grid: [(Point, Point)] = []
        var line: (Point, Point)
    }

    func layout3D(in plot: Rect) -> Layout3D {
        let xs = scale(axes.x, horizontal: 0), ys = scale(axes.y, horizontal: 1), zs = scale(view.z, horizontal: 2)
        var aspect = view.boxAspect
        if axes.aspect == .equal, axes.x.scale == .linear, axes.y.scale == .linear {
            aspect.y = aspect.x * ys.limits.span / xs.limits.span.nonZero(or: 1)
        }
        let start = Projection3D(camera: view.camera, x: xs, y: ys, z: zs, aspect: aspect, zoom: 1, center: .zero)
        var projection: Projection3D
        if let turn = view.turn {
            // One zoom for the whole turn (the smallest that fits), so the box keeps its size.
            let count = Swift.max(2, Int(((turn.upperBound - turn.lowerBound) / 15).rounded(.up)) + 1)
            let fits = (0..<count).map { k in
                fitted(Projection3D(camera: Camera3D(azimuth: turn.lowerBound + (turn.upperBound - turn.lowerBound) * Double(k) / Double(count - 1),
                                                     elevation: view.camera.elevation),
                                    x: xs, y: ys, z: zs, aspect: aspect, zoom: 1, center: .zero), in: plot)
            }
            let zoom = fits.map(\.zoom).min() ?? 1
            let center = Point(x: fits.map(\.center.x).reduce(0, +) / Double(fits.count), y: fits.map(\.center.y).reduce(0, +) / Double(fits.count))
            projection = start.placed(zoom: zoom, center: center)
        } else {
            projection = fitted(start, in: plot)
        }
        return layout3D(projection, in: plot)
    }

    /// The layout of a turning panel (``View3D/turn``) for its current camera, with the zoom
    /// and centre of `fitted`, the layout made for the whole turn.
    func layout3D(turnedFrom fitted: Layout3D, in plot: Rect) -> Layout3D {
        let p = fitted.projection
        let projection = Projection3D(camera: view.camera, x: p.x, y: p.y, z: p.z,
                                      aspect: BoxAspect(x: p.half.x, y: p.half.y, z: p.half.z), zoom: p.zoom, center: p.center)
        return layout3D(projection, in: plot)
    }

    /// `projection` zoomed and centred so that the box and its labels fill the plot area.
    private func fitted(_ start: Projection3D, in plot: Rect) -> Projection3D {
        var projection = start
        // Zoom to fit: the box's outline first, then again with its labels until stable.
        let unit = bounds(projection.corners.map(projection.screen))
        var zoom = 0.9 * Swift.min(plot.width / unit.width.nonZero(or: 1), plot.height / unit.height.nonZero(or: 1))
        var center = plot.center
        var plans: [AxisPlan] = []
        for _ in 0..<5 {
            projection = projection.placed(zoom: zoom, center: center)
            plans = axisPlans(projection)
            let box = bounds(projection.corners.map(projection.screen))
            var all = box
            for plan in plans { for t in plan.texts + plan.notes { all = all.union(t.bounds) } }
            let extraW = all.width - box.width, extraH = all.height - box.height
            let fit = Swift.min((plot.width - extraW) / box.width.nonZero(or: 1), (plot.height - extraH) / box.height.nonZero(or: 1))
            let next = Swift.max(zoom * Swift.max(0.05, fit), 1)
            // Centre the box with its labels in the plot area.
            let shifted = Point(x: center.x + (plot.midX - all.midX), y: center.y + (plot.midY - all.midY))
            let settled = Swift.abs(next - zoom) < 0.25 && Swift.abs(shifted.x - center.x) < 0.25 && Swift.abs(shifted.y - center.y) < 0.25
            zoom = next; center = shifted
            if settled { break }
        }
        return projection.placed(zoom: zoom, center: center)
    }

    /// Ticks, labels, panes and the depth of the static surfaces for a placed projection.
    private func layout3D(_ projection: Projection3D, in plot: Rect) -> Layout3D {
        let plans = axisPlans(projection)
        let labels = Panel3DLayoutEngine.withoutCollisions(plans.flatMap(\.notes) + plans.flatMap(\.texts))

        var depth: DepthBuffer?
        let surfaces = axes.marks.indices.filter { !axes.isFrameMark(at: $0) }.compactMap { axes.marks[$0] as? SurfaceMark }
        if !surfaces.isEmpty {
            var buffer = DepthBuffer(frame: plot)
            for s in surfaces { SurfaceMesh(s, projection: projection).rasterize(into: &buffer, projection: projection) }
            depth = buffer
        }
        return Layout3D(projection: projection, panes: view.showsPanes ? panes(projection) : [],
                        gridLines: view.showsPanes && (axes.showsGrid ?? true) ? plans.flatMap(\.grid) : [],
                        axisLines: plans.map(\.line), tickMarks: plans.flatMap(\.ticks), labels: labels, depth: depth)
    }

    // MARK: Limits

    /// The scale of one axis (0: x, 1: y, 2: z): fixed limits, or the marks' data range
    /// (tight for surfaces, with the axis's margin otherwise).
    private func scale(_ spec: AxisSpec, horizontal axis: Int) -> Scale {
        let kind = spec.scale
        if let fixed = spec.limits {
            return Scale(kind: kind, limits: AxisLimits(lower: fixed.lower, upper: fixed.upper, kind: kind), pixelStart: 0, pixelEnd: 1)
        }
        var loose: [Double] = [], tight: [Double] = []
        for mark in axes.marks {
            guard let m = mark as? any Mark3D, let e = m.extent3D(zScale: view.z.scale) else { continue }
            guard let r = axis == 0 ? e.x : (axis == 1 ? e.y : e.z) else { continue }
            guard kind.accepts(r.lowerBound), kind.accepts(r.upperBound) else { continue }
            if e.tight { tight += [r.lowerBound, r.upperBound] } else { loose += [r.lowerBound, r.upperBound] }
        }
        var limits: AxisLimits
        if loose.isEmpty && tight.isEmpty {
            limits = AxisLimits.fallback(for: kind)
        } else {
            let looseLimits = loose.isEmpty ? nil : AxisLimits.auto(values: loose, kind: kind, margin: spec.margin)
            let lo = Swift.min(tight.min() ?? .infinity, looseLimits?.lower ?? .infinity)
            let hi = Swift.max(tight.max() ?? -.infinity, looseLimits?.upper ?? -.infinity)
            limits = AxisLimits(lower: lo, upper: hi, kind: kind)
        }
        return Scale(kind: kind, limits: limits, pixelStart: 0, pixelEnd: 1)
    }

    // MARK: Box geometry

    /// Which side of the box is far from the viewer along each axis (−1 or +1).
    private func backSigns(_ p: Projection3D) -> (x: Double, y: Double, z: Double) {
        (p.toward.x > 0 ? -1 : 1, p.toward.y > 0 ? -1 : 1, p.toward.z >= 0 ? -1 : 1)
    }

    private func panes(_ p: Projection3D) -> [[Point]] {
        let h = p.half, s = backSigns(p)
        let xPane = [Vector3(s.x * h.x, -h.y, -h.z), Vector3(s.x * h.x, h.y, -h.z), Vector3(s.x * h.x, h.y, h.z), Vector3(s.x * h.x, -h.y, h.z)]
        let yPane = [Vector3(-h.x, s.y * h.y, -h.z), Vector3(h.x, s.y * h.y, -h.z), Vector3(h.x, s.y * h.y, h.z), Vector3(-h.x, s.y * h.y, h.z)]
        let zPane = [Vector3(-h.x, -h.y, s.z * h.z), Vector3(h.x, -h.y, s.z * h.z), Vector3(h.x, h.y, s.z * h.z), Vector3(-h.x, h.y, s.z * h.z)]
        return [zPane, xPane, yPane].map { $0.map(p.screen) }
    }

    /// Ticks, labels and grid lines of the three axes for projection `p`.
    private func axisPlans(_ p: Projection3D) -> [AxisPlan] {
        let h = p.half, s = backSigns(p)
        let near = (x: -s.x * h.x, y: -s.y * h.y), floor = s.z * h.z
        // The z axis stands at the side corner further left on screen.
        let candidates = [(s.x * h.x, near.y), (near.x, s.y * h.y)]
        let zCorner = candidates.min { p.screen(Vector3($0.0, $0.1, 0)).x < p.screen(Vector3($1.0, $1.1, 0)).x } ?? candidates[0]
        let boxCenter = p.screen(Vector3(0, 0, 0))
        var plans: [AxisPlan] = []
        // x: along the floor's near edge; grid on the floor and on the y pane.
        plans.append(axisPlan(p, scale: p.x, label: axes.x.label, from: Vector3(-h.x, near.y, floor), to: Vector3(h.x, near.y, floor),
                              boxCenter: boxCenter, vertical: false) { f in
            let x = (2 * f - 1) * h.x
            return [(Vector3(x, -h.y, floor), Vector3(x, h.y, floor)), (Vector3(x, s.y * h.y, -h.z), Vector3(x, s.y * h.y, h.z))]
        })
        plans.append(axisPlan(p, scale: p.y, label: axes.y.label, from: Vector3(near.x, -h.y, floor), to: Vector3(near.x, h.y, floor),
                              boxCenter: boxCenter, vertical: false) { f in
            let y = (2 * f - 1) * h.y
            return [(Vector3(-h.x, y, floor), Vector3(h.x, y, floor)), (Vector3(s.x * h.x, y, -h.z), Vector3(s.x * h.x, y, h.z))]
        })
        plans.append(axisPlan(p, scale: p.z, label: view.z.label, from: Vector3(zCorner.0, zCorner.1, -h.z),
                              to: Vector3(zCorner.0, zCorner.1, h.z), boxCenter: boxCenter, vertical: true) { f in
            let z = (2 * f - 1) * h.z
            return [(Vector3(s.x * h.x, -h.y, z), Vector3(s.x * h.x, h.y, z)), (Vector3(-h.x, s.y * h.y, z), Vector3(h.x, s.y * h.y, z))]
        })
        return plans
    }

    private func axisPlan(_ p: Projection3D, scale: Scale, label: String?, from a: Vector3, to b: Vector3, boxCenter: Point,
                          vertical: Bool, gridAt: (Double) -> [(Vector3, Vector3)]) -> AxisPlan {
        let pa = p.screen(a), pb = p.screen(b)
        var plan = AxisPlan(line: (pa, pb))
        let dx = pb.x - pa.x, dy = pb.y - pa.y
        let length = (dx * dx + dy * dy).squareRoot()
        // An edge seen end-on has no room for ticks.
        guard length > 8 else { return plan }
        let along = (dx / length, dy / length)
        // Outwards: perpendicular to the edge, away from the box's centre.
        var out = (-along.1, along.0)
        let mid = Point(x: (pa.x + pb.x) / 2, y: (pa.y + pb.y) / 2)
        if (mid.x - boxCenter.x) * out.0 + (mid.y - boxCenter.y) * out.1 < 0 { out = (-out.0, -out.1) }
        if vertical { out = (out.0 < 0 ? -1 : 1, 0) }

        var st = style.tickLabel
        st.markup = true
        let tickStyle = st
        let measure = { (text: String) -> TextMetrics in canvas.measureText(text, style: tickStyle) }
        let lengthScale = Scale(kind: scale.kind, limits: scale.limits, pixelStart: 0, pixelEnd: length)
        let set = CoreBridge.ticks(scale: lengthScale, fontSize: st.size, horizontal: !vertical && Swift.abs(along.0) > 0.5) { text in
            let m = measure(text)
            return Swift.abs(along.0) * m.logical.width + Swift.abs(along.1) * m.logical.height
        }
        let anchor = Panel3DLayoutEngine.anchor(for: out)
        let tickLength = style.tickLength
        var reach = tickLength + style.tickPad
        for tick in set.major {
            guard let f = scale.fraction(tick.value), f >= -1e-9, f <= 1 + 1e-9 else { continue }
            let e = Point(x: pa.x + dx * f, y: pa.y + dy * f)
            plan.ticks.append((e, Point(x: e.x + out.0 * tickLength, y: e.y + out.1 * tickLength)))
            plan.grid += gridAt(f).map { (p.screen($0.0), p.screen($0.1)) }
            guard !tick.label.isEmpty else { continue }
            let at = Point(x: e.x + out.0 * (tickLength + style.tickPad), y: e.y + out.1 * (tickLength + style.tickPad))
            let m = measure(tick.label)
            let bounds = TextPlacement.bounds(of: m, at: at, anchor: anchor, rotation: 0)
            plan.texts.append(PlacedText(text: tick.label, point: at, style: st, anchor: anchor, rotation: 0, bounds: bounds))
            reach = Swift.max(reach, Panel3DLayoutEngine.reach(of: bounds, from: e, along: out))
        }
        var labelReach = reach
        if let label {
            let (text, ls, m) = PlotText.fitted(label, style: style.axisLabel, maxWidth: cell.width - 2 * style.outerPad, canvas: canvas)
            let at = Point(x: mid.x + out.0 * (reach + style.labelPad), y: mid.y + out.1 * (reach + style.labelPad))
            let (labelAnchor, rotation): (TextAnchor, Double) = vertical
                ? (out.0 < 0 ? .bottomCenter : .topCenter, -Double.pi / 2)
                : (Panel3DLayoutEngine.anchor(for: out), 0)
            let bounds = TextPlacement.bounds(of: m, at: at, anchor: labelAnchor, rotation: rotation)
            plan.texts.append(PlacedText(text: text, point: at, style: ls, anchor: labelAnchor, rotation: rotation, bounds: bounds))
            labelReach = Swift.max(labelReach, Panel3DLayoutEngine.reach(of: bounds, from: mid, along: out))
        }
        // The axis-wide multiplier or offset ("×10⁻⁵", "+10⁶") without which the tick labels
        // read wrong: above the top of a vertical axis, else beyond the axis title.
        if let note = set.annotation {
            let m = measure(note)
            if vertical {
                plan.notes.append(TickNote.above(top: pa.y < pb.y ? pa : pb, text: note, metrics: m, style: st,
                                                 horizontal: .center, pad: style.tickPad))
            } else {
                let at = Point(x: mid.x + out.0 * (labelReach + style.tickPad), y: mid.y + out.1 * (labelReach + style.tickPad))
                plan.notes.append(PlacedText(text: note, point: at, style: st, anchor: anchor, rotation: 0,
                                             bounds: TextPlacement.bounds(of: m, at: at, anchor: anchor, rotation: 0)))
            }
        }
        return plan
    }

    /// The anchor that puts text on the `out` side of its point.
    static func anchor(for out: (Double, Double)) -> TextAnchor {
        let h: TextAnchor.Horizontal = out.0 > 0.38 ? .left : (out.0 < -0.38 ? .right : .center)
        let v: TextAnchor.Vertical = out.1 > 0.38 ? .top : (out.1 < -0.38 ? .bottom : .center)
        return TextAnchor(h, v)
    }

    /// How far `r` extends from `e` along `out`.
    static func reach(of r: Rect, from e: Point, along out: (Double, Double)) -> Double {
        [Point(x: r.minX, y: r.minY), Point(x: r.maxX, y: r.minY), Point(x: r.minX, y: r.maxY), Point(x: r.maxX, y: r.maxY)]
            .map { ($0.x - e.x) * out.0 + ($0.y - e.y) * out.1 }.max() ?? 0
    }

    /// `labels` without any that overlaps an earlier one (x before y before z).
    static func withoutCollisions(_ labels: [PlacedText]) -> [PlacedText] {
        var kept: [PlacedText] = []
        // A little air between labels: "2.0" and "−1" at one corner must not read as "2.0−1".
        for t in labels where !kept.contains(where: { $0.bounds.insetBy(dx: -3, dy: -1).intersects(t.bounds) }) {
            kept.append(t)
        }
        return kept
    }

    private func bounds(_ points: [Point]) -> Rect {
        let xs = points.map(\.x), ys = points.map(\.y)
        let x0 = xs.min() ?? 0, y0 = ys.min() ?? 0
        return Rect(x: x0, y: y0, width: (xs.max() ?? 1) - x0, height: (ys.max() ?? 1) - y0)
    }
}

private extension Double {
    /// The value, or `fallback` when it is zero or not finite (for safe division).
    func nonZero(or fallback: Double) -> Double { isFinite && self != 0 ? self : fallback }
}
