import Foundation
import FrameplotCanvas

extension Figure {
    /// Draws the whole figure on `canvas`, its top-left at the canvas origin (the canvas is
    /// normally the figure's size).
    ///
    /// ```swift
    /// let canvas = try ImageCanvas(width: fig.size.width, height: fig.size.height, scale: fig.scale)
    /// fig.render(on: canvas)
    /// ```
    public func render(on canvas: any Canvas) {
        render(on: canvas, layout: layout(measuringWith: canvas), layers: .all)
    }

    /// Draws `layers` of the figure on `canvas` with a precomputed `layout` (see
    /// ``RenderLayers`` for what each layer holds). The layout must come from this figure
    /// (or one with the same panels and static marks, e.g. the figure before its frame marks).
    ///
    /// ```swift
    /// let layout = fig.layout(measuringWith: canvas)
    /// fig.render(on: canvas, layout: layout, layers: .all)
    /// ```
    public func render(on canvas: any Canvas, layout: FigureLayout, layers: RenderLayers) {
        let style = PlotStyle(theme: theme, textScale: layout.textScale)
        let resolution = Swift.max(1, scale)
        canvas.withSavedState {
            if layers.contains(.background) {
                canvas.clear(background ?? style.background)
                layout.title?.draw(on: canvas)
            }
            for (i, axes) in panels.enumerated() where i < layout.panels.count {
                if let view = axes.view3D, var threeD = layout.panels[i].threeD {
                    if view.turn != nil, layers.contains(.frame), view.camera != threeD.projection.camera {
                        // A turning panel is laid out again for this figure's camera.
                        threeD = Panel3DLayoutEngine(axes: axes, view: view, cell: layout.panels[i].cell, style: style, canvas: canvas)
                            .layout3D(turnedFrom: threeD, in: layout.panels[i].plotRect)
                    }
                    Panel3DRenderer(axes: axes, layout: layout.panels[i], threeD: threeD, style: style, canvas: canvas,
                                    resolution: resolution, rasterization: rasterization).draw(layers)
                    continue
                }
                PanelRenderer(axes: axes, layout: layout.panels[i], style: style, canvas: canvas, resolution: resolution,
                              rasterization: rasterization)
                    .draw(layers)
            }
        }
    }
}

extension Figure {
    /// Whether rendering `layers` with `layout` would draw any static mark or grid (not just
    /// spines and legend), e.g. to decide whether an overlay is worth caching.
    ///
    /// ```swift
    /// let cacheOverlay = figure.drawsStaticContent(in: .overlay, layout: layout)
    /// ```
    public func drawsStaticContent(in layers: RenderLayers, layout: FigureLayout) -> Bool {
        let showsGrid = PlotStyle(theme: theme).showGrid
        // A 3-D panel keeps every static mark in the background (depth orders it, not strata).
        for (i, axes) in panels.enumerated() where i < layout.panels.count && axes.view3D == nil {
            let strata = layout.panels[i].frameStrata
            func drawn(_ part: PanelRenderer.Part) -> Bool {
                layers.contains(PanelRenderer.layer(ofStatic: part, frameStrata: strata))
            }
            if (axes.showsGrid ?? showsGrid) && drawn(.grid) { return true }
            for m in axes.marks.indices where !axes.isFrameMark(at: m) && drawn(PanelRenderer.Part(axes.marks[m].stratum)) {
                return true
            }
        }
        return false
    }
}
