import Testing
import FrameplotCanvas
@testable import FrameplotPlot

@Suite struct LayoutTests {
    static let sizes: [(Double, Double)] = [(320, 240), (480, 360), (640, 480), (1280, 720), (1920, 1080)]

    @Test(arguments: [(1, 1), (1, 2), (2, 2)])
    func textsStayInsideAndApart(grid: (Int, Int)) throws {
        let measurer = try ImageCanvas(width: 8, height: 8)
        for (w, h) in Self.sizes {
            // 2x2 panels only from 640x480: below that four panels cannot hold their texts.
            if grid.0 * grid.1 > 2 && w < 640 { continue }
            let fig = PlotTestSupport.busyFigure(width: w, height: h, rows: grid.0, columns: grid.1)
            let layout = fig.layout(measuringWith: measurer)
            let frame = Rect(origin: .zero, size: fig.size)
            #expect(PlotTestSupport.outside(layout.texts, frame: frame).isEmpty, "\(w)x\(h) \(grid): text leaves the figure")
            let clashes = PlotTestSupport.overlaps(layout.texts)
            #expect(clashes.isEmpty, "\(w)x\(h) \(grid): \(clashes)")
            for p in layout.panels {
                #expect(p.plotRect.width > 20 && p.plotRect.height > 20, "\(w)x\(h): plot area too small")
                // Decoration texts stay out of the plot area, except the legend.
                for t in p.texts where !(p.legend?.texts.contains(t) ?? false) {
                    #expect(!t.bounds.insetBy(dx: 0.5, dy: 0.5).intersects(p.plotRect), "\(t.text) covers the plot")
                }
            }
        }
    }

    @Test func layoutIsDeterministicAndIndependentOfDrawing() throws {
        let fig = PlotTestSupport.busyFigure(width: 800, height: 400)
        let a = fig.layout(measuringWith: try ImageCanvas(width: 8, height: 8))
        let b = fig.layout(measuringWith: try ImageCanvas(width: 800, height: 400, scale: 2))
        #expect(a.texts == b.texts)
        #expect(a.panels.map(\.plotRect) == b.panels.map(\.plotRect))
    }

    @Test func equalAspectGivesSquareDataUnits() throws {
        var fig = Figure(width: 800, height: 400)
        fig.axes.x.limits = AxisLimits(lower: 0, upper: 10)
        fig.axes.y.limits = AxisLimits(lower: 0, upper: 5)
        fig.axes.aspect = .equal
        let t = fig.layout(measuringWith: try ImageCanvas(width: 8, height: 8)).panels[0].transform
        let dx = abs((t.x.pixel(1) ?? 0) - (t.x.pixel(0) ?? 0)), dy = abs((t.y.pixel(1) ?? 0) - (t.y.pixel(0) ?? 0))
        #expect(abs(dx - dy) < 1e-9)
    }

    @Test func autoLimitsAddAMarginAndTightMarksDoNot() throws {
        var fig = Figure(width: 400, height: 300)
        fig.axes.scatter(xs: [0, 10], ys: [0, 10])
        var t = fig.layout(measuringWith: try ImageCanvas(width: 8, height: 8)).panels[0].transform
        #expect(t.x.limits.lower < 0 && t.x.limits.upper > 10)
        fig = Figure(width: 400, height: 300)
        fig.axes.heatmap(Grid2D(x: 0...10, y: 0...10, nx: 11, ny: 11) { x, y in x + y }, norm: ColorNorm(vmin: 0, vmax: 20))
        t = fig.layout(measuringWith: try ImageCanvas(width: 8, height: 8)).panels[0].transform
        #expect(t.x.limits.lower == -0.5 && t.x.limits.upper == 10.5)
    }

    @Test func degenerateDataStillGivesAnAxis() throws {
        var fig = Figure(width: 400, height: 300)
        fig.axes.scatter(xs: [.nan, 3, 3], ys: [.infinity, 5, 5])
        fig.axes.y.scale = .log10
        let p = fig.layout(measuringWith: try ImageCanvas(width: 8, height: 8)).panels[0]
        #expect(p.xTicks.count >= 2 && p.yTicks.count >= 1)
        #expect(p.transform.x.limits.contains(3) && p.transform.y.limits.contains(5))
    }

    @Test func legendAvoidsTheData() throws {
        var fig = Figure(width: 400, height: 300)
        // Data crowd the upper right and upper left: the legend must go to the bottom.
        let xs = (0..<40).map { Double($0 % 20) / 2 }, ys = (0..<40).map { _ in 9.5 }
        fig.axes.scatter(xs: xs + [0, 10], ys: ys + [0, 10], label: "points")
        let legend = try #require(fig.layout(measuringWith: try ImageCanvas(width: 8, height: 8)).panels[0].legend)
        #expect(legend.placement == .lowerLeft || legend.placement == .lowerRight || legend.placement == .lowerCenter)
        fig.axes.legendPlacement = .upperLeft
        let fixed = try #require(fig.layout(measuringWith: try ImageCanvas(width: 8, height: 8)).panels[0].legend)
        #expect(fixed.placement == .upperLeft)
    }

    @Test("bestOrOutside: inside only where no data point is under the legend, else beside the plot")
    func legendBesideCrowdedData() throws {
        var fig = Figure(width: 400, height: 300)
        // A grid of points fills every inside position: the legend goes outside.
        var xs: [Double] = [], ys: [Double] = []
        for i in 0...20 { for j in 0...20 { xs.append(Double(i) / 2); ys.append(Double(j) / 2) } }
        fig.axes.scatter(xs: xs, ys: ys, label: "points")
        fig.axes.legendPlacement = .bestOrOutside
        let canvas = try ImageCanvas(width: 8, height: 8)
        let outside = try #require(fig.layout(measuringWith: canvas).panels[0].legend)
        #expect(outside.placement == .outsideRight)
        // Only the upper half is full: the legend sits in the empty lower half, over no point.
        var upper = Figure(width: 400, height: 300)
        let kept = xs.indices.filter { ys[$0] >= 5 }
        upper.axes.scatter(xs: kept.map { xs[$0] } + [0], ys: kept.map { ys[$0] } + [0], label: "points")
        upper.axes.legendPlacement = .bestOrOutside
        let panel = upper.layout(measuringWith: canvas).panels[0]
        let legend = try #require(panel.legend)
        #expect([.lowerRight, .lowerCenter].contains(legend.placement), "\(legend.placement)")
        let covered = zip(kept.map { xs[$0] } + [0], kept.map { ys[$0] } + [0])
            .filter { legend.box.contains(panel.transform.point(x: $0.0, y: $0.1)) }
        #expect(covered.isEmpty)
    }

    @Test("a legend title sits above the rows, inside the box")
    func legendTitle() throws {
        var fig = Figure(width: 400, height: 300)
        fig.axes.scatter(xs: [0, 1], ys: [0, 1], coloring: .classes([0, 1], labels: ["setosa", "virginica"]))
        fig.axes.legendTitle = "a long species column"
        let legend = try #require(fig.layout(measuringWith: try ImageCanvas(width: 8, height: 8)).panels[0].legend)
        let title = try #require(legend.title)
        #expect(title.text == "a long species column" && legend.rows.map(\.label.text) == ["setosa", "virginica"])
        #expect(title.bounds.maxY <= (legend.rows.first?.handleRect.minY ?? 0))
        #expect(legend.box.minX <= title.bounds.minX && title.bounds.maxX <= legend.box.maxX)
        #expect(legend.texts.count == 3)
    }

    @Test("a dense scatter's tiny markers get legend swatches of a readable size")
    func readableSwatch() throws {
        var fig = Figure(width: 400, height: 300)
        let blue = Color(hex: 0x1f77b4)
        fig.axes.scatter(xs: [0, 10], ys: [0, 10], size: 1.5, color: blue, label: "many points")
        fig.axes.legendPlacement = .lowerRight
        let canvas = try fig.makeImage()
        let legend = try #require(fig.layout(measuringWith: canvas).panels[0].legend)
        let r = try #require(legend.rows.first).handleRect
        var inked = 0
        for y in Int(r.minY * canvas.scale)..<Int(r.maxY * canvas.scale) {
            for x in Int(r.minX * canvas.scale)..<Int(r.maxX * canvas.scale) {
                let p = canvas.pixel(x: x, y: y)
                if Int(p.b) - Int(p.r) > 60 { inked += 1 }
            }
        }
        #expect(Double(inked) >= 20 * canvas.scale * canvas.scale, "\(inked) blue pixels in the swatch")
    }
}
