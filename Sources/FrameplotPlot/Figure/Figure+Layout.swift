import FrameplotCanvas

extension Figure {
    /// Computes where every panel, tick, label, legend and colorbar goes, measuring text
    /// with `canvas` (any canvas: the one you will draw on, or a `RecordingCanvas`).
    /// Deterministic and free of drawing; pass the result to
    /// ``render(on:layout:layers:)`` to draw many frames with one layout.
    ///
    /// ```swift
    /// let layout = fig.layout(measuringWith: canvas)
    /// let plot = layout.panels[0].plotRect
    /// ```
    public func layout(measuringWith canvas: any Canvas) -> FigureLayout {
        // Every size grows with a figure larger than the theme's reference size; text too big
        // for the figure (tiny sizes, many panels) shrinks in steps until it fits.
        // Still too small at half the text: a legend that squeezes its plot goes below it
        // (in columns, its text shrunk to a readable minimum), from the full text size again.
        let start = FigureScale.growth(of: theme, for: size)
        var result = layout(measuringWith: canvas, textScale: start)
        for legendsBelow in [false, true] {
            var scale = start
            if legendsBelow { result = layout(measuringWith: canvas, textScale: scale, legendsBelow: true) }
            while !result.fits && scale > 0.5 * start {
                scale *= 0.88
                result = layout(measuringWith: canvas, textScale: scale, legendsBelow: legendsBelow)
            }
            if result.fits { break }
        }
        return result
    }

    func layout(measuringWith canvas: any Canvas, textScale: Double, legendsBelow: Bool = false) -> FigureLayout {
        var style = PlotStyle(theme: theme, textScale: textScale)
        style.movesSqueezedLegendsBelow = legendsBelow
        var area = Rect(origin: .zero, size: size)
        var placedTitle: PlacedText?
        if let title {
            let (t, s, m) = PlotText.fitted(title, style: style.figureTitle, maxWidth: size.width - 2 * style.outerPad, canvas: canvas)
            let p = Point(x: size.width / 2, y: style.outerPad)
            placedTitle = PlacedText(text: t, point: p, style: s, anchor: .topCenter, rotation: 0,
                                     bounds: TextPlacement.bounds(of: m, at: p, anchor: .topCenter, rotation: 0))
            let used = style.outerPad + m.logical.height
            area = Rect(x: 0, y: used, width: size.width, height: Swift.max(1, size.height - used))
        }
        let gap = Swift.max(0, spacing ?? style.panelSpacing)
        let grid = FigureGrid(panels: panels, rows: rows, columns: columns, area: area, gap: gap, style: style, canvas: canvas)
        let cells = grid.cells()
        var panelLayouts: [PanelLayout] = []
        panelLayouts.reserveCapacity(panels.count)
        for (i, axes) in panels.enumerated() {
            if let view = axes.view3D {
                panelLayouts.append(Panel3DLayoutEngine(axes: axes, view: view, cell: cells[i], style: style, canvas: canvas).run())
            } else {
                panelLayouts.append(PanelLayoutEngine(axes: axes, cell: cells[i], style: style, canvas: canvas).run())
            }
        }
        var result = FigureLayout(size: size, panels: panelLayouts, title: placedTitle, textScale: textScale)
        result.movedLegendsBelow = legendsBelow
        return result
    }
}
