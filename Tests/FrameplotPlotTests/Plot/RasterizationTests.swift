import Foundation
import FrameplotCanvas
import Testing
@testable import FrameplotPlot

@Suite("Dense marks rasterized in PDF and SVG")
struct RasterizationTests {
    func cloud(_ count: Int) -> (xs: [Double], ys: [Double]) {
        var random = SplitMix64(seed: 5)
        let xs = (0..<count).map { _ in random.nextUniform() * 10 }
        return (xs, xs.map { $0 * 0.5 + random.nextUniform() * 3 })
    }

    func figure(points: Int, figureSetting: Rasterization = .automatic, markSetting: Rasterization? = nil,
                scale: Double = 1, line: Bool = false) -> Figure {
        let (xs, ys) = cloud(points)
        var fig = Figure(width: 320, height: 220, scale: scale)
        fig.rasterization = figureSetting
        fig.axes.title = "dense"
        fig.axes.showsGrid = false
        if line {
            fig.axes.line(xs: xs.sorted(), ys: ys, marker: .circle, markerSize: 2, label: "line", rasterization: markSetting)
        } else {
            fig.axes.scatter(xs: xs, ys: ys, size: 3, alpha: 0.5, label: "points", rasterization: markSetting)
        }
        return fig
    }

    func record(_ fig: Figure) -> (composites: [(size: Size, origin: Point)], markers: Int) {
        let recorder = RecordingCanvas(width: fig.size.width, height: fig.size.height)
        fig.render(on: recorder)
        var composites: [(size: Size, origin: Point)] = [], markers = 0
        for op in recorder.operations {
            if case let .composite(size, origin) = op { composites.append((size, origin)) }
            if case let .fill(path, _, _) = op, path.elements.count == 3 { markers += 1 }   // a circle: move, arc, close
        }
        return (composites, markers)
    }

    @Test("automatic: above the threshold one image, below it every point a vector")
    func automaticThreshold() {
        let dense = record(figure(points: Rasterization.automaticThreshold + 1))
        #expect(dense.composites.count == 1 && dense.markers <= 1)    // the legend's handle may be a circle
        let sparse = record(figure(points: 2_000))
        #expect(sparse.composites.isEmpty && sparse.markers >= 2_000)
    }

    @Test("the figure's setting applies, and a mark's own setting wins")
    func settingsCombine() {
        #expect(record(figure(points: 12_000, figureSetting: .never)).composites.isEmpty)
        #expect(record(figure(points: 50, figureSetting: .always)).composites.count == 1)
        #expect(record(figure(points: 50, figureSetting: .never, markSetting: .always)).composites.count == 1)
        #expect(record(figure(points: 12_000, figureSetting: .always, markSetting: .never)).composites.isEmpty)
        // Lines count their markers (or reduced vertices).
        #expect(record(figure(points: 12_000, line: true)).composites.count == 1)
        #expect(record(figure(points: 2_000, line: true)).composites.isEmpty)
    }

    @Test("the image covers the plot area on whole device pixels", arguments: [1.0, 2.0, 1.5])
    func placedOnThePixelGrid(scale: Double) throws {
        let fig = figure(points: 12_000, scale: scale)
        let recorder = RecordingCanvas(width: fig.size.width, height: fig.size.height)
        let plot = fig.layout(measuringWith: recorder).panels[0].plotRect
        let image = try #require(record(fig).composites.first)
        for v in [image.origin.x, image.origin.y, image.size.width, image.size.height] {
            #expect(abs(v * scale - (v * scale).rounded()) < 1e-9)
        }
        #expect(image.origin.x <= plot.minX && image.origin.y <= plot.minY)
        #expect(image.origin.x + image.size.width >= plot.maxX && image.origin.y + image.size.height >= plot.maxY)
        #expect(image.size.width - plot.width < 2 / scale + 1e-9 && image.size.height - plot.height < 2 / scale + 1e-9)
    }

    @Test("the embedded image shows exactly what the PNG shows", arguments: [1.0, 2.0])
    func matchesThePNG(scale: Double) throws {
        let fig = figure(points: 12_000, scale: scale)
        let png = try fig.makeImage()
        // A canvas that is not an ImageCanvas (so marks take the vector path) drawing into pixels.
        let page = try PixelPage(width: fig.size.width, height: fig.size.height, scale: scale)
        fig.render(on: page)
        #expect(page.composites == 1)
        let plot = fig.layout(measuringWith: png).panels[0].plotRect
        var worst = 0
        for y in Int((plot.minY + 2) * scale)..<Int((plot.maxY - 2) * scale) {
            for x in Int((plot.minX + 2) * scale)..<Int((plot.maxX - 2) * scale) {
                let a = png.pixel(x: x, y: y), b = page.image.pixel(x: x, y: y)
                worst = max(worst, abs(Int(a.r) - Int(b.r)), abs(Int(a.g) - Int(b.g)), abs(Int(a.b) - Int(b.b)))
            }
        }
        #expect(worst <= 2)
    }

    @Test("PDF and SVG with images are byte-identical across renders and small", arguments: VectorCanvas.Format.allCases)
    func deterministicAndSmall(format: VectorCanvas.Format) throws {
        func render(_ fig: Figure) throws -> [UInt8] {
            let page = try VectorCanvas(format: format, width: fig.size.width, height: fig.size.height)
            fig.render(on: page)
            return try page.data()
        }
        let fig = figure(points: 12_000, scale: 2)
        let first = try render(fig)
        #expect(try render(fig) == first)
        var vectors = fig
        vectors.rasterization = .never
        let large = try render(vectors)
        #expect(first.count * 3 < large.count)
        // The image is really there.
        let text = String(decoding: first, as: UTF8.self)
        #expect(format == .pdf ? text.contains("/Subtype /Image") : text.contains("<image"))
    }
}

/// A canvas that is not an ``ImageCanvas`` (marks treat it as a vector page) but draws into one.
private final class PixelPage: Canvas {
    let image: ImageCanvas
    private(set) var composites = 0
    init(width: Double, height: Double, scale: Double) throws {
        image = try ImageCanvas(width: width, height: height, scale: scale)
    }
    var size: Size { image.size }
    func clear(_ color: Color) { image.clear(color) }
    func fill(_ path: Path, color: Color, rule: FillRule) { image.fill(path, color: color, rule: rule) }
    func stroke(_ path: Path, style: StrokeStyle) { image.stroke(path, style: style) }
    func withSavedState<T>(_ body: () throws -> T) rethrows -> T { try image.withSavedState(body) }
    func clip(to path: Path) { image.clip(to: path) }
    func translate(dx: Double, dy: Double) { image.translate(dx: dx, dy: dy) }
    func rotate(radians: Double) { image.rotate(radians: radians) }
    func draw(_ raster: RasterImage, in rect: Rect, interpolation: Interpolation) { image.draw(raster, in: rect, interpolation: interpolation) }
    func composite(_ layer: ImageCanvas, at origin: Point) { composites += 1; image.composite(layer, at: origin) }
    func drawText(_ text: String, at point: Point, style: TextStyle, anchor: TextAnchor, rotation: Double) {
        image.drawText(text, at: point, style: style, anchor: anchor, rotation: rotation)
    }
    func measureText(_ text: String, style: TextStyle) -> TextMetrics { image.measureText(text, style: style) }
}
