import Foundation
import Testing
import FrameplotCanvas
@testable import FrameplotPlot

@Suite("3-D panels")
struct Surface3DTests {
    static let red = Color(red: 1, green: 0, blue: 0)
    static let grey = Colormap(name: "grey", colors: [Color(hex: 0x808080)])

    /// A hill of height 3 at the origin on a flat floor, seen from the −y side, low.
    func hillFigure(hill: Bool = true, width: Double = 240, height: Double = 200) -> Figure {
        var fig = Figure(width: width, height: height)
        fig.axes.view3D = View3D(camera: Camera3D(azimuth: -90, elevation: 15), z: AxisSpec(limits: AxisLimits(lower: 0, upper: 3)))
        let grid = Grid2D(x: -1...1, y: -1...1, nx: 41, ny: 41) { x, y in hill ? 3 * exp(-(x * x + y * y) / 0.08) : 0 }
        fig.axes.surface(grid, colormap: Self.grey, resolution: 40, meshLines: 0)
        return fig
    }

    func pixel(_ canvas: ImageCanvas, at p: Point) -> RGBA8 {
        canvas.pixel(x: Int(p.x * canvas.scale), y: Int(p.y * canvas.scale))
    }

    func isRed(_ c: RGBA8) -> Bool { c.r > 200 && c.g < 90 && c.b < 90 }

    @Test func cameraBasisIsOrthonormalFromAnyAngle() {
        for (a, e) in [(-60.0, 30.0), (0, 0), (135, -20), (10, 90), (-170, -90)] {
            let (r, u, t) = Camera3D(azimuth: a, elevation: e).basis
            for (v, w) in [(r, u), (u, t), (r, t)] { #expect(abs(v.dot(w)) < 1e-12) }
            for v in [r, u, t] { #expect(abs(v.length - 1) < 1e-12) }
            #expect(abs(r.z) < 1e-12, "the screen's right stays level")
        }
        #expect(Camera3D(elevation: 120).elevation == 90)
        #expect(Camera3D(azimuth: .nan).azimuth == -60)
        #expect(Camera3D().turned(by: 90).azimuth == 30)
    }

    @Test func aPathBehindAHillIsHiddenAndInFrontIsVisible() throws {
        for hill in [true, false] {
            var fig = hillFigure(hill: hill)
            fig.axes.line3D(xs: [-0.3, 0.3], ys: [0.7, 0.7], color: Self.red, width: 3, outline: nil)
            fig.axes.line3D(xs: [-0.3, 0.3], ys: [-0.7, -0.7], color: Self.red, width: 3, outline: nil)
            let canvas = try fig.makeImage()
            let projection = try #require(fig.layout(measuringWith: canvas).panels[0].threeD?.projection)
            let behind = try #require(projection.point(x: 0, y: 0.7, z: 0))
            let front = try #require(projection.point(x: 0, y: -0.7, z: 0))
            #expect(isRed(pixel(canvas, at: front)), "the path in front of the hill is drawn")
            if hill {
                let c = pixel(canvas, at: behind)
                #expect(!isRed(c) && abs(Int(c.r) - Int(c.g)) < 8, "the hill covers the path behind it: \(c)")
            } else {
                #expect(isRed(pixel(canvas, at: behind)), "without the hill the same path shows")
            }
        }
    }

    @Test func markersBehindAHillAreHiddenOrFaint() throws {
        var fig = hillFigure()
        fig.axes.scatter3D(xs: [0], ys: [0.7], size: 8, color: Self.red, edgeColor: nil)
        fig.axes.scatter3D(xs: [0], ys: [-0.7], size: 8, color: Self.red, edgeColor: nil)
        var canvas = try fig.makeImage()
        let projection = try #require(fig.layout(measuringWith: canvas).panels[0].threeD?.projection)
        let behind = try #require(projection.point(x: 0, y: 0.7, z: 0))
        #expect(!isRed(pixel(canvas, at: behind)))
        #expect(isRed(pixel(canvas, at: try #require(projection.point(x: 0, y: -0.7, z: 0)))))

        // Drawn faint when asked: a reddish grey, not the hill's grey.
        var faint = hillFigure()
        faint.axes.scatter3D(xs: [0], ys: [0.7], size: 8, color: Self.red, edgeColor: nil, hiddenAlpha: 0.5)
        canvas = try faint.makeImage()
        let c = pixel(canvas, at: behind)
        #expect(Int(c.r) - Int(c.g) > 40, "\(c)")
    }

    @Test func nearerQuadsArePaintedOverFartherOnes() throws {
        // A wall across y = −0.5 hides a lower plateau behind it (y > 0) from a low camera.
        func figure(plateau: Bool) -> Figure {
            var fig = Figure(width: 240, height: 200)
            fig.axes.view3D = View3D(camera: Camera3D(azimuth: -90, elevation: 5), z: AxisSpec(limits: AxisLimits(lower: 0, upper: 1)))
            let grid = Grid2D(x: -1...1, y: -1...1, nx: 41, ny: 41) { _, y in
                if y > -0.62 && y < -0.38 { return 1 }
                if y > 0.02 { return plateau ? 0.9 : .nan }
                return 0
            }
            fig.axes.surface(grid, colormap: .viridis, resolution: 40, meshLines: 0)
            return fig
        }
        let with = try figure(plateau: true).makeImage(), without = try figure(plateau: false).makeImage()
        let fig = figure(plateau: true)
        let projection = try #require(fig.layout(measuringWith: with).panels[0].threeD?.projection)
        for x in [-0.5, 0.0, 0.5] {
            let p = try #require(projection.point(x: x, y: 0.5, z: 0.9))
            #expect(PlotTestSupport.close(pixel(with, at: p), pixel(without, at: p)), "the wall stays in front at x = \(x)")
        }
    }

    @Test func backgroundThenForegroundIsTheWholePicture() throws {
        var fig = hillFigure()
        fig.axes.line3D(xs: [-0.8, 0.8], ys: [0.7, -0.7], color: Self.red, label: "path", layer: .dynamic)
        fig.axes.scatter3D(xs: [0.8], ys: [-0.7], color: Self.red, layer: .dynamic)
        fig.axes.text("step 3", axesFraction: DataPoint(x: 0.02, y: 0.98), anchor: TextAnchor(.left, .top), layer: .dynamic)
        let whole = try fig.makeImage()
        let layout = fig.layout(measuringWith: whole)
        let split = try ImageCanvas(width: fig.size.width, height: fig.size.height)
        var still = fig
        still.axes.removeMarks(in: .dynamic)
        still.render(on: split, layout: layout, layers: .background)
        fig.render(on: split, layout: layout, layers: .foreground)
        var differing = 0
        for y in 0..<whole.pixelHeight { for x in 0..<whole.pixelWidth where whole.pixel(x: x, y: y) != split.pixel(x: x, y: y) { differing += 1 } }
        #expect(differing == 0)
    }

    @Test func layoutKeepsEveryLabelInsideAndApart() throws {
        for (azimuth, elevation) in [(-60.0, 30.0), (30, 20), (120, 45), (-150, 10), (0, 89)] {
            var fig = Figure(width: 520, height: 420)
            fig.axes.view3D = View3D(camera: Camera3D(azimuth: azimuth, elevation: elevation), z: AxisSpec(label: "loss", scale: .log10))
            fig.axes.x.label = "x"; fig.axes.y.label = "y"
            fig.axes.title = "Rosenbrock"
            let grid = Grid2D(x: -2...2, y: -1...3, nx: 60, ny: 60) { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
            fig.axes.surface(grid, colorbarLabel: "f")
            fig.axes.line3D(xs: [-1.2, 0, 1], ys: [1, 0, 1], label: "GD")
            let canvas = try ImageCanvas(width: 520, height: 420)
            let layout = fig.layout(measuringWith: canvas)
            let threeD = try #require(layout.panels[0].threeD)
            #expect(PlotTestSupport.outside(layout.texts, frame: Rect(x: 0, y: 0, width: 520, height: 420)).isEmpty, "\(azimuth), \(elevation)")
            #expect(PlotTestSupport.overlaps(layout.texts).isEmpty, "\(azimuth), \(elevation): \(PlotTestSupport.overlaps(layout.texts))")
            #expect(layout.textScale == 1)
            let plot = layout.panels[0].plotRect
            for corner in threeD.projection.corners.map(threeD.projection.screen) {
                #expect(plot.insetBy(dx: -1, dy: -1).contains(corner), "\(azimuth), \(elevation): box corner \(corner) outside \(plot)")
            }
            // Log z: the ticks are decades, the floor a millionth of the top.
            if elevation < 80 {   // from straight above the z axis is seen end-on and has no ticks
                #expect(threeD.labels.contains { $0.text.contains("10") }, "\(azimuth), \(elevation): \(threeD.labels.map(\.text))")
            }
            #expect(abs(log10(threeD.projection.z.limits.upper / threeD.projection.z.limits.lower) - 6) < 1e-9)
            if let legend = layout.panels[0].legend {
                for t in threeD.labels { #expect(!legend.box.intersects(t.bounds), "the legend covers \(t.text)") }
            }
        }
    }

    @Test func tickLabelsOfAnOffsetOrScaledAxisKeepTheirNote() throws {
        // x near a million, y in millionths, z near 10¹²: each axis's labels need "+10⁶" or "×10⁻⁶".
        var fig = Figure(width: 520, height: 420)
        fig.axes.view3D = View3D(camera: Camera3D(azimuth: -60, elevation: 30), z: AxisSpec(label: "f"))
        fig.axes.x.label = "x"; fig.axes.y.label = "y"
        let grid = Grid2D(x: 1_000_000...1_000_001, y: 0...0.000_001, nx: 20, ny: 20) { x, y in x * x + y }
        fig.axes.surface(grid)
        let layout = fig.layout(measuringWith: try ImageCanvas(width: 520, height: 420))
        let texts = try #require(layout.panels[0].threeD).labels.map(\.text)
        let notes = texts.filter { $0.contains("10<sup>") && ($0.hasPrefix("+") || $0.hasPrefix("×")) }
        #expect(notes.count == 3, "\(texts)")
        #expect(PlotTestSupport.overlaps(layout.texts).isEmpty)
    }

    @Test func aTwoDAndAThreeDPanelSitSideBySide() throws {
        var fig = Figure(width: 900, height: 400, columns: 2)
        let grid = Grid2D(x: -2...2, y: -2...2, nx: 50, ny: 50) { x, y in x * x - y * y }
        fig[0, 0].filledContour(grid, levels: [-4, -2, 0, 2, 4], coloring: .scale(ColorScale(colormap: .viridis, norm: ColorNorm(vmin: -4, vmax: 4))))
        fig[0, 0].line(xs: [-1.8, 0, 0], ys: [0.01, 0.01, 1.9], color: Self.red, label: "momentum")
        fig[0, 1].surface(grid)
        fig[0, 1].line3D(xs: [-1.8, 0, 0], ys: [0.01, 0.01, 1.9], color: Self.red, label: "momentum")
        let canvas = try fig.makeImage()
        let layout = fig.layout(measuringWith: canvas)
        #expect(layout.panels[0].threeD == nil)
        #expect(layout.panels[1].threeD != nil)
        #expect(layout.panels[1].plotRect.minX >= 450 - 1)
        #expect(PlotTestSupport.overlaps(layout.texts).isEmpty)
        // The path start is red in both panels.
        let p2 = layout.panels[0].transform.point(x: -1.5, y: 0.01)
        #expect(isRed(pixel(canvas, at: p2)) || pixel(canvas, at: p2).r > 200)
    }

    @Test func threeDMarksInATwoDPanelAreSeenFromAbove() throws {
        var fig = Figure(width: 200, height: 160)
        fig.axes.line3D(xs: [0, 10], ys: [5, 5], zs: [1, 2], color: Self.red, width: 3, outline: nil)
        fig.axes.view3D = nil
        fig.axes.x.limits = AxisLimits(lower: 0, upper: 10)
        fig.axes.y.limits = AxisLimits(lower: 0, upper: 10)
        let canvas = try fig.makeImage()
        let t = fig.layout(measuringWith: canvas).panels[0].transform
        #expect(isRed(pixel(canvas, at: t.point(x: 5, y: 5))))
    }

    @Test func depthBufferKeepsTheNearestSurface() {
        var buffer = DepthBuffer(frame: Rect(x: 10, y: 10, width: 20, height: 20))
        // Far triangle everywhere (depth 0), near one (depth 1) over the left half.
        buffer.addTriangle(Point(x: 10, y: 10), 0, Point(x: 30, y: 10), 0, Point(x: 10, y: 30), 0)
        buffer.addTriangle(Point(x: 30, y: 10), 0, Point(x: 30, y: 30), 0, Point(x: 10, y: 30), 0)
        buffer.addTriangle(Point(x: 10, y: 10), 1, Point(x: 20, y: 10), 1, Point(x: 10, y: 30), 1)
        #expect(buffer.isVisible(Point(x: 25, y: 20), depth: 0))
        #expect(!buffer.isVisible(Point(x: 12, y: 15), depth: 0))
        #expect(buffer.isVisible(Point(x: 12, y: 15), depth: 1))
        #expect(buffer.isVisible(Point(x: 2, y: 2), depth: -5), "outside the buffer nothing hides")
    }

    @Test func logHeightPutsZeroOnTheFloorAndColoursByDecades() throws {
        var fig = Figure(width: 300, height: 240)
        fig.axes.view3D = View3D(z: AxisSpec(scale: .log10))
        let grid = Grid2D(x: -1...1, y: -1...1, nx: 21, ny: 21) { x, y in 100 * (x * x + y * y) }
        fig.axes.surface(grid, colormap: .viridis, resolution: 20)
        let canvas = try fig.makeImage()
        let threeD = try #require(fig.layout(measuringWith: canvas).panels[0].threeD)
        #expect(threeD.projection.z.kind == .log10)
        #expect(abs(threeD.projection.z.limits.upper - 200) < 1e-9)
        let mesh = SurfaceMesh(try #require(fig.axes.marks.first as? SurfaceMark), projection: threeD.projection)
        #expect(mesh.bz.allSatisfy { !$0.isNaN }, "the zero at the minimum sits on the floor, not in a hole")
        #expect(abs((mesh.height(atBoxX: 0, y: 0) ?? 0) + threeD.projection.half.z) < 1e-12)
    }

    @Test func badDataAndTinyFiguresDrawWithoutTrouble() throws {
        // Holes, an all-NaN surface, a path with NaN points and one off the surface, a tiny figure.
        for size in [(120.0, 90.0), (400.0, 300.0)] {
            var fig = Figure(width: size.0, height: size.1)
            fig.axes.surface(Grid2D(x: -1...1, y: -1...1, nx: 30, ny: 30) { x, y in x > 0.5 ? .nan : x * y })
            fig.axes.line3D(xs: [-0.9, .nan, 0.2, 0.9, 3], ys: [-0.9, 0, 0.2, 0.9, 3], label: "path")
            fig.axes.scatter3D(xs: [.infinity, 0], ys: [0, 0], zs: [1, .nan])
            let canvas = try fig.makeImage()
            try canvas.checkStatus()
            let layout = fig.layout(measuringWith: canvas)
            #expect(PlotTestSupport.outside(layout.texts, frame: Rect(x: 0, y: 0, width: size.0, height: size.1)).isEmpty)
        }
        var empty = Figure(width: 300, height: 200)
        empty.axes.surface(Grid2D(x: 0...1, y: 0...1, nx: 5, ny: 5) { _, _ in .nan })
        try empty.makeImage().checkStatus()
        var nothing = Figure(width: 300, height: 200)
        nothing.axes.view3D = View3D()
        try nothing.makeImage().checkStatus()
        #expect(nothing.layout(measuringWith: try ImageCanvas(width: 300, height: 200)).panels[0].threeD != nil)
    }

    @Test func vectorOutputDrawsTheSameScene() throws {
        var fig = hillFigure()
        fig.axes.line3D(xs: [-0.8, 0.8], ys: [-0.7, -0.7], color: Self.red)
        for format in [VectorCanvas.Format.svg, .pdf] {
            let canvas = try VectorCanvas(format: format, width: fig.size.width, height: fig.size.height)
            fig.render(on: canvas)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("frameplot-3d-\(UUID().uuidString).out").path
            try canvas.write(to: path)
            let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            try? FileManager.default.removeItem(atPath: path)
            #expect(bytes > 1000)
        }
    }
}
