import Foundation
import FrameplotCanvas

/// Draws one panel's decorations and marks from its layout, in stacking order.
struct PanelRenderer {
    let axes: Axes
    let layout: PanelLayout
    let style: PlotStyle
    let canvas: any Canvas
    let resolution: Double
    let rasterization: Rasterization

    private var plot: Rect { layout.plotRect }

    /// The panel's stack from bottom to top; marks of a stratum sit at its place.
    enum Part: Int, CaseIterable {
        case regions, grid, lines, points, fits, text, overlays

        init(_ stratum: MarkStratum) {
            switch stratum {
            case .regions: self = .regions
            case .lines: self = .lines
            case .points: self = .points
            case .fits: self = .fits
            case .text: self = .text
            }
        }

        var stratum: MarkStratum? {
            switch self {
            case .regions: return .regions
            case .lines: return .lines
            case .points: return .points
            case .fits: return .fits
            case .text: return .text
            case .grid, .overlays: return nil
            }
        }
    }

    /// Draws what belongs to `layers` (see ``RenderLayers``).
    func draw(_ layers: RenderLayers) {
        if layers.contains(.background) {
            // Outside the plot area, so under or over the marks alike; first, so that the
            // spines cover the tick roots whichever layer draws them.
            canvas.fill(.rect(plot), color: style.axesBackground)
            drawTicks()
            for t in layout.labels { t.draw(on: canvas) }
            if let cb = layout.colorbar { ColorbarRenderer(layout: cb, style: style, canvas: canvas).draw() }
        }
        for part in Part.allCases {
            if layers.contains(layer(ofStatic: part)) { drawStatic(part) }
            if layers.contains(.frame), let stratum = part.stratum { drawMarks(stratum, perFrame: true) }
        }
        if layers.contains(.frameLegend), let legend = layout.legend {
            LegendRenderer(layout: legend, style: style, canvas: canvas).drawKeyedTexts(axes: axes)
        }
    }

    /// The layer that holds the static content of `part`: under, between or above the
    /// per-frame strata the panel was laid out with.
    func layer(ofStatic part: Part) -> RenderLayers {
        Self.layer(ofStatic: part, frameStrata: layout.frameStrata)
    }

    static func layer(ofStatic part: Part, frameStrata: ClosedRange<MarkStratum>?) -> RenderLayers {
        guard let strata = frameStrata else { return .background }
        if part.rawValue <= Part(strata.lowerBound).rawValue { return .background }
        if part.rawValue <= Part(strata.upperBound).rawValue { return .frame }
        return .overlay
    }

    private func drawStatic(_ part: Part) {
        switch part {
        case .grid: if axes.showsGrid ?? style.showGrid { canvas.auditing(.deemphasized) { drawGrid() } }
        case .overlays: drawOverlays()
        case .regions, .lines, .points, .fits, .text:
            if let stratum = part.stratum { drawMarks(stratum, perFrame: false) }
        }
    }

    private func drawMarks(_ stratum: MarkStratum, perFrame: Bool) {
        let chosen = axes.marks.indices.filter { axes.isFrameMark(at: $0) == perFrame && axes.marks[$0].stratum == stratum }
        guard !chosen.isEmpty else { return }
        let context = MarkContext(canvas: canvas, transform: layout.transform, theme: style.theme, resolution: resolution,
                                  rasterization: rasterization)
        canvas.withSavedState {
            canvas.clip(to: .rect(plot))
            // Captions last among texts, so no other text of the stratum crosses them.
            let ordered = chosen.filter { !Self.isCaption(axes.marks[$0]) } + chosen.filter { Self.isCaption(axes.marks[$0]) }
            for i in ordered {
                let mark = axes.marks[i]
                canvas.auditing(.mark(String(describing: type(of: mark)), mark.emphasis)) { mark.draw(in: context) }
            }
        }
    }

    static func isCaption(_ mark: any Mark) -> Bool { (mark as? TextMark)?.isCaption ?? false }

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
