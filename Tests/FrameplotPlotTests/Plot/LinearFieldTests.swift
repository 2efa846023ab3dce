import Foundation
import Testing
import FrameplotCanvas
@testable import FrameplotPlot

/// The colour field of a linear score: every pixel shows its own score's colour, like a fine
/// heatmap of the same function, at any scale and on log axes.
@Suite struct LinearFieldTests {
    static let sigmoid: @Sendable (Double) -> Double = { 1 / (1 + exp(-$0)) }
    static let norm = ColorNorm(vmin: 0, vmax: 1)

    func figure(scale: Double = 1, logX: Bool = false) -> Figure {
        var fig = Figure(width: 240, height: 180)
        fig.scale = scale
        fig.axes.x.limits = logX ? AxisLimits(lower: 1, upper: 1000) : AxisLimits(lower: -4, upper: 4)
        if logX { fig.axes.x.scale = .log10 }
        fig.axes.y.limits = AxisLimits(lower: -3, upper: 3)
        fig.axes.showsGrid = false
        return fig
    }

    /// The colour the field must have at data point (x, y): the colormap's table entry for
    /// the value, as every heatmap shows it.
    func expected(_ a: Double, _ b: Double, _ c: Double, x: Double, y: Double) -> RGBA8 {
        var bytes = [UInt8](repeating: 0, count: 4)
        [Self.sigmoid(a * x + b * y + c)].withUnsafeBufferPointer { v in
            bytes.withUnsafeMutableBytes { Colormap.viridis.fillRGBA(values: v, norm: Self.norm, into: $0) }
        }
        return RGBA8(r: bytes[0], g: bytes[1], b: bytes[2], a: bytes[3])
    }

    /// One step of viridis's 256-entry table: a score within an eighth of a pixel's change may
    /// land in the neighbouring entry.
    static let tableStep = 3

    @Test("each pixel has the colormap colour of its own score", arguments: [1.0, 2, 1.5])
    func pixelsMatchTheirScore(scale: Double) throws {
        var fig = figure(scale: scale)
        let (a, b, c) = (1.3, -0.7, 0.4)
        fig.axes.linearField(a: a, b: b, c: c, colormap: .viridis, norm: Self.norm, transform: Self.sigmoid)
        let canvas = try fig.makeImage()
        let t = fig.layout(measuringWith: canvas).panels[0].transform
        var checked = 0
        for px in stride(from: Int(t.plotRect.minX * scale) + 2, to: Int(t.plotRect.maxX * scale) - 2, by: 7) {
            for py in stride(from: Int(t.plotRect.minY * scale) + 2, to: Int(t.plotRect.maxY * scale) - 2, by: 9) {
                let data = t.data(at: Point(x: (Double(px) + 0.5) / scale, y: (Double(py) + 0.5) / scale))
                let want = expected(a, b, c, x: data.x, y: data.y), got = canvas.pixel(x: px, y: py)
                #expect(PlotTestSupport.close(got, want, tolerance: Self.tableStep), "(\(px), \(py)): \(got) vs \(want)")
                checked += 1
            }
        }
        #expect(checked > 300)
    }

    @Test("on a log x axis the score uses the data value under each pixel")
    func logAxis() throws {
        var fig = figure(logX: true)
        let (a, b, c) = (0.01, 1.0, -3.0)
        fig.axes.linearField(a: a, b: b, c: c, colormap: .viridis, norm: Self.norm, transform: Self.sigmoid)
        let canvas = try fig.makeImage()
        let t = fig.layout(measuringWith: canvas).panels[0].transform
        for (x, y) in [(2.0, 0.0), (30, 1), (300, -1), (900, 2.5)] {
            let p = t.point(x: x, y: y)
            let data = t.data(at: Point(x: p.x.rounded(.down) + 0.5, y: p.y.rounded(.down) + 0.5))
            let got = canvas.pixel(x: Int(p.x), y: Int(p.y)), want = expected(a, b, c, x: data.x, y: data.y)
            #expect(PlotTestSupport.close(got, want, tolerance: Self.tableStep), "\(x), \(y): \(got) vs \(want)")
        }
    }

    @Test("a constant score fills the plot with one colour; a non-finite one draws nothing")
    func constantAndNonFinite() throws {
        var flat = figure()
        flat.axes.linearField(a: 0, b: 0, c: 0, colormap: .viridis, norm: Self.norm, transform: Self.sigmoid)
        let canvas = try flat.makeImage()
        let r = flat.layout(measuringWith: canvas).panels[0].transform.plotRect
        let want = RGBA8(Colormap.viridis.color(at: 0.5))
        for (x, y) in [(r.minX + 3, r.minY + 3), (r.midX, r.midY), (r.maxX - 3, r.maxY - 3)] {
            #expect(PlotTestSupport.close(canvas.pixel(x: Int(x), y: Int(y)), want, tolerance: 1))
        }
        var broken = figure()
        broken.axes.linearField(a: .nan, b: 1, c: 0, colormap: .viridis, norm: Self.norm, transform: Self.sigmoid)
        let blank = try broken.makeImage()
        #expect(blank.pixel(x: Int(r.midX), y: Int(r.midY)) == RGBA8(.white))
    }

    @Test("looks like a fine bilinear heatmap of the same function (within 3 levels)")
    func matchesAFineHeatmap() throws {
        let (a, b, c) = (2.0, 1.0, -0.5)
        var field = figure(), heat = figure()
        field.axes.linearField(a: a, b: b, c: c, colormap: .viridis, norm: Self.norm, transform: Self.sigmoid)
        let grid = Grid2D(x: -4...4, y: -3...3, nx: 400, ny: 300) { x, y in Self.sigmoid(a * x + b * y + c) }
        heat.axes.heatmap(grid, colormap: .viridis, norm: Self.norm, interpolation: .bilinear)
        let one = try field.makeImage(), two = try heat.makeImage()
        let r = field.layout(measuringWith: one).panels[0].transform.plotRect
        var worst = 0
        for y in Int(r.minY) + 2..<Int(r.maxY) - 2 {
            for x in Int(r.minX) + 2..<Int(r.maxX) - 2 {
                let p = one.pixel(x: x, y: y), q = two.pixel(x: x, y: y)
                worst = max(worst, abs(Int(p.r) - Int(q.r)), abs(Int(p.g) - Int(q.g)), abs(Int(p.b) - Int(q.b)))
            }
        }
        #expect(worst <= 3)
    }

    @Test("on a vector page the field is one smooth image of a sample per point over the plot area")
    func vectorPage() throws {
        var fig = figure()
        fig.axes.linearField(a: 1, b: 1, c: 0, colormap: .viridis, norm: Self.norm, transform: Self.sigmoid)
        let recorder = RecordingCanvas(width: fig.size.width, height: fig.size.height)
        fig.render(on: recorder)
        let images = recorder.operations.compactMap { op -> (Int, Int, Rect, Interpolation)? in
            if case let .image(w, h, rect, interpolation) = op { return (w, h, rect, interpolation) } else { return nil }
        }
        let plot = fig.layout(measuringWith: recorder).panels[0].transform.plotRect
        #expect(images.count == 1)
        if let (w, h, rect, interpolation) = images.first {
            #expect(interpolation == .bilinear && w == Int(rect.width) && h == Int(rect.height))
            #expect(rect.minX <= plot.minX && rect.maxX >= plot.maxX && rect.minY <= plot.minY && rect.maxY >= plot.maxY)
        }
    }
}
