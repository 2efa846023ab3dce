import Foundation
import Testing
import FrameplotCanvas
@testable import FrameplotPlot

/// A point of a line with no neighbour on either side has no segment to show it: it gets a
/// round marker, so a one-point validation loss is never invisible.
@Suite("Lines: isolated points are drawn")
struct IsolatedPointTests {
    func pixel(_ canvas: ImageCanvas, at p: Point) -> RGBA8 {
        canvas.pixel(x: Int(p.x * canvas.scale), y: Int(p.y * canvas.scale))
    }

    @Test func onePointSeriesAndPointsBetweenGapsAreVisible() throws {
        var fig = Figure(width: 200, height: 150)
        fig.axes.x.limits = AxisLimits(lower: 0, upper: 10)
        fig.axes.y.limits = AxisLimits(lower: 0, upper: 10)
        fig.axes.showsGrid = false
        let blue = Color(hex: 0x0072b2), orange = Color(hex: 0xd55e00)
        fig.axes.line(xs: [3], ys: [7], color: blue, width: 1.5)
        // NaN on both sides of (6, 3): no segment reaches it; (1, 1)–(2, 2) stays a plain line.
        fig.axes.line(xs: [1, 2, 4, 6, 8, 9], ys: [1, 2, .nan, 3, .nan, 9], color: orange, width: 1.5)
        let canvas = try fig.makeImage()
        let t = fig.layout(measuringWith: canvas).panels[0].transform
        #expect(pixel(canvas, at: t.point(x: 3, y: 7)) == RGBA8(blue))
        #expect(pixel(canvas, at: t.point(x: 6, y: 3)) == RGBA8(orange))
        #expect(pixel(canvas, at: t.point(x: 9, y: 9)) == RGBA8(orange))
        // A point with a neighbour gets no marker: just off the line's end is background.
        let end = t.point(x: 1, y: 1)
        #expect(pixel(canvas, at: Point(x: end.x - 3, y: end.y + 3)) == RGBA8(.white))
    }
}
