import Foundation
import Testing
import FrameplotCanvas
@testable import FrameplotPlot

@Suite struct PixelProbeTests {
    /// A 200x150 figure with fixed 0...10 limits and no grid, so probes hit known pixels.
    func plainFigure() -> Figure {
        var fig = Figure(width: 200, height: 150)
        fig.axes.x.limits = AxisLimits(lower: 0, upper: 10)
        fig.axes.y.limits = AxisLimits(lower: 0, upper: 10)
        fig.axes.showsGrid = false
        return fig
    }

    func pixel(_ canvas: ImageCanvas, at p: Point) -> RGBA8 {
        canvas.pixel(x: Int(p.x * canvas.scale), y: Int(p.y * canvas.scale))
    }

    @Test func scatterMarkerCentreHasTheMarkerColour() throws {
        var fig = plainFigure()
        let blue = Color(hex: 0x1f77b4)
        fig.axes.scatter(xs: [3], ys: [7], size: 10, color: blue)
        let canvas = try fig.makeImage()
        let layout = fig.layout(measuringWith: canvas)
        let p = layout.panels[0].transform.point(x: 3, y: 7)
        #expect(pixel(canvas, at: p) == RGBA8(blue))
        // Far from the marker the axes background shows.
        #expect(pixel(canvas, at: layout.panels[0].transform.point(x: 8, y: 2)) == RGBA8(.white))
    }

    @Test func classRegionMiddleIsTheClassColourBlendedAtItsAlpha() throws {
        var fig = plainFigure()
        fig.scale = 2
        let colors = [Color(hex: 0x0072b2), Color(hex: 0xe69f00)]
        fig.axes.decisionRegions(classes: 2, colors: colors, alpha: 0.3, boundaryColor: .black) { x, _ in x < 5 ? 0 : 1 }
        let canvas = try fig.makeImage()
        let t = fig.layout(measuringWith: canvas).panels[0].transform
        let left = pixel(canvas, at: t.point(x: 2.5, y: 5)), right = pixel(canvas, at: t.point(x: 7.5, y: 5))
        #expect(PlotTestSupport.close(left, PlotTestSupport.blended(colors[0], alpha: 0.3, over: .white)), "\(left)")
        #expect(PlotTestSupport.close(right, PlotTestSupport.blended(colors[1], alpha: 0.3, over: .white)), "\(right)")
        // The boundary at x = 5 is drawn dark.
        let edge = pixel(canvas, at: t.point(x: 5, y: 5))
        #expect(Int(edge.r) + Int(edge.g) + Int(edge.b) < 300, "\(edge)")
    }

    @Test func probabilityBoundaryIsSmoothAndWhereTheClassesTie() throws {
        var fig = plainFigure()
        // p(class 1) = sigmoid(x + y - 10): boundary is the diagonal x + y = 10.
        fig.axes.decisionRegions(.probabilities { x, y in
            let p = 1 / (1 + exp(-(x + y - 10)))
            return [1 - p, p]
        }, classes: 2, alpha: 0.3, boundaryColor: .black)
        let canvas = try fig.makeImage()
        let t = fig.layout(measuringWith: canvas).panels[0].transform
        for x in stride(from: 2.0, through: 8.0, by: 1.5) {
            let on = pixel(canvas, at: t.point(x: x, y: 10 - x))
            #expect(Int(on.r) + Int(on.g) + Int(on.b) < 350, "boundary missing at x = \(x): \(on)")
        }
    }

    @Test func regressionLinePassesThroughTheKnownPixel() throws {
        var fig = plainFigure()
        fig.axes.straightLine(slope: 0.431, intercept: 3.31, color: .black, width: 2)
        let canvas = try fig.makeImage()
        let t = fig.layout(measuringWith: canvas).panels[0].transform
        for x in [1.0, 4.0, 8.0] {
            let p = pixel(canvas, at: t.point(x: x, y: 0.431 * x + 3.31))
            #expect(p.r < 60 && p.g < 60 && p.b < 60, "x = \(x): \(p)")
        }
        // 1.5 data units above the line is background.
        #expect(pixel(canvas, at: t.point(x: 4, y: 0.431 * 4 + 3.31 + 1.5)) == RGBA8(.white))
    }

    @Test func heatmapCellHasItsColormapColour() throws {
        var fig = plainFigure()
        let grid = Grid2D(x: 0.5...9.5, y: 0.5...9.5, nx: 10, ny: 10) { x, _ in x }
        let norm = ColorNorm(vmin: 0.5, vmax: 9.5)
        fig.axes.heatmap(grid, colormap: .viridis, norm: norm)
        let canvas = try fig.makeImage()
        let t = fig.layout(measuringWith: canvas).panels[0].transform
        let p = pixel(canvas, at: t.point(x: 0.5, y: 5))
        #expect(PlotTestSupport.close(p, RGBA8(Colormap.viridis.color(at: 0)), tolerance: 1), "\(p)")
        let q = pixel(canvas, at: t.point(x: 9.5, y: 5))
        #expect(PlotTestSupport.close(q, RGBA8(Colormap.viridis.color(at: 1)), tolerance: 1), "\(q)")
    }

    @Test func sameFigureRendersToIdenticalBytes() throws {
        let fig = PlotTestSupport.busyFigure(width: 480, height: 240)
        let a = try fig.makeImage().pngData(options: .fast)
        let b = try fig.makeImage().pngData(options: .fast)
        #expect(a == b)
    }

    @Test func backgroundThenForegroundEqualsTheWholeFigure() throws {
        var fig = plainFigure()
        fig.axes.scatter(xs: [1, 2, 3], ys: [2, 4, 6], label: "static")
        fig.axes.line(xs: [0, 10], ys: [10, 0], color: .red, label: "moving", layer: .dynamic)
        fig.axes.text("Epoch #1", axesFraction: DataPoint(x: 0.5, y: 0.05), layer: .dynamic)
        let whole = try fig.makeImage()
        let layout = fig.layout(measuringWith: whole)
        let background = try ImageCanvas(width: fig.size.width, height: fig.size.height)
        fig.render(on: background, layout: layout, layers: .background)
        let frame = try ImageCanvas(width: fig.size.width, height: fig.size.height)
        frame.composite(background, at: .zero)
        fig.render(on: frame, layout: layout, layers: .foreground)
        #expect(try frame.pngData(options: .fast) == whole.pngData(options: .fast))
        // The background alone lacks the dynamic line (probed away from legend and text).
        let mid = layout.panels[0].transform.point(x: 8.5, y: 1.5)
        #expect(pixel(background, at: mid) == RGBA8(.white))
        let around = (-2...2).flatMap { dx in (-2...2).map { dy in
            frame.pixel(x: Int(mid.x) + dx, y: Int(mid.y) + dy) } }
        #expect(around.contains { $0.r > 200 && $0.g < 80 && $0.b < 80 }, "\(around)")
    }
}

@Suite struct LayerSplitTests {
    /// The animation recipe: layout from a figure with dynamic marks, background from the
    /// figure without them, foreground from a copy with the frame's marks.
    @Test func backgroundFromTheStaticFigureMatchesTheWholeFrame() throws {
        var base = Figure(width: 240, height: 180)
        base.axes.x.limits = AxisLimits(lower: 0, upper: 10)
        base.axes.y.limits = AxisLimits(lower: 0, upper: 10)
        base.axes.scatter(xs: [2, 8], ys: [3, 7], label: "data")
        var frame = base
        frame.axes.straightLine(slope: 0.5, intercept: 2, color: .black, label: "fit", layer: .dynamic)
        let measuring = try ImageCanvas(width: base.size.width, height: base.size.height)
        let layout = frame.layout(measuringWith: measuring)

        let background = try ImageCanvas(width: base.size.width, height: base.size.height)
        base.render(on: background, layout: layout, layers: .background)
        let split = try ImageCanvas(width: base.size.width, height: base.size.height)
        split.composite(background, at: .zero)
        frame.render(on: split, layout: layout, layers: .foreground)

        let whole = try ImageCanvas(width: base.size.width, height: base.size.height)
        frame.render(on: whole, layout: layout, layers: .all)
        #expect(try split.pngData(options: .fast) == whole.pngData(options: .fast))
        #expect(layout.panels[0].legend?.rows.count == 2)
    }
}
