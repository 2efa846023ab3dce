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
    /// (or one with the same panels and static marks).
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
                if axes.view3D != nil, let threeD = layout.panels[i].threeD {
                    Panel3DRenderer(axes: axes, layout: layout.panels[i], threeD: threeD, style: style, canvas: canvas,
                                    resolution: resolution).draw(layers)
                    continue
                }
                let renderer = PanelRenderer(axes: axes, layout: layout.panels[i], style: style,
                                             canvas: canvas, resolution: resolution)
                if layers.contains(.background) { renderer.drawBackground() }
                if layers.contains(.foreground) { renderer.drawForeground() }
            }
        }
    }
}
