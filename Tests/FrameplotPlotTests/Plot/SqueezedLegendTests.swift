import Testing
import FrameplotCanvas
@testable import FrameplotPlot

/// A legend too wide for a small panel goes below its plot instead of squeezing it to nothing.
struct SqueezedLegendTests {
    /// A map with a colorbar beside a loss panel whose legend of six optimizers is wider than
    /// the panel's plot (the optimizers scene at 400x300 in the slides theme).
    private func race(width: Double, height: Double, theme: Theme, columns: Int = 2) -> Figure {
        var fig = Figure(width: width, height: height, columns: columns, theme: theme)
        let grid = Grid2D(x: -1...4, y: -2...2, nx: 30, ny: 30) { x, y in x * x + y * y + 0.01 }
        for i in 0..<(columns - 1) {
            fig.panels[i].title = "Beale"
            fig.panels[i].x.label = "$x$"; fig.panels[i].y.label = "$y$"
            fig.panels[i].heatmap(grid, norm: ColorNorm(kind: .log10, vmin: 0.01, vmax: 30), colorbarLabel: "$f(x, y)$")
        }
        var loss = Axes()
        loss.title = "loss"; loss.x.label = "step"; loss.y.label = "$f(x, y)$"
        for (k, name) in ["GD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam"].enumerated() {
            loss.line(xs: [0, 300], ys: [41.2, Double(k) + 1], label: "\(name)  4.12e+01")
        }
        fig.panels[columns - 1] = loss
        return fig
    }

    @Test(arguments: [(400.0, 300.0, "slides", 2), (320, 240, "slides", 2), (320, 240, "default", 2), (320, 240, "default", 3)])
    func aWideLegendNeverCollapsesItsPanel(width: Double, height: Double, theme: String, columns: Int) throws {
        let fig = race(width: width, height: height, theme: theme == "slides" ? .slides : .default, columns: columns)
        let layout = fig.layout(measuringWith: try ImageCanvas(width: width, height: height))
        let frame = Rect(x: 0, y: 0, width: width, height: height)
        for panel in layout.panels {
            #expect(panel.plotRect.width >= panel.cell.width * 0.25 && panel.plotRect.height >= panel.cell.height * 0.25,
                    "plot \(panel.plotRect) in cell \(panel.cell)")
        }
        let legend = try #require(layout.panels[columns - 1].legend)
        #expect(frame.contains(legend.box, tolerance: 0.01), "legend \(legend.box)")
        #expect(PlotTestSupport.overlaps(layout.texts).isEmpty, "\(PlotTestSupport.overlaps(layout.texts))")
        #expect(PlotTestSupport.outside(layout.texts, frame: frame).isEmpty)
        // Shrunk, but never below the readable minimum or the figure's own smallest text.
        let ticks = try #require(layout.panels[columns - 1].xTicks.compactMap(\.label).first).style.size
        #expect(legend.texts.allSatisfy { $0.style.size >= Swift.min(LegendBuilder.readableTextSize, ticks) - 1e-9 })
    }

    @Test func aLegendBelowThePlotFillsColumnsInReadingOrder() throws {
        var fig = Figure(width: 640, height: 400)
        for name in ["a", "b", "c", "d", "e"] { fig.axes.line(xs: [0, 1], ys: [0, 1], label: name) }
        fig.axes.x.label = "x"
        fig.axes.legendPlacement = .outsideBottom
        let layout = fig.layout(measuringWith: try ImageCanvas(width: 640, height: 400))
        let panel = layout.panels[0]
        let legend = try #require(panel.legend)
        #expect(legend.placement == .outsideBottom)
        // Five short entries side by side on one line, left to right, below the x label.
        let labels = legend.rows.map(\.label)
        #expect(Set(labels.map { ($0.point.y * 100).rounded() }).count == 1)
        #expect(zip(labels, labels.dropFirst()).allSatisfy { $0.bounds.maxX < $1.bounds.minX })
        #expect(legend.box.minY > panel.plotRect.maxY)
        #expect(PlotTestSupport.overlaps(layout.texts).isEmpty)
    }

    @Test func aFigureThatFitsKeepsItsLegendWhereItWas() throws {
        // At a size with room, the same legend stays in the loss panel, untouched by the rescue.
        let fig = race(width: 1280, height: 720, theme: .slides)
        let layout = fig.layout(measuringWith: try ImageCanvas(width: 1280, height: 720))
        #expect(layout.panels[1].legend.map { !$0.placement.isOutside } == true)
        #expect(!layout.movedLegendsBelow)
    }
}
