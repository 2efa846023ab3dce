import Foundation
import Testing
import FrameplotCanvas
@testable import FrameplotPlot

/// Legend rows whose text changes per frame: one row per key, room for the widest text, the
/// text drawn in its own layer from the figure being drawn.
@Suite("Keyed legend entries")
struct KeyedLegendTests {
    static let red = Color(hex: 0xd62728)

    func figure(labels: [String], key: String? = "adam") -> Figure {
        var figure = Figure(width: 320, height: 240)
        figure.axes.x.limits = AxisLimits(lower: 0, upper: 1)
        figure.axes.y.limits = AxisLimits(lower: 0, upper: 1)
        figure.axes.legendPlacement = .lowerRight
        for label in labels {
            figure.axes.line(xs: [0, 1], ys: [0.8, 0.8], color: Self.red, label: label, legendKey: key)
        }
        return figure
    }

    @Test func entriesWithOneKeyAndHandleAreOneRow() {
        let line = LegendEntry.Handle.line(StrokeStyle(color: Self.red))
        let other = LegendEntry.Handle.line(StrokeStyle(color: .black))
        let entries = [LegendEntry(label: "Adam 1", handle: line, key: "adam"), LegendEntry(label: "Adam 2", handle: line, key: "adam"),
                       LegendEntry(label: "Adam 3", handle: other, key: "adam"), LegendEntry(label: "adam", handle: line)]
        #expect(LegendEntry.unique(entries).map(\.label) == ["Adam 1", "Adam 3", "adam"])
    }

    @Test func theRowHasRoomForItsWidestTextWhereverItComes() throws {
        let canvas = try ImageCanvas(width: 320, height: 240)
        let narrow = figure(labels: ["Adam 1"]).layout(measuringWith: canvas)
        let wide = figure(labels: ["Adam 1", "Adam 1.234567e-03 (diverged)", "Adam 2"]).layout(measuringWith: canvas)
        let rows = try #require(wide.panels[0].legend?.rows)
        #expect(rows.count == 1)
        #expect(rows[0].entry.label == "Adam 1.234567e-03 (diverged)")
        let narrowBox = try #require(narrow.panels[0].legend?.box), wideBox = try #require(wide.panels[0].legend?.box)
        #expect(wideBox.width > narrowBox.width + 40)
        #expect(rows[0].label.bounds.maxX <= wideBox.maxX)
    }

    @Test func theTextIsDrawnInTheFrameLegendLayerFromTheFigureBeingDrawn() throws {
        let sizing = figure(labels: ["Adam 1", "Adam 1.234567e-03"])
        let layout = sizing.layout(measuringWith: RecordingCanvas(width: 320, height: 240))
        let frame = figure(labels: ["Adam 2"])
        let overlay = RecordingCanvas(width: 320, height: 240)
        frame.render(on: overlay, layout: layout, layers: .overlay)
        #expect(!overlay.texts.contains { $0.text.contains("Adam") }, "the overlay (cached) has no keyed text")
        let texts = RecordingCanvas(width: 320, height: 240)
        frame.render(on: texts, layout: layout, layers: .frameLegend)
        #expect(texts.texts.map(\.text) == ["Adam 2"])
        let row = try #require(layout.panels[0].legend?.rows.first)
        #expect(texts.texts.first?.point == row.label.point)
        // A figure without the key leaves the row's text empty; unkeyed labels stay in the overlay.
        let plain = figure(labels: ["fit"], key: nil)
        let plainLayout = plain.layout(measuringWith: RecordingCanvas(width: 320, height: 240))
        let drawn = RecordingCanvas(width: 320, height: 240)
        plain.render(on: drawn, layout: plainLayout, layers: [.background, .frame, .overlay])
        #expect(drawn.texts.contains { $0.text == "fit" })
        let none = RecordingCanvas(width: 320, height: 240)
        plain.render(on: none, layout: plainLayout, layers: .frameLegend)
        #expect(none.texts.isEmpty)
    }

    @Test func allLayersInTurnDrawWhatAllDrawsAtOnce() throws {
        let figure = figure(labels: ["Adam 1.5e-02"])
        let layout = figure.layout(measuringWith: RecordingCanvas(width: 320, height: 240))
        let whole = try ImageCanvas(width: 320, height: 240)
        figure.render(on: whole, layout: layout, layers: .all)
        let parts = try ImageCanvas(width: 320, height: 240)
        for layers: RenderLayers in [.background, .frame, .overlay, .frameLegend] { figure.render(on: parts, layout: layout, layers: layers) }
        #expect(whole.snapshot().maximumDifference(from: parts.snapshot()) == 0)
    }

    @Test func legendEntriesWithoutAMarkAddRowsAndDrawNothingInThePlot() throws {
        var figure = figure(labels: [])
        figure.axes.legendEntries([LegendEntry(label: "start", handle: .marker(.plus, fill: .black, edge: nil, size: 9))])
        let canvas = RecordingCanvas(width: 320, height: 240)
        let layout = figure.layout(measuringWith: canvas)
        #expect(layout.panels[0].legend?.rows.map(\.entry.label) == ["start"])
        figure.render(on: canvas, layout: layout, layers: .all)
        #expect(canvas.texts.map(\.text).contains("start"))
        let alone = RecordingCanvas(width: 320, height: 240)
        let mark = try #require(figure.axes.marks.last)
        mark.draw(in: MarkContext(canvas: alone, transform: layout.panels[0].transform, theme: .default, resolution: 1))
        #expect(alone.operations.isEmpty, "the mark itself draws nothing")
    }
}
