import Testing
import FrameplotCanvas
@testable import FrameplotPlot

/// An equal-aspect panel next to a free one gets the height it needs first; the free panel
/// keeps at least ``FigureGrid/minimumFreeShare`` of an even split and takes the rest.
@Suite struct MixedAspectLayoutTests {
    let measurer = RecordingCanvas(width: 8, height: 8)

    /// A square decision-region-like panel and a loss-curve panel, in that order or swapped.
    func figure(width: Double, height: Double, theme: Theme = .default, swapped: Bool = false) -> Figure {
        var fig = Figure(width: width, height: height, columns: 2, theme: theme)
        var square = Axes()
        square.x = AxisSpec(label: "$x_1$", limits: AxisLimits(lower: -4, upper: 4))
        square.y = AxisSpec(label: "$x_2$", limits: AxisLimits(lower: -4, upper: 4))
        square.aspect = .equal
        square.scatter(xs: [-1, 1], ys: [0, 1], label: "class 0")
        var curve = Axes()
        curve.x = AxisSpec(label: "step", limits: AxisLimits(lower: 0, upper: 1000))
        curve.y = AxisSpec(label: "loss (cross-entropy)", limits: AxisLimits(lower: 0, upper: 0.7))
        curve.line(xs: [0, 1000], ys: [0.7, 0.1])
        fig[0, swapped ? 1 : 0] = square
        fig[0, swapped ? 0 : 1] = curve
        return fig
    }

    /// The tallest the square's plot can be in this row: laid out alone in a very wide row.
    func tallest(height: Double, theme: Theme) -> Double {
        var wide = Figure(width: 8000, height: height, columns: 2, theme: theme)
        wide[0, 0] = figure(width: 800, height: height, theme: theme)[0, 0]
        var free = Axes()
        free.showsGrid = false
        wide[0, 1] = free
        return wide.layout(measuringWith: measurer).panels[0].plotRect.height
    }

    @Test(arguments: [(800.0, 600.0), (640.0, 480.0), (900.0, 450.0), (1280.0, 720.0), (1600.0, 600.0), (2400.0, 600.0)])
    func theSquareFillsTheRowOrTheFreePanelKeepsItsShare(size: (Double, Double)) {
        for swapped in [false, true] {
            let fig = figure(width: size.0, height: size.1, swapped: swapped)
            let layout = fig.layout(measuringWith: measurer)
            let square = layout.panels[swapped ? 1 : 0], curve = layout.panels[swapped ? 0 : 1]
            let label = "\(Int(size.0))x\(Int(size.1)) swapped \(swapped)"
            // Equal data units on both axes: a square plot.
            #expect(abs(square.plotRect.width - square.plotRect.height) < 0.01, "\(label)")
            // The free panel fills its cell's height (same top as the square's cell).
            #expect(abs(curve.cell.height - square.cell.height) < 1e-9 && curve.plotRect.height > 0.7 * curve.cell.height, "\(label)")
            // Cells tile the row.
            let gap = abs((swapped ? square.cell.minX - curve.cell.maxX : curve.cell.minX - square.cell.maxX))
            #expect(abs(square.cell.width + curve.cell.width + gap - size.0) < 0.5, "\(label)")
            let even = (size.0 - gap) / 2
            let fills = abs(square.plotRect.height - tallest(height: size.1, theme: fig.theme)) < 1
            let keepsShare = abs(curve.cell.width - even * FigureGrid.minimumFreeShare) < 0.5
            #expect(fills || keepsShare, "\(label): square \(square.plotRect), curve cell \(curve.cell)")
            // Never worse than the even split.
            #expect(square.cell.width >= even - 0.5 || fills, "\(label)")
            // No text leaves the figure or overlaps another.
            #expect(PlotTestSupport.overlaps(layout.texts).isEmpty, "\(label)")
            #expect(PlotTestSupport.outside(layout.texts, frame: Rect(origin: .zero, size: fig.size)).isEmpty, "\(label)")
        }
    }

    /// The logistic scene's case: at 800x600 the square panel used to get about half the height.
    @Test func theLogisticLayoutAt800x600UsesTwoThirdsOfTheHeight() {
        let layout = figure(width: 800, height: 600).layout(measuringWith: measurer)
        #expect(layout.panels[0].plotRect.height > 0.65 * 600, "\(layout.panels[0].plotRect)")
        #expect(layout.panels[1].plotRect.width > 200)
    }

    /// Rows of equal-aspect panels only (the gd-locus video) keep the even split.
    @Test func equalPanelsOnlyKeepEvenColumns() {
        var fig = Figure(width: 800, height: 400, columns: 2)
        for c in 0..<2 {
            var axes = Axes()
            axes.x = AxisSpec(label: "$a$", limits: AxisLimits(lower: -1, upper: 7))
            axes.y = AxisSpec(label: "$b$", limits: AxisLimits(lower: -1, upper: 7))
            axes.aspect = .equal
            fig[0, c] = axes
        }
        let layout = fig.layout(measuringWith: measurer)
        let (a, b) = (layout.panels[0], layout.panels[1])
        #expect(a.cell.width == b.cell.width)
        #expect(abs(a.plotRect.height - b.plotRect.height) < 1e-9 && abs(a.plotRect.width - a.plotRect.height) < 0.01)
        // Free panels only: even too.
        let free = PlotTestSupport.busyFigure(width: 800, height: 400).layout(measuringWith: measurer)
        #expect(free.panels[0].cell.width == free.panels[1].cell.width)
    }
}
