import Foundation
import FrameplotCanvas
import FrameplotPlot

/// A single-panel plot drawn straight onto a canvas with the plot core's scales, ticks,
/// theme and maths text: the CLI's own renderer for scatter, line, curve and regions.
///
/// (The full Figure/Axes layer of FrameplotPlot was not yet published when the CLI was
/// wired; this keeps the commands working with the same look primitives.)
struct QuickPlot {
    struct Points {
        var xs: [Double]
        var ys: [Double]
        /// Class index per point (colour from the palette), or nil for `color`.
        var classes: [Int]?
        var color: Color
        var radius: Double
        var alpha: Double
    }

    struct Line {
        var xs: [Double]
        var ys: [Double]
        var color: Color
        var width: Double
        var alpha: Double
    }

    struct LegendEntry {
        enum Kind { case marker, line }
        var label: String
        var color: Color
        var kind: Kind
    }

    var theme: Theme
    var width: Double
    var height: Double
    var title: String?
    var xLabel: String
    var yLabel: String
    var xKind: ScaleKind = .linear
    var yKind: ScaleKind = .linear
    var xLimits: AxisLimits?
    var yLimits: AxisLimits?
    var points: [Points] = []
    var lines: [Line] = []
    var functions: [(function: (Double) -> Double, color: Color, width: Double)] = []
    var regions: (probabilities: (Double, Double) -> [Double], classCount: Int)?
    var legend: [LegendEntry] = []

    /// Writes PNG (at `scale`), PDF or SVG atomically (the canvas writes a temp file and renames).
    func save(to path: String, format: OutputTarget.Format, scale: Double) throws {
        switch format {
        case .pdf, .svg:
            let canvas = try VectorCanvas(format: format == .pdf ? .pdf : .svg, width: width, height: height)
            draw(on: canvas)
            try canvas.write(to: path)
        default:
            let canvas = try ImageCanvas(width: width, height: height, scale: scale)
            draw(on: canvas)
            try canvas.writePNG(to: path)
        }
    }

    func draw(on canvas: Canvas) {
        canvas.clear(theme.colors.background)
        let tickStyle = theme.textStyle(.tickLabel)
        let labelStyle = theme.textStyle(.axisLabel)
        let titleStyle = theme.textStyle(.title)
        let tickHeight = canvas.measureText("0", style: tickStyle).logical.height
        let labelHeight = canvas.measureText("Ag", style: labelStyle).logical.height

        // Limits first (they decide the y tick label width, hence the left margin).
        let allX = points.flatMap(\.xs) + lines.flatMap(\.xs)
        let allY = points.flatMap(\.ys) + lines.flatMap(\.ys)
        let xl = xLimits ?? AxisLimits.auto(values: allX, kind: xKind)
        let yl = yLimits ?? AxisLimits.auto(values: allY, kind: yKind)
        let pad = theme.padding
        let top = pad + (title == nil ? 8 : canvas.measureText(MathText.markup(title ?? ""), style: titleStyle).logical.height + 10)
        let bottom = height - pad - labelHeight - tickHeight - theme.lines.majorTickLength - 10
        let yProbe = Scale(kind: yKind, limits: yl, pixelStart: bottom, pixelEnd: top)
        let yTicks = AxisTicks.make(scale: yProbe, fontSize: theme.fontSize(.tickLabel), orientation: .vertical, minor: false)
        let tickWidth = yTicks.major.map { canvas.measureText($0.label, style: tickStyle).logical.width }.max() ?? 20
        let left = pad + labelHeight + 8 + tickWidth + theme.lines.majorTickLength + 4
        let right = width - pad - 8
        guard right - left > 4, bottom - top > 4 else { return }
        let plot = Rect(x: left, y: top, width: right - left, height: bottom - top)
        let xs = Scale(kind: xKind, limits: xl, pixelStart: left, pixelEnd: right)
        let ys = Scale(kind: yKind, limits: yl, pixelStart: bottom, pixelEnd: top)
        let xTicks = AxisTicks.make(scale: xs, fontSize: theme.fontSize(.tickLabel), orientation: .horizontal, minor: false,
                                    labelExtent: { canvas.measureText($0, style: tickStyle).logical.width })

        canvas.fill(.rect(plot), color: theme.colors.axesFace)
        canvas.withSavedState {
            canvas.clip(to: .rect(plot))
            if let regions { drawRegions(regions, in: plot, xs: xs, ys: ys, on: canvas) }
            if theme.showsGrid {
                var grid = Path()
                for tick in xTicks.major { if let x = xs.pixel(tick.value) { grid.append(.segment(Point(x: x, y: top), Point(x: x, y: bottom))) } }
                for tick in yTicks.major { if let y = ys.pixel(tick.value) { grid.append(.segment(Point(x: left, y: y), Point(x: right, y: y))) } }
                canvas.stroke(grid, style: StrokeStyle(color: theme.colors.grid, width: theme.lines.grid))
            }
            for line in lines { drawLine(line, xs: xs, ys: ys, on: canvas) }
            for function in functions {
                var samples: [Point] = []
                for i in 0...400 {
                    let fx = Double(i) / 400
                    let x = xKind == .log10 ? pow(10, log10(xl.lower) + fx * (log10(xl.upper) - log10(xl.lower))) : xl.lower + fx * xl.span
                    if let px = xs.pixel(x), let py = ys.pixel(function.function(x)), py.isFinite {
                        samples.append(Point(x: px, y: max(-1e5, min(1e5, py))))
                    }
                }
                var path = Path()
                path.addPolyline(samples)
                canvas.stroke(path, style: StrokeStyle(color: function.color, width: function.width, cap: .round))
            }
            for group in points { drawPoints(group, xs: xs, ys: ys, on: canvas) }
        }

        // Frame, ticks and labels.
        canvas.stroke(.rect(plot), style: StrokeStyle(color: theme.colors.spine, width: theme.lines.spine))
        var ticks = Path()
        let length = theme.lines.majorTickLength
        let tickLabelStyle = tickStyle
        for tick in xTicks.major {
            guard let x = xs.pixel(tick.value) else { continue }
            ticks.append(.segment(Point(x: x, y: bottom), Point(x: x, y: bottom + length)))
            canvas.drawText(tick.label, at: Point(x: x, y: bottom + length + 3), style: tickLabelStyle, anchor: .topCenter)
        }
        for tick in yTicks.major {
            guard let y = ys.pixel(tick.value) else { continue }
            ticks.append(.segment(Point(x: left - length, y: y), Point(x: left, y: y)))
            canvas.drawText(tick.label, at: Point(x: left - length - 3, y: y), style: tickLabelStyle, anchor: TextAnchor(.right, .center))
        }
        canvas.stroke(ticks, style: StrokeStyle(color: theme.colors.tick, width: theme.lines.tick))
        canvas.drawText(MathText.markup(xLabel), at: Point(x: (left + right) / 2, y: height - pad), style: labelStyle, anchor: .bottomCenter)
        canvas.drawText(MathText.markup(yLabel), at: Point(x: pad, y: (top + bottom) / 2), style: labelStyle,
                        anchor: TextAnchor(.center, .top), rotation: -Double.pi / 2)
        if let title {
            canvas.drawText(MathText.markup(title), at: Point(x: (left + right) / 2, y: pad), style: titleStyle, anchor: .topCenter)
        }
        if !legend.isEmpty { drawLegend(in: plot, xs: xs, ys: ys, on: canvas) }
    }

    private func drawLine(_ line: Line, xs: Scale, ys: Scale, on canvas: Canvas) {
        var path = Path()
        var started = false
        for (x, y) in zip(line.xs, line.ys) {
            guard let px = xs.pixel(x), let py = ys.pixel(y) else { started = false; continue }
            let p = Point(x: px, y: py)
            if started { path.line(to: p) } else { path.move(to: p); started = true }
        }
        canvas.stroke(path, style: StrokeStyle(color: line.color.withAlpha(line.alpha), width: line.width, cap: .round))
    }

    private func drawPoints(_ group: Points, xs: Scale, ys: Scale, on canvas: Canvas) {
        let classCount = (group.classes?.max() ?? 0) + 1
        var paths = [Path](repeating: Path(), count: classCount)
        for index in group.xs.indices {
            guard let px = xs.pixel(group.xs[index]), let py = ys.pixel(group.ys[index]) else { continue }
            let slot = group.classes?[index] ?? 0
            paths[slot].addCircle(center: Point(x: px, y: py), radius: group.radius)
        }
        for (slot, path) in paths.enumerated() where !path.isEmpty {
            let color = group.classes == nil ? group.color : theme.palette.color(slot)
            canvas.fill(path, color: color.withAlpha(group.alpha))
            if group.radius >= 2.5 && group.alpha >= 1 {
                canvas.stroke(path, style: StrokeStyle(color: theme.colors.axesFace, width: 0.6))
            }
        }
    }

    private func drawRegions(_ regions: (probabilities: (Double, Double) -> [Double], classCount: Int),
                             in plot: Rect, xs: Scale, ys: Scale, on canvas: Canvas) {
        let columns = max(2, Int(plot.width / 2)), rows = max(2, Int(plot.height / 2))
        var image = RasterImage(width: columns, height: rows)
        let face = theme.colors.axesFace
        let xl = xs.limits, yl = ys.limits
        for row in 0..<rows {
            let y = yl.upper - (Double(row) + 0.5) / Double(rows) * yl.span
            for column in 0..<columns {
                let x = xl.lower + (Double(column) + 0.5) / Double(columns) * xl.span
                let p = regions.probabilities(x, y)
                var best = 0
                for k in p.indices where p[k] > p[best] { best = k }
                let color = face.mixed(with: theme.palette.color(best), 0.28)
                let offset = (row * columns + column) * 4
                image.pixels[offset] = UInt8(max(0, min(255, (color.red * 255).rounded())))
                image.pixels[offset + 1] = UInt8(max(0, min(255, (color.green * 255).rounded())))
                image.pixels[offset + 2] = UInt8(max(0, min(255, (color.blue * 255).rounded())))
                image.pixels[offset + 3] = 255
            }
        }
        canvas.draw(image, in: plot, interpolation: .bilinear)
    }

    private func drawLegend(in plot: Rect, xs: Scale, ys: Scale, on canvas: Canvas) {
        let style = theme.textStyle(.legend)
        let lineHeight = canvas.measureText("Ag", style: style).logical.height + 4
        let textWidth = legend.map { canvas.measureText(MathText.markup($0.label), style: style).logical.width }.max() ?? 0
        let boxWidth = textWidth + 40, boxHeight = lineHeight * Double(legend.count) + 8
        // The corner that hides the fewest data points (sampled for large data).
        let corners = [
            Rect(x: plot.maxX - boxWidth - 8, y: plot.minY + 8, width: boxWidth, height: boxHeight),
            Rect(x: plot.minX + 8, y: plot.minY + 8, width: boxWidth, height: boxHeight),
            Rect(x: plot.maxX - boxWidth - 8, y: plot.maxY - boxHeight - 8, width: boxWidth, height: boxHeight),
            Rect(x: plot.minX + 8, y: plot.maxY - boxHeight - 8, width: boxWidth, height: boxHeight),
        ]
        var hidden = [Int](repeating: 0, count: corners.count)
        func count(_ x: [Double], _ y: [Double]) {
            let step = max(1, x.count / 20_000)
            for index in stride(from: 0, to: min(x.count, y.count), by: step) {
                guard let px = xs.pixel(x[index]), let py = ys.pixel(y[index]) else { continue }
                for (slot, corner) in corners.enumerated()
                where px >= corner.minX - 4 && px <= corner.maxX + 4 && py >= corner.minY - 4 && py <= corner.maxY + 4 {
                    hidden[slot] += 1
                }
            }
        }
        for group in points { count(group.xs, group.ys) }
        for line in lines { count(line.xs, line.ys) }
        var best = 0
        for slot in hidden.indices where hidden[slot] < hidden[best] { best = slot }
        let box = corners[best]
        canvas.fill(.rect(box), color: theme.colors.legendFace.withAlpha(0.85))
        canvas.stroke(.rect(box), style: StrokeStyle(color: theme.colors.legendEdge, width: 0.8))
        for (index, entry) in legend.enumerated() {
            let y = box.minY + 4 + lineHeight * (Double(index) + 0.5)
            switch entry.kind {
            case .marker:
                canvas.fill(.circle(center: Point(x: box.minX + 16, y: y), radius: 4), color: entry.color)
            case .line:
                canvas.stroke(.segment(Point(x: box.minX + 6, y: y), Point(x: box.minX + 26, y: y)),
                              style: StrokeStyle(color: entry.color, width: 2))
            }
            canvas.drawText(MathText.markup(entry.label), at: Point(x: box.minX + 32, y: y), style: style,
                            anchor: TextAnchor(.left, .center))
        }
    }
}
