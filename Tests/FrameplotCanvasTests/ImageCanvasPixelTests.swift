import Testing
@testable import FrameplotCanvas

@Suite struct ImageCanvasPixelTests {
    @Test func filledRectangleHasExactColourAtCentre() throws {
        let canvas = try ImageCanvas(width: 40, height: 30)
        canvas.clear(.white)
        canvas.fill(.rect(Rect(x: 10, y: 5, width: 20, height: 20)), color: Color(r8: 31, g8: 119, b8: 180))
        #expect(canvas.pixel(x: 20, y: 15) == RGBA8(r: 31, g: 119, b: 180))
        #expect(canvas.pixel(x: 2, y: 2) == RGBA8(r: 255, g: 255, b: 255))
    }

    @Test func halfAlphaBlendsOverWhite() throws {
        let canvas = try ImageCanvas(width: 20, height: 20)
        canvas.clear(.white)
        canvas.fill(.rect(Rect(x: 0, y: 0, width: 20, height: 20)), color: Color(red: 0, green: 0, blue: 1, alpha: 0.5))
        let p = canvas.pixel(x: 10, y: 10)
        #expect(abs(Int(p.r) - 128) <= 1 && abs(Int(p.g) - 128) <= 1 && p.b == 255 && p.a == 255)
    }

    @Test func clipKeepsPaintOut() throws {
        let canvas = try ImageCanvas(width: 40, height: 40)
        canvas.clear(.white)
        canvas.withSavedState {
            canvas.clip(to: .rect(Rect(x: 0, y: 0, width: 20, height: 40)))
            canvas.fill(.rect(Rect(x: 0, y: 0, width: 40, height: 40)), color: .black)
        }
        #expect(canvas.pixel(x: 10, y: 20) == RGBA8(r: 0, g: 0, b: 0))
        #expect(canvas.pixel(x: 30, y: 20) == RGBA8(r: 255, g: 255, b: 255))
        // The clip ended with its scope.
        canvas.fill(.rect(Rect(x: 30, y: 0, width: 10, height: 40)), color: .black)
        #expect(canvas.pixel(x: 35, y: 20) == RGBA8(r: 0, g: 0, b: 0))
    }

    @Test func scaleTwoDoublesThePixelSize() throws {
        let one = try ImageCanvas(width: 30, height: 20, scale: 1)
        let two = try ImageCanvas(width: 30, height: 20, scale: 2)
        #expect(two.pixelWidth == 2 * one.pixelWidth && two.pixelHeight == 2 * one.pixelHeight)
        for canvas in [one, two] {
            canvas.clear(.white)
            canvas.fill(.rect(Rect(x: 10, y: 5, width: 10, height: 10)), color: .black)
        }
        // The square covers x 10..<20 at scale 1 and 20..<40 at scale 2.
        #expect(one.pixel(x: 10, y: 5).r == 0 && one.pixel(x: 9, y: 5).r == 255 && one.pixel(x: 20, y: 5).r == 255)
        #expect(two.pixel(x: 20, y: 10).r == 0 && two.pixel(x: 39, y: 29).r == 0)
        #expect(two.pixel(x: 19, y: 10).r == 255 && two.pixel(x: 40, y: 10).r == 255)
    }

    @Test func translateAndRotateMoveLaterDrawing() throws {
        let canvas = try ImageCanvas(width: 40, height: 40)
        canvas.clear(.white)
        canvas.withSavedState {
            canvas.translate(dx: 20, dy: 20)
            canvas.rotate(radians: Double.pi / 2)   // x axis now points down
            canvas.fill(.rect(Rect(x: 5, y: -2, width: 10, height: 4)), color: .black)
        }
        #expect(canvas.pixel(x: 20, y: 30).r == 0)
        #expect(canvas.pixel(x: 30, y: 20).r == 255)
    }

    @Test func dashedStrokeLeavesGaps() throws {
        let canvas = try ImageCanvas(width: 40, height: 10)
        canvas.clear(.white)
        canvas.stroke(.segment(Point(x: 0, y: 5), Point(x: 40, y: 5)),
                      style: StrokeStyle(color: .black, width: 4, cap: .butt, dash: [10, 10]))
        #expect(canvas.pixel(x: 5, y: 5).r == 0)
        #expect(canvas.pixel(x: 15, y: 5).r == 255)
        #expect(canvas.pixel(x: 25, y: 5).r == 0)
    }

    @Test func invalidInputDoesNotPoisonTheCanvas() throws {
        let canvas = try ImageCanvas(width: 20, height: 20)
        canvas.clear(.white)
        canvas.stroke(.segment(Point(x: 0, y: 0), Point(x: .nan, y: 3)), style: StrokeStyle(color: .black, dash: [-1, 0]))
        canvas.translate(dx: .infinity, dy: 0)
        canvas.rotate(radians: .nan)
        canvas.fill(.rect(Rect(x: 5, y: 5, width: 10, height: 10)), color: .black)
        #expect(canvas.pixel(x: 10, y: 10).r == 0)
        try canvas.checkStatus()
    }

    @Test func rasterIsDrawnNearestOrBilinear() throws {
        var image = RasterImage(width: 2, height: 1)
        image[0, 0] = RGBA8(r: 255, g: 0, b: 0)
        image[1, 0] = RGBA8(r: 0, g: 0, b: 255)
        let nearest = try ImageCanvas(width: 100, height: 10)
        nearest.draw(image, in: Rect(x: 0, y: 0, width: 100, height: 10), interpolation: .nearest)
        #expect(nearest.pixel(x: 40, y: 5) == RGBA8(r: 255, g: 0, b: 0))
        #expect(nearest.pixel(x: 60, y: 5) == RGBA8(r: 0, g: 0, b: 255))
        #expect(nearest.pixel(x: 0, y: 5) == RGBA8(r: 255, g: 0, b: 0))   // edge stays opaque
        let bilinear = try ImageCanvas(width: 100, height: 10)
        bilinear.draw(image, in: Rect(x: 0, y: 0, width: 100, height: 10), interpolation: .bilinear)
        let mid = bilinear.pixel(x: 50, y: 5)
        #expect(mid.r > 90 && mid.r < 165 && mid.b > 90 && mid.b < 165 && mid.a == 255)
        #expect(bilinear.pixel(x: 0, y: 5) == RGBA8(r: 255, g: 0, b: 0))
    }

    @Test func compositePlacesALayer() throws {
        let layer = try ImageCanvas(width: 10, height: 10, scale: 2)
        layer.clear(Color(r8: 0, g8: 200, b8: 0))
        let frame = try ImageCanvas(width: 40, height: 40, scale: 2)
        frame.clear(.white)
        frame.composite(layer, at: Point(x: 20, y: 20))
        #expect(frame.pixel(x: 50, y: 50) == RGBA8(r: 0, g: 200, b: 0))
        #expect(frame.pixel(x: 30, y: 30) == RGBA8(r: 255, g: 255, b: 255))
        #expect(frame.pixel(x: 61, y: 50) == RGBA8(r: 255, g: 255, b: 255))
    }

    @Test func bgraBytesOfAnOpaqueFrameAreBlueGreenRedAlpha() throws {
        let canvas = try ImageCanvas(width: 4, height: 2)
        canvas.clear(Color(r8: 10, g8: 20, b8: 30))
        canvas.withUnsafeBGRABytes { bytes, stride in
            #expect(stride >= 16 && bytes.count == stride * 2)
            #expect(Array(bytes.prefix(4)) == [30, 20, 10, 255])
        }
        #expect(canvas.pixel(x: 4, y: 0) == RGBA8(r: 0, g: 0, b: 0, a: 0))
    }
}
