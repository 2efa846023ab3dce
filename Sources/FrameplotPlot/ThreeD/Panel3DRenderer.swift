import FrameplotCanvas

/// Draws a 3-D panel from its layout: panes and grid, surfaces back to front, paths and
/// markers hidden where surfaces cover them, axis lines, ticks and labels, then the
/// panel's 2-D marks (at axes fractions), title, colorbar and legend.
///
/// The background pass draws the static marks (the cached layer of an animation whose
/// camera stays still); the frame pass draws the per-frame ones over it (depth decides what
/// hides what, not ``MarkStratum``); the overlay pass draws the legend of a panel laid out
/// with per-frame marks; the frame-legend pass the texts of keyed legend rows. A turning
/// panel (``View3D/turn``) is drawn whole in the frame pass.
struct Panel3DRenderer {
    let axes: Axes
    let layout: PanelLayout
    let threeD: Layout3D
    let style: PlotStyle
    let canvas: any Canvas
    let resolution: Double
    /// The figure's choice for dense 2-D marks on vector pages.
    var rasterization: Rasterization = .automatic

    private var plot: Rect { layout.plotRect }

    /// Draws what belongs to `layers` (see ``RenderLayers``).
    func draw(_ layers: RenderLayers) {
        let turning = axes.view3D?.turn != nil
        if layers.contains(turning ? .frame : .background) { drawBackground() }
        if layers.contains(.frame) { drawFrameMarks() }
        if layers.contains(turning ? .frame : .overlay), layout.overlaysInForeground, let legend = layout.legend {
            LegendRenderer(layout: legend, style: style, canvas: canvas).draw()
        }
        if layers.contains(.frameLegend), let legend = layout.legend {
            LegendRenderer(layout: legend, style: style, canvas: canvas).drawKeyedTexts(axes: axes)
        }
    }

    private func drawBackground() {
        drawPanes()
        drawMarks(.static, depth: threeD.depth)
        drawAxes()
        for t in layout.labels { t.draw(on: canvas) }
        if let cb = layout.colorbar { ColorbarRenderer(layout: cb, style: style, canvas: canvas).draw() }
        if !layout.overlaysInForeground, let legend = layout.legend {
            LegendRenderer(layout: legend, style: style, canvas: canvas).draw()
        }
    }

    private func drawFrameMarks() {
        guard axes.frameStrata != nil else { return }
        // Surfaces drawn per frame hide what is behind them too.
        var depth = threeD.depth
        let moving = axes.marks.indices.filter { axes.isFrameMark(at: $0) }.compactMap { axes.marks[$0] as? SurfaceMark }
        if !moving.isEmpty {
            var buffer = depth ?? DepthBuffer(frame: plot)
            for s in moving { SurfaceMesh(s, projection: threeD.projection).rasterize(into: &buffer, projection: threeD.projection) }
            depth = buffer
        }
        drawMarks(.dynamic, depth: depth)
    }

    /// The marks of `layer`: surfaces first (each back to front), then the other 3-D marks,
    /// then 2-D marks in axes-fraction coordinates, in the order they were added.
    private func drawMarks(_ layer: MarkLayer, depth: DepthBuffer?) {
        let marks = axes.marks.indices.filter { axes.isFrameMark(at: $0) == (layer == .dynamic) }.map { axes.marks[$0] }
        guard !marks.isEmpty else { return }
        let surface = axes.marks.lazy.compactMap { $0 as? SurfaceMark }.first.map { SurfaceMesh($0, projection: threeD.projection) }
        let context = MarkContext3D(canvas: canvas, projection: threeD.projection, theme: style.theme, resolution: resolution,
                                    depth: depth, surface: surface)
        let flat = MarkContext(canvas: canvas, transform: layout.transform, theme: style.theme, resolution: resolution,
                               rasterization: rasterization)
        canvas.withSavedState {
            canvas.clip(to: .rect(plot))
            // Each mark is one unit for a contrast audit, as in 2-D (surfaces are backdrops).
            for case let s as SurfaceMark in marks { canvas.auditing(.mark("SurfaceMark", s.emphasis)) { s.draw3D(in: context) } }
            for mark in marks where !(mark is SurfaceMark) {
                canvas.auditing(.mark(String(describing: type(of: mark)), mark.emphasis)) {
                    if let m = mark as? any Mark3D { m.draw3D(in: context) } else { mark.draw(in: flat) }
                }
            }
        }
    }

    private func drawPanes() {
        // Faint backdrops: the panes, their grid and edges are guides, not data.
        canvas.auditing(.deemphasized) { paintPanes() }
    }

    private func paintPanes() {
        // Light panes, the floor a shade darker, like a room's walls and floor.
        let face = style.theme.colors.axesFace
        let ink = style.gridColor.withAlpha(1)
        let paneColors = [face.mixed(with: ink, style.gridColor.alpha * 1.1), face.mixed(with: ink, style.gridColor.alpha * 0.65),
                          face.mixed(with: ink, style.gridColor.alpha * 0.45)]
        for (k, pane) in threeD.panes.enumerated() {
            var path = Path()
            path.addPolyline(pane)
            path.close()
            canvas.fill(path, color: paneColors[k % paneColors.count])
        }
        if !threeD.gridLines.isEmpty {
            var grid = Path()
            for (a, b) in threeD.gridLines { grid.move(to: a); grid.line(to: b) }
            canvas.stroke(grid, style: StrokeStyle(color: style.theme.colors.axesFace, width: Swift.max(0.8, style.gridWidth * 1.2)))
        }
        for pane in threeD.panes {
            var edge = Path()
            edge.addPolyline(pane)
            edge.close()
            canvas.stroke(edge, style: StrokeStyle(color: style.gridColor.mixed(with: style.spineColor, 0.25), width: 0.6))
        }
    }

    private func drawAxes() {
        var lines = Path()
        for (a, b) in threeD.axisLines { lines.move(to: a); lines.line(to: b) }
        canvas.stroke(lines, style: StrokeStyle(color: style.spineColor, width: style.spineWidth, cap: .square))
        var ticks = Path()
        for (a, b) in threeD.tickMarks { ticks.move(to: a); ticks.line(to: b) }
        if !ticks.isEmpty { canvas.stroke(ticks, style: StrokeStyle(color: style.tickColor, width: style.tickWidth)) }
        for t in threeD.labels { t.draw(on: canvas) }
    }
}
