import Testing
import FrameplotCanvas
@testable import FrameplotPlot

/// Captions (text with a background) sit on an opaque panel above every other mark of their
/// layer, inside the plot area: no line ever runs through them.
@Suite struct CaptionTests {
    func figure(width: Double = 400, height: Double = 300, theme: Theme = .default) -> Figure {
        var fig = Figure(width: width, height: height, theme: theme)
        fig.axes.x.limits = AxisLimits(lower: 0, upper: 10)
        fig.axes.y.limits = AxisLimits(lower: 0, upper: 10)
        fig.axes.showsGrid = false
        return fig
    }

    func caption(_ fig: inout Figure, layer: MarkLayer = .static) {
        fig.axes.text("step 5:  x = 5.1250   f(x) = 1.0078", axesFraction: DataPoint(x: 0.5, y: 0.97), anchor: .topCenter,
                      background: fig.theme.colors.axesFace.withAlpha(0.85), layer: layer)
    }

    /// The caption's panel rectangle, from the recorded drawing.
    func panel(_ fig: Figure) throws -> Rect {
        let canvas = RecordingCanvas(width: fig.size.width, height: fig.size.height)
        fig.render(on: canvas)
        let path = try #require(canvas.fills.last { $0.path.elements.contains { if case .arc = $0 { true } else { false } } }?.path)
        let points = path.elements.compactMap { e -> Point? in if case .line(let p) = e { p } else if case .move(let p) = e { p } else { nil } }
        let xs = points.map(\.x), ys = points.map(\.y)
        return Rect(x: xs.min() ?? 0, y: ys.min() ?? 0, width: (xs.max() ?? 0) - (xs.min() ?? 0), height: (ys.max() ?? 0) - (ys.min() ?? 0))
    }

    /// Caption before or after the line; the caption static (cached) or per frame.
    @Test(arguments: [(false, MarkLayer.dynamic), (true, .dynamic), (false, .static), (true, .static)])
    func aLineNeverShowsThroughTheCaption(captionFirst: Bool, captionLayer: MarkLayer) throws {
        for theme in [Theme.default, .dark] {
            var fig = figure(theme: theme)
            if captionFirst { caption(&fig, layer: captionLayer) }
            fig.axes.verticalLine(x: 5.0, color: .accent, width: 2, layer: .dynamic)
            if !captionFirst { caption(&fig, layer: captionLayer) }
            let canvas = try fig.makeImage()
            let box = try panel(fig)
            func reddish(_ p: RGBA8) -> Bool { Int(p.r) - Int(p.g) > 20 }
            // No pixel of the panel shows the red line (text and edge are greys).
            var red = 0
            for y in Int(box.minY.rounded(.up))..<Int(box.maxY) {
                for x in Int(box.minX.rounded(.up))..<Int(box.maxX) where reddish(canvas.pixel(x: x, y: y)) { red += 1 }
            }
            #expect(red == 0, "\(red) red pixels in the caption panel")
            // Below the panel the line shows.
            let x = Int(fig.layout(measuringWith: canvas).panels[0].transform.x.pixel(5)!)
            #expect((-1...1).contains { reddish(canvas.pixel(x: x + $0, y: Int(box.maxY) + 8)) })
        }
    }

    @Test func thePanelStaysInsideThePlotAndShrinksToFit() throws {
        var fig = figure()
        fig.axes.text("a long caption near the top edge of the plot", axesFraction: DataPoint(x: 0.5, y: 1.0),
                      anchor: .topCenter, background: .white)
        let plot = fig.layout(measuringWith: RecordingCanvas()).panels[0].plotRect
        let box = try panel(fig)
        #expect(plot.contains(box, tolerance: 0.01), "\(box) outside \(plot)")
        // A plot narrower than the caption: the caption shrinks to fit.
        var narrow = figure(width: 200, height: 200)
        narrow.axes.text("step 12:  x = 5.0002   f(x) = 1.0000   f′(x) = 0.0002", axesFraction: DataPoint(x: 0.5, y: 0.97),
                         anchor: .topCenter, background: .white)
        let narrowPlot = narrow.layout(measuringWith: RecordingCanvas()).panels[0].plotRect
        #expect(narrowPlot.contains(try panel(narrow), tolerance: 0.01))
    }

    @Test func aTranslucentBackgroundOnlyTintsAnOpaquePanel() throws {
        var fig = figure()
        caption(&fig)
        let canvas = RecordingCanvas(width: 400, height: 300)
        fig.render(on: canvas)
        let fill = try #require(canvas.fills.last { $0.path.elements.contains { if case .arc = $0 { true } else { false } } })
        #expect(fill.color.alpha == 1)
        #expect(TextMark(text: "x", position: .data(DataPoint(x: 0, y: 0)), anchor: .center, offset: .zero, size: nil,
                         color: nil, bold: false, rotation: 0, background: .white, layer: .static).isCaption)
    }

    /// The recorded caption text and its panel in a figure `width` × `height`.
    func narrowCaption(_ text: String, width: Double, height: Double) throws -> (RecordingCanvas.RecordedText, Rect, Rect) {
        var fig = figure(width: width, height: height)
        fig.axes.text(text, axesFraction: DataPoint(x: 0.97, y: 0.97), anchor: TextAnchor(.right, .top),
                      background: fig.theme.colors.axesFace.withAlpha(0.85))
        let canvas = RecordingCanvas(width: width, height: height)
        fig.render(on: canvas)
        let plot = fig.layout(measuringWith: RecordingCanvas()).panels[0].plotRect
        let drawn = try #require(canvas.texts.last)
        return (drawn, try panel(fig), plot)
    }

    @Test func aCaptionTooWideAtHalfSizeWrapsAtItsSeparators() throws {
        let parts = ["step 995", "loss 0.0306", "accuracy 100.0%"]
        let (drawn, box, plot) = try narrowCaption(parts.joined(separator: "   "), width: 130, height: 200)
        let fullSize = PlotStyle(theme: .default).annotation.size
        let lines = drawn.text.split(separator: "\n").map(String.init)
        #expect(lines.count >= 2, "\(drawn.text) not wrapped")
        // Every line is whole parts in their order: no part is broken.
        #expect(lines.flatMap { $0.components(separatedBy: "   ") } == parts)
        #expect(drawn.style.size >= fullSize / 2 - 1e-9)
        #expect(plot.contains(box, tolerance: 0.01), "\(box) outside \(plot)")
        #expect(drawn.metrics.logical.width + 0.8 * drawn.style.size <= plot.width)
    }

    @Test func aCaptionThatCannotWrapIsCutWithAnEllipsis() throws {
        let (drawn, box, plot) = try narrowCaption("learning-rate-schedule=cosine-with-restarts", width: 110, height: 200)
        #expect(drawn.text.hasSuffix("…"), "\(drawn.text)")
        #expect(drawn.text.count > 1)
        #expect(plot.contains(box, tolerance: 0.01), "\(box) outside \(plot)")
    }

    @Test func aCaptionThatFitsIsNotWrapped() throws {
        let (drawn, _, _) = try narrowCaption("step 995   loss 0.0306", width: 400, height: 300)
        #expect(drawn.text == "step 995   loss 0.0306")
        #expect(drawn.style.size == PlotStyle(theme: .default).annotation.size)
    }

    @Test func aCaptionTooNarrowEvenWrappedKeepsOnePartPerLineCutWithEllipses() throws {
        let (drawn, box, plot) = try narrowCaption("k = 200   w0 = -245.6700   w1 = 1.8207", width: 72, height: 200)
        let lines = drawn.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(drawn.text)")
        #expect(lines.first == "k = 200")
        #expect(lines.contains { $0.hasSuffix("…") }, "\(drawn.text)")
        #expect(plot.contains(box, tolerance: 0.01), "\(box) outside \(plot)")
    }
}
