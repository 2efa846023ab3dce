import Testing
import FrameplotCanvas
@testable import FrameplotPlot

/// Marks, lines and captions follow the same scale as the fonts: the theme's (slides are half
/// as large again) and the figure's (grown past the theme's reference size, shrunk when crowded).
@Suite struct ScalingTests {
    /// What a figure's drawing measures: marker radius, explicit and default line widths,
    /// spine width, tick-label size, caption size and padding.
    struct Measured {
        var markerRadius = 0.0, explicitWidth = 0.0, defaultWidth = 0.0, spineWidth = 0.0, tickFont = 0.0
        var captionFont = 0.0, captionPanelHeight = 0.0
    }

    static let red = Color(hex: 0xaa0000), green = Color(hex: 0x006600)

    func measure(_ theme: Theme, width: Double, height: Double) -> (Measured, FigureLayout) {
        var fig = Figure(width: width, height: height, theme: theme)
        fig.axes.x.limits = AxisLimits(lower: 0, upper: 10)
        fig.axes.y.limits = AxisLimits(lower: 0, upper: 10)
        fig.axes.x.label = "iterations"
        fig.axes.y.label = "loss"
        fig.axes.title = "learning curve"
        fig.axes.scatter(xs: [5], ys: [5], color: .black)
        fig.axes.line(xs: [0, 10], ys: [2, 3], color: Self.red, width: 2)
        fig.axes.line(xs: [0, 10], ys: [7, 8], color: Self.green)
        fig.axes.text("caption", axesFraction: DataPoint(x: 0.5, y: 0.95), anchor: .topCenter, background: .white)
        let canvas = RecordingCanvas(width: width, height: height)
        let layout = fig.layout(measuringWith: canvas)
        fig.render(on: canvas, layout: layout, layers: .all)
        var m = Measured()
        for (path, color) in canvas.fills where color == .black {
            for case let .arc(_, radius, _, _, _) in path.elements { m.markerRadius = radius }
        }
        for (path, style) in canvas.strokes {
            if style.color == Self.red { m.explicitWidth = style.width }
            if style.color == Self.green { m.defaultWidth = style.width }
            if style.color == theme.colors.spine, path.elements.count == 5 { m.spineWidth = style.width }
        }
        m.tickFont = canvas.texts.first { $0.text == "0" }?.style.size ?? 0
        if let caption = canvas.texts.first(where: { $0.text == "caption" }) {
            m.captionFont = caption.style.size
            // The panel is the fill just before the caption text.
            let fills = canvas.fills.filter { $0.color == .white && $0.path.elements.count > 5 }
            if let panel = fills.last?.path.elements {
                let ys = panel.compactMap { e -> Double? in if case .line(let p) = e { return p.y } else { return nil } }
                m.captionPanelHeight = (ys.max() ?? 0) - (ys.min() ?? 0)
            }
        }
        return (m, layout)
    }

    func expectRatio(_ a: Measured, _ b: Measured, _ k: Double, _ what: String) {
        let pairs: [(String, Double, Double)] = [
            ("marker", a.markerRadius, b.markerRadius), ("explicit width", a.explicitWidth, b.explicitWidth),
            ("spine", a.spineWidth, b.spineWidth), ("tick font", a.tickFont, b.tickFont),
            ("caption font", a.captionFont, b.captionFont), ("caption panel", a.captionPanelHeight, b.captionPanelHeight),
        ]
        for (name, x, y) in pairs {
            #expect(x > 0 && abs(y / x - k) < 0.02 * k, "\(what): \(name) \(x) -> \(y), expected ×\(k)")
        }
    }

    @Test func slidesScaleMarksWithTheFonts() {
        let (base, baseLayout) = measure(.default, width: 800, height: 600)
        #expect(baseLayout.textScale == 1)
        #expect(base.markerRadius == Theme.default.markerSize / 2 && base.explicitWidth == 2 && base.defaultWidth == 2)
        let (slides, slidesLayout) = measure(.slides, width: 1280, height: 720)
        #expect(slidesLayout.textScale == 1)
        expectRatio(base, slides, 1.5, "slides at 1280x720")
        #expect(slides.defaultWidth == Theme.slides.lines.data)
    }

    @Test func largerFiguresGrowEverySize() {
        let (slides, _) = measure(.slides, width: 1280, height: 720)
        let (big, layout) = measure(.slides, width: 1920, height: 1080)
        #expect(abs(layout.textScale - 1.5) < 1e-12)
        expectRatio(slides, big, 1.5, "slides at 1920x1080")
        let (base, _) = measure(.default, width: 800, height: 600)
        let (double, doubleLayout) = measure(.default, width: 1600, height: 1200)
        #expect(doubleLayout.textScale == 2)
        expectRatio(base, double, 2, "default at 1600x1200")
        // The smaller ratio decides: 1600x600 is not taller than the reference.
        #expect(measure(.default, width: 1600, height: 600).1.textScale == 1)
        // Device scale changes pixels, not the look; the dpi initialiser keeps sizes in points.
        #expect(Figure(pixelWidth: 1920, pixelHeight: 1080, dpi: 172.8).layout(measuringWith: RecordingCanvas()).textScale == 1)
        // A theme without a reference size never grows.
        var fixed = Theme.default
        fixed.referenceSize = nil
        #expect(measure(fixed, width: 1600, height: 1200).1.textScale == 1)
    }

    @Test func crowdedFiguresShrinkMarksWithTheText() {
        let (base, _) = measure(.slides, width: 1280, height: 720)
        let (small, layout) = measure(.slides, width: 180, height: 135)
        #expect(layout.textScale < 1)
        expectRatio(base, small, layout.textScale, "slides at 200x150")
    }

    @Test func scaledThemesKeepTheirLookAtScaledSizes() {
        let t = Theme.default.scaled(by: 2)
        #expect(t.sizeScale == 2 && t.referenceSize == Size(width: 1600, height: 1200))
        #expect(t.colors == Theme.default.colors)
        #expect(Theme.default.length(3, default: 9) == 3 && t.length(3, default: 9) == 6 && t.length(nil, default: 9) == 9)
        #expect(t.dash([4, 2]) == [8, 4])
    }
}
