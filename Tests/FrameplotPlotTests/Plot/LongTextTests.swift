import Foundation
import Testing
import FrameplotCanvas
@testable import FrameplotPlot

/// Titles and labels too long for the figure are cut with "…", never clipped by its edge
/// and never shrinking everything else.
@Suite("Layout: very long titles and labels")
struct LongTextTests {
    @Test func longTitleAndYLabelAreEllipsizedAndTheRestKeepsItsSize() throws {
        var fig = Figure(width: 800, height: 600)
        fig.axes.title = String(repeating: "A very long title that goes on and on ", count: 6)
        fig.axes.y.label = String(repeating: "y label long ", count: 20)
        fig.axes.x.label = "x"
        fig.axes.scatter(xs: [0, 1, 2], ys: [0, 1, 4])
        let canvas = try fig.makeImage()
        let layout = fig.layout(measuringWith: canvas)
        #expect(layout.textScale == 1)
        #expect(layout.fits)
        let frame = Rect(origin: .zero, size: layout.size)
        #expect(layout.texts.allSatisfy { frame.contains($0.bounds, tolerance: 0.01) })
        let texts = layout.panels[0].texts.map(\.text)
        #expect(texts.contains { $0.hasPrefix("A very long title") && $0.hasSuffix("…") }, "\(texts)")
        #expect(texts.contains { $0.hasPrefix("y label long") && $0.hasSuffix("…") }, "\(texts)")
        // A title that fits is left alone.
        var short = Figure(width: 800, height: 600)
        short.axes.title = "Height and weight"
        short.axes.scatter(xs: [0, 1], ys: [0, 1])
        let plain = short.layout(measuringWith: try short.makeImage())
        #expect(plain.panels[0].texts.map(\.text).contains("Height and weight"))
    }
}
