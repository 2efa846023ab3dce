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
        // Text too big for the figure (tiny sizes, many panels) shrinks in steps until it fits.
        var scale = 1.0
        var result = layout(measuringWith: canvas, textScale: scale)
        while !result.fits && scale > 0.5 {
            scale *= 0.88
            result = layout(measuringWith: canvas, textScale: scale)
        }
        return result
    }

    func layout(measuringWith canvas: any Canvas, textScale: Double) -> FigureLayout {
        let style = PlotStyle(theme: theme, textScale: textScale)
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
        let cellW = Swift.max(1, (area.width - gap * Double(columns - 1)) / Double(columns))
        let cellH = Swift.max(1, (area.height - gap * Double(rows - 1)) / Double(rows))
        var panelLayouts: [PanelLayout] = []
        panelLayouts.reserveCapacity(panels.count)
        for (i, axes) in panels.enumerated() {
            let r = i / columns, c = i % columns
            let cell = Rect(x: area.minX + Double(c) * (cellW + gap), y: area.minY + Double(r) * (cellH + gap),
                            width: cellW, height: cellH)
            if let view = axes.view3D {
                panelLayouts.append(Panel3DLayoutEngine(axes: axes, view: view, cell: cell, style: style, canvas: canvas).run())
            } else {
                panelLayouts.append(PanelLayoutEngine(axes: axes, cell: cell, style: style, canvas: canvas).run())
            }
        }
        return FigureLayout(size: size, panels: panelLayouts, title: placedTitle, textScale: textScale)
    }
}
