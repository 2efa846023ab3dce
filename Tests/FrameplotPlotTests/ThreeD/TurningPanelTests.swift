import Foundation
import Testing
import FrameplotCanvas
@testable import FrameplotPlot

/// A 3-D panel whose camera turns during an animation (`View3D.turn`): drawn whole per frame,
/// laid out for the figure's own camera, at one zoom for the whole turn.
@Suite("Turning 3-D panels")
struct TurningPanelTests {
    func figure(azimuth: Double = -60, turn: ClosedRange<Double>? = -60...30) -> Figure {
        var figure = Figure(width: 320, height: 260)
        figure.axes.view3D = View3D(camera: Camera3D(azimuth: azimuth, elevation: 30), turn: turn)
        figure.axes.surface(Grid2D(x: -1...1, y: -1...1, nx: 21, ny: 21) { x, y in x * x - y * y }, resolution: 20)
        return figure
    }

    func drawn(_ figure: Figure, layout: FigureLayout, _ layers: RenderLayers) throws -> ImageCanvas {
        let canvas = try ImageCanvas(width: 320, height: 260)
        canvas.clear(.white)
        figure.render(on: canvas, layout: layout, layers: layers)
        return canvas
    }

    @Test func aTurningPanelIsDrawnWholeInTheFrameLayerForItsOwnCamera() throws {
        let still = figure()
        let layout = still.layout(measuringWith: RecordingCanvas(width: 320, height: 260))
        // Nothing of it goes in the cached background: it is drawn with each frame.
        let background = RecordingCanvas(width: 320, height: 260)
        still.render(on: background, layout: layout, layers: .background)
        #expect(background.fills.count <= 2, "only the figure's background, not the mesh: \(background.fills.count) fills")
        let first = try drawn(still, layout: layout, .frame)
        #expect(first.snapshot().maximumDifference(from: try drawn(still, layout: layout, .all).snapshot()) == 0)
        // Another camera in the frame's figure: another picture, with the layout's zoom.
        let turned = try drawn(figure(azimuth: -15), layout: layout, .frame)
        #expect((first.snapshot().maximumDifference(from: turned.snapshot()) ?? 0) > 100)
        #expect(turned.snapshot().maximumDifference(from: try drawn(figure(azimuth: -15), layout: layout, .all).snapshot()) == 0)
    }

    @Test func theBoxKeepsOneSizeForTheWholeTurnAndFitsAtEveryAzimuth() throws {
        let canvas = RecordingCanvas(width: 320, height: 260)
        let layout = figure().layout(measuringWith: canvas)
        let threeD = try #require(layout.panels[0].threeD)
        let plot = layout.panels[0].plotRect
        for azimuth in stride(from: -60.0, through: 30, by: 10) {
            var axes = figure(azimuth: azimuth).axes
            axes.view3D?.camera = Camera3D(azimuth: azimuth, elevation: 30)
            let turned = Panel3DLayoutEngine(axes: axes, view: try #require(axes.view3D), cell: layout.panels[0].cell,
                                             style: PlotStyle(theme: .default, textScale: layout.textScale), canvas: canvas)
                .layout3D(turnedFrom: threeD, in: plot)
            #expect(turned.projection.zoom == threeD.projection.zoom)
            #expect(turned.projection.camera.azimuth == azimuth)
            let corners = turned.projection.corners.map(turned.projection.screen)
            for c in corners { #expect(plot.insetBy(dx: -1, dy: -1).contains(c), "azimuth \(azimuth): corner \(c) outside \(plot)") }
        }
        // Without a turn the box is zoomed for its one camera: at least as large.
        let stillZoom = try #require(figure(turn: nil).layout(measuringWith: canvas).panels[0].threeD?.projection.zoom)
        #expect(stillZoom >= threeD.projection.zoom)
    }
}
