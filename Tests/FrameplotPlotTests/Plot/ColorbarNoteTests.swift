import Testing
import FrameplotCanvas
@testable import FrameplotPlot

/// A colorbar keeps the multiplier or offset of its tick labels, like the axes do.
struct ColorbarNoteTests {
    private func layout(values: ClosedRange<Double>, surface: Bool = false) throws -> FigureLayout {
        var fig = Figure(width: 420, height: 320)
        fig.axes.title = "f(x, y) near a million"
        fig.axes.x.label = "x"; fig.axes.y.label = "y"
        // y near a million too: its note and the colorbar's share the room above the plot.
        let grid = Grid2D(x: 0...1, y: 1_000_000...1_000_002, nx: 20, ny: 20) { x, _ in
            values.lowerBound + x * (values.upperBound - values.lowerBound)
        }
        if surface {
            fig.axes.view3D = View3D(camera: Camera3D(azimuth: -60, elevation: 30), z: AxisSpec(label: "f"))
            fig.axes.surface(grid, colorbarLabel: "f")
        } else {
            fig.axes.heatmap(grid, norm: ColorNorm(kind: .linear, vmin: values.lowerBound, vmax: values.upperBound), colorbarLabel: "f")
        }
        return fig.layout(measuringWith: try ImageCanvas(width: 420, height: 320))
    }

    @Test(arguments: [(1_000_000.0...1_000_005.0, "+10<sup>6</sup>"), (0.0...0.000_005, "×10<sup>−6</sup>")])
    func colorbarTicksKeepTheirNote(values: ClosedRange<Double>, note: String) throws {
        let layout = try layout(values: values)
        let colorbar = try #require(layout.panels[0].colorbar)
        #expect(colorbar.note?.text == note, "\(colorbar.texts.map(\.text))")
        let bar = colorbar.bar
        // Above the bar, not beside the plot's own y note.
        #expect((colorbar.note?.bounds.maxY ?? .infinity) <= bar.minY)
        #expect(PlotTestSupport.overlaps(layout.texts).isEmpty, "\(PlotTestSupport.overlaps(layout.texts))")
        #expect(PlotTestSupport.outside(layout.texts, frame: Rect(x: 0, y: 0, width: 420, height: 320)).isEmpty)
    }

    @Test func aThreeDPanelsColorbarKeepsItsNote() throws {
        let layout = try layout(values: 1_000_000...1_000_005, surface: true)
        let colorbar = try #require(layout.panels[0].colorbar)
        #expect(colorbar.note?.text == "+10<sup>6</sup>")
        #expect(PlotTestSupport.overlaps(layout.texts).isEmpty, "\(PlotTestSupport.overlaps(layout.texts))")
    }

    @Test func aPlainColorbarHasNoNote() throws {
        #expect(try layout(values: 0...5).panels[0].colorbar?.note == nil)
    }
}
