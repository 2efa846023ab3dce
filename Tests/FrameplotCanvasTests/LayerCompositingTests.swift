import Foundation
import Testing
@testable import FrameplotCanvas

/// Compositing a cached layer only where it holds pixels, and copying an opaque one, give
/// exactly the pixels of compositing it whole.
@Suite struct LayerCompositingTests {
    /// A base with colour everywhere (so a wrongly touched pixel shows).
    func base(scale: Double) throws -> ImageCanvas {
        let canvas = try ImageCanvas(width: 150, height: 100, scale: scale)
        var ramp = RasterImage(width: 16, height: 8)
        for y in 0..<8 { for x in 0..<16 { ramp[x, y] = RGBA8(r: UInt8(x * 16), g: UInt8(y * 30), b: 120) } }
        canvas.draw(ramp, in: Rect(x: 0, y: 0, width: 150, height: 100), interpolation: .bilinear)
        return canvas
    }

    /// A transparent layer with scattered translucent markers, a thin frame line and text.
    func overlay(scale: Double) throws -> ImageCanvas {
        let layer = try ImageCanvas(width: 150, height: 100, scale: scale)
        for (i, p) in [(12.3, 17.1), (80.5, 40.25), (131, 88), (33, 70.7)].enumerated() {
            layer.fill(.circle(center: Point(x: p.0, y: p.1), radius: 3), color: Color(red: 0.2, green: 0.4, blue: Double(i) / 4, alpha: 0.7))
        }
        layer.stroke(.segment(Point(x: 0, y: 99.5), Point(x: 150, y: 99.5)), style: StrokeStyle(color: .black, width: 1))
        layer.drawText("凡例 w₀", at: Point(x: 100, y: 8), style: TextStyle(size: 9), anchor: .topCenter)
        return layer
    }

    @Test("only the covered boxes composited: the same pixels as the whole layer", arguments: [1.0, 1.5, 2, 0.75])
    func coverageCompositeIsExact(scale: Double) throws {
        let layer = try overlay(scale: scale)
        let coverage = layer.coverage()
        #expect(!coverage.boxes.isEmpty && coverage.coveredFraction < 0.5)
        let whole = try base(scale: scale), sparse = try base(scale: scale)
        whole.composite(layer, at: .zero)
        sparse.composite(layer, within: coverage)
        #expect(sparse.snapshot().maximumDifference(from: whole.snapshot()) == 0)
        // Every pixel holding anything lies in a box.
        let pixels = layer.snapshot()
        for y in 0..<pixels.height {
            for x in 0..<pixels.width where pixels[x, y].a != 0 {
                #expect(coverage.boxes.contains { x >= $0.x && x < $0.x + $0.width && y >= $0.y && y < $0.y + $0.height })
            }
        }
    }

    @Test("an empty layer has no boxes and leaves the frame as it was; a stale coverage of another size composites all")
    func emptyAndMismatchedCoverage() throws {
        let empty = try ImageCanvas(width: 150, height: 100)
        #expect(empty.coverage().boxes.isEmpty)
        let frame = try base(scale: 1), untouched = try base(scale: 1)
        frame.composite(empty, within: empty.coverage())
        #expect(frame.snapshot().maximumDifference(from: untouched.snapshot()) == 0)

        let layer = try overlay(scale: 1)
        let other = try ImageCanvas(width: 20, height: 20).coverage()
        let whole = try base(scale: 1)
        whole.composite(layer, at: .zero)
        frame.composite(layer, within: other)
        #expect(frame.snapshot().maximumDifference(from: whole.snapshot()) == 0)
    }

    @Test("copying an opaque layer equals clearing to white and compositing it; other sizes are refused")
    func copyPixels() throws {
        for scale in [1.0, 1.5] {
            let layer = try base(scale: scale)
            let composited = try ImageCanvas(width: 150, height: 100, scale: scale)
            composited.clear(.white)
            composited.composite(layer, at: .zero)
            let copied = try overlay(scale: scale)      // anything drawn before is replaced
            try copied.copyPixels(from: layer)
            #expect(copied.snapshot().maximumDifference(from: composited.snapshot()) == 0)
            // Drawing after the copy works on the copied pixels.
            copied.fill(.rect(Rect(x: 0, y: 0, width: 10, height: 10)), color: .black)
            #expect(copied.pixel(x: 2, y: 2) == RGBA8(r: 0, g: 0, b: 0))
            #expect(layer.pixel(x: 2, y: 2) != RGBA8(r: 0, g: 0, b: 0))
        }
        let small = try ImageCanvas(width: 10, height: 10)
        #expect(throws: CanvasError.self) { try small.copyPixels(from: try base(scale: 1)) }
    }
}
