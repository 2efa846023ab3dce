import Testing
import FrameplotCanvas
@testable import FrameplotPlot

/// Marks stack by stratum (regions, grid, lines, points, text), whatever order they were added
/// in and whatever the layer split for caching.
@Suite struct StackingTests {
    let red = Color(hex: 0xd62728), blue = Color(hex: 0x1f77b4), green = Color(hex: 0x2ca02c), yellow = Color(hex: 0xffdd00)

    func figure() -> Figure {
        var fig = Figure(width: 240, height: 180)
        fig.axes.x.limits = AxisLimits(lower: 0, upper: 10)
        fig.axes.y.limits = AxisLimits(lower: 0, upper: 10)
        fig.axes.legendPlacement = .hidden
        return fig
    }

    /// One static green point in the middle, no grid.
    func pointFigure() -> Figure {
        var fig = figure()
        fig.axes.showsGrid = false
        fig.axes.scatter(xs: [5], ys: [5], size: 24, color: green)
        return fig
    }

    func pixel(_ canvas: ImageCanvas, _ fig: Figure, x: Double, y: Double) -> RGBA8 {
        let p = fig.layout(measuringWith: canvas).panels[0].transform.point(x: x, y: y)
        return canvas.pixel(x: Int(p.x * canvas.scale), y: Int(p.y * canvas.scale))
    }

    /// Text, points, a line and a band added top-down still stack band < grid < line < points < text.
    @Test func strataOrderWhateverTheInsertionOrder() throws {
        var fig = figure()
        fig.axes.showsGrid = true
        fig.axes.text("M", at: DataPoint(x: 8, y: 5), size: 14, color: yellow, background: yellow)
        fig.axes.scatter(xs: [5], ys: [5], size: 24, color: green)
        fig.axes.line(xs: [0, 10], ys: [5, 5], color: blue, width: 8)
        fig.axes.horizontalSpan(y: 0...10, color: red, alpha: 1)
        let canvas = try fig.makeImage()
        #expect(pixel(canvas, fig, x: 5, y: 5) == RGBA8(green))            // points over the line
        #expect(pixel(canvas, fig, x: 3, y: 5) == RGBA8(blue))             // the line over the band
        #expect(pixel(canvas, fig, x: 8, y: 5) == RGBA8(yellow))           // text over the line
        #expect(pixel(canvas, fig, x: 3, y: 7) == RGBA8(red))              // the band alone
        #expect(pixel(canvas, fig, x: 4, y: 7) != RGBA8(red))              // a grid line over the band
    }

    /// Per-frame regions under static points: the static points go to the overlay, and the
    /// three layers drawn in turn give exactly the whole figure.
    @Test func perFrameRegionsSitUnderStaticPoints() throws {
        let base = pointFigure()
        var frame = base
        frame.beginFrame()
        frame.axes.horizontalSpan(y: 0...10, color: red, alpha: 1)               // no layer: argument
        frame.axes.text("step 3", at: DataPoint(x: 2, y: 2), color: .black)
        let perFrame = frame.axes.marks.indices.map { frame.axes.isFrameMark(at: $0) }
        #expect(perFrame == [false, true, true])

        let measuring = try ImageCanvas(width: base.size.width, height: base.size.height)
        let layout = frame.layout(measuringWith: measuring)
        let strata = layout.panels[0].frameStrata
        #expect(strata == .regions ... .text)
        // Points are between the per-frame strata: drawn with the frame, not cached.
        let parts = [RenderLayers.background, .frame, .overlay].map { base.drawsStaticContent(in: $0, layout: layout) }
        #expect(parts == [false, true, false])

        let whole = try ImageCanvas(width: base.size.width, height: base.size.height)
        frame.render(on: whole, layout: layout, layers: .all)
        #expect(pixel(whole, base, x: 5, y: 5) == RGBA8(green))
        #expect(pixel(whole, base, x: 8, y: 8) == RGBA8(red))

        let background = try ImageCanvas(width: base.size.width, height: base.size.height)
        base.render(on: background, layout: layout, layers: .background)
        #expect(pixel(background, base, x: 5, y: 5) == RGBA8(.white))         // not in the cache
        let split = try ImageCanvas(width: base.size.width, height: base.size.height)
        split.composite(background, at: .zero)
        frame.render(on: split, layout: layout, layers: .frame)
        base.render(on: split, layout: layout, layers: .overlay)
        let same = try split.pngData(options: .fast) == whole.pngData(options: .fast)
        #expect(same)
    }

    /// With per-frame regions and lines only, static points and text sit in the overlay.
    @Test func staticMarksAboveEveryFrameMarkGoToTheOverlay() throws {
        let base = pointFigure()
        var frame = base
        frame.beginFrame()
        frame.axes.horizontalSpan(y: 0...10, color: red, alpha: 1)
        frame.axes.line(xs: [0, 10], ys: [5, 5], color: blue, width: 8)
        let layout = frame.layout(measuringWith: try ImageCanvas(width: 240, height: 180))
        let strata = layout.panels[0].frameStrata
        #expect(strata == .regions ... .lines)
        let parts = [RenderLayers.background, .frame, .overlay].map { base.drawsStaticContent(in: $0, layout: layout) }
        #expect(parts == [false, false, true])

        let overlay = try ImageCanvas(width: 240, height: 180)   // transparent
        base.render(on: overlay, layout: layout, layers: .overlay)
        #expect(pixel(overlay, base, x: 5, y: 5) == RGBA8(green))
        #expect(pixel(overlay, base, x: 3, y: 8).a == 0)
    }

    @Test func removingFrameMarksEndsTheFrame() {
        var fig = figure()
        fig.axes.scatter(xs: [1], ys: [1])
        fig.beginFrame()
        fig.axes.line(xs: [0, 1], ys: [0, 1])
        fig.axes.text("t", at: DataPoint(x: 1, y: 1), layer: .static)   // still per frame: added after beginFrame
        let strata = fig.axes.frameStrata
        #expect(strata == .lines ... .text)
        fig.axes.removeMarks(in: .dynamic)
        let left = (fig.axes.marks.count, fig.axes.frameMarksStart, fig.axes.frameStrata)
        #expect(left.0 == 1 && left.1 == nil && left.2 == nil)
    }

    @Test func legendListsEachLabelAndStyleOnce() throws {
        var fig = figure()
        fig.axes.legendPlacement = .upperLeft
        fig.axes.scatter(xs: [1, 2], ys: [1, 2], color: blue, label: "data")
        for slope in [0.5, 1, 1.5] { fig.axes.straightLine(slope: slope, intercept: 0, color: .black, label: "fit") }
        fig.axes.straightLine(slope: 2, intercept: 0, color: red, label: "fit")      // another style: its own row
        let layout = fig.layout(measuringWith: try ImageCanvas(width: 240, height: 180))
        let labels = layout.panels[0].legend?.rows.map(\.entry.label)
        #expect(labels == ["data", "fit", "fit"])
        let entry = LegendEntry(label: "a", handle: .patch(fill: red, edge: nil))
        #expect(LegendEntry.unique([entry, entry]) == [entry])
    }

    /// A fit asks for `.fits`: over a dense cloud of 10,000 points it stays on top, static or
    /// per frame, while a plain line stays under the points.
    @Test func fitLinesAboveDenseClouds() throws {
        var fig = figure()
        fig.axes.showsGrid = false
        var xs: [Double] = [], ys: [Double] = []
        for i in 0..<100 { for j in 0..<100 { xs.append(Double(i) / 10); ys.append(Double(j) / 10) } }
        fig.axes.scatter(xs: xs, ys: ys, size: 6, color: green)
        var plain = fig
        plain.axes.straightLine(slope: 0, intercept: 5.05, color: blue, width: 4)
        #expect(pixel(try plain.makeImage(), plain, x: 5.05, y: 5.05) == RGBA8(green))
        var fitted = fig
        fitted.axes.straightLine(slope: 0, intercept: 5.05, color: blue, width: 4, stratum: .fits)
        fitted.axes.function(color: red, width: 4, stratum: .fits) { _ in 2.05 }
        let canvas = try fitted.makeImage()
        #expect(pixel(canvas, fitted, x: 5.05, y: 5.05) == RGBA8(blue))
        #expect(pixel(canvas, fitted, x: 5.05, y: 2.05) == RGBA8(red))
        // Per frame, over static points: the layers drawn in turn put the fit on top too.
        var frame = fig
        frame.beginFrame()
        frame.axes.straightLine(slope: 0, intercept: 5.05, color: blue, width: 4, stratum: .fits)
        let layout = frame.layout(measuringWith: try ImageCanvas(width: fig.size.width, height: fig.size.height))
        let layered = try ImageCanvas(width: fig.size.width, height: fig.size.height)
        fig.render(on: layered, layout: layout, layers: .background)
        frame.render(on: layered, layout: layout, layers: .frame)
        fig.render(on: layered, layout: layout, layers: .overlay)
        #expect(pixel(layered, fig, x: 5.05, y: 5.05) == RGBA8(blue))
    }
}
