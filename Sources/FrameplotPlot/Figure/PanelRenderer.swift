import Foundation
import FrameplotCanvas

/// Draws one panel's decorations and marks from its layout.
struct PanelRenderer {
    let axes: Axes
    let layout: PanelLayout
    let style: PlotStyle
    let canvas: any Canvas
    let resolution: Double

    private var plot: Rect { layout.plotRect }

    func drawBackground() {
        canvas.fill(.rect(plot), color: style.axesBackground)
        if axes.showsGrid ?? style.showGrid { canvas.auditing(.deemphasized) { drawGrid() } }
        drawMarks(.static)
        if !layout.overlaysInForeground { drawOverlays() }
        drawTicks()
        for t in layout.labels { t.draw(on: canvas) }
        if let cb = layout.colorbar { ColorbarRenderer(layout: cb, style: style, canvas: canvas).draw() }
    }

    func drawForeground() {
        guard layout.overlaysInForeground || axes.hasDynamicMarks else { return }
        drawMarks(.dynamic)
        if layout.overlaysInForeground { drawOverlays() }
    }

    private func drawMarks(_ layer: MarkLayer) {
        let context = MarkContext(canvas: canvas, transform: layout.transform, theme: style.theme, resolution: resolution)
        canvas.withSavedState {
            canvas.clip(to: .rect(plot))
            // Captions last, so no line of their layer crosses them.
            let marks = axes.marks.filter { $0.layer == layer }
            for mark in marks.filter({ !(($0 as? TextMark)?.isCaption ?? false) }) + marks.filter({ ($0 as? TextMark)?.isCaption ?? false }) {
                canvas.auditing(.mark(String(describing: type(of: mark)), mark.emphasis)) { mark.draw(in: context) }
            }
        }
    }

    /// Spines and legend: above every mark.
    private func drawOverlays() {
        let spine = StrokeStyle(color: style.spineColor, width: style.spineWidth, cap: .square, join: .miter)
        if style.showsTopRightSpines {
            canvas.stroke(.rect(plot), style: spine)
        } else {
            var p = Path()
            p.addPolyline([Point(x: plot.minX, y: plot.minY), Point(x: plot.minX, y: plot.maxY), Point(x: plot.maxX, y: plot.maxY)])
            canvas.stroke(p, style: spine)
        }
        if let legend = layout.legend { LegendRenderer(layout: legend, style: style, canvas: canvas).draw() }
    }

    private func drawGrid() {
        let gs = StrokeStyle(color: style.gridColor, width: style.gridWidth)
        var path = Path()
        for t in layout.xTicks where t.position > plot.minX + 0.5 && t.position < plot.maxX - 0.5 {
            path.move(to: Point(x: t.position, y: plot.minY)); path.line(to: Point(x: t.position, y: plot.maxY))
        }
        for t in layout.yTicks where t.position > plot.minY + 0.5 && t.position < plot.maxY - 0.5 {
            path.move(to: Point(x: plot.minX, y: t.position)); path.line(to: Point(x: plot.maxX, y: t.position))
        }
        if !path.isEmpty { canvas.stroke(path, style: gs) }
    }

    private func drawTicks() {
        let ts = StrokeStyle(color: style.tickColor, width: style.tickWidth)
        var major = Path(), minor = Path()
        for t in layout.xTicks {
            major.move(to: Point(x: t.position, y: plot.maxY)); major.line(to: Point(x: t.position, y: plot.maxY + style.tickLength))
        }
        for t in layout.yTicks {
            major.move(to: Point(x: plot.minX, y: t.position)); major.line(to: Point(x: plot.minX - style.tickLength, y: t.position))
        }
        for v in layout.xMinorTicks {
            guard let p = layout.transform.x.pixel(v) else { continue }
            minor.move(to: Point(x: p, y: plot.maxY)); minor.line(to: Point(x: p, y: plot.maxY + style.minorTickLength))
        }
        for v in layout.yMinorTicks {
            guard let p = layout.transform.y.pixel(v) else { continue }
            minor.move(to: Point(x: plot.minX, y: p)); minor.line(to: Point(x: plot.minX - style.minorTickLength, y: p))
        }
        if !major.isEmpty { canvas.stroke(major, style: ts) }
        if !minor.isEmpty { canvas.stroke(minor, style: StrokeStyle(color: style.tickColor, width: style.tickWidth * 0.75)) }
        for t in layout.xTicks { t.label?.draw(on: canvas) }
        for t in layout.yTicks { t.label?.draw(on: canvas) }
    }
}
