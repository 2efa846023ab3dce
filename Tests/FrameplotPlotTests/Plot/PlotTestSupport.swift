import FrameplotCanvas
@testable import FrameplotPlot

/// Helpers shared by the plot-layer tests.
enum PlotTestSupport {
    /// Every pair of text boxes that overlap by more than `slack` layout units each way.
    static func overlaps(_ texts: [PlacedText], slack: Double = 0.5) -> [(String, String)] {
        var out: [(String, String)] = []
        for i in texts.indices {
            for j in texts.indices where j > i {
                let a = texts[i].bounds.insetBy(dx: slack, dy: slack), b = texts[j].bounds.insetBy(dx: slack, dy: slack)
                if a.intersects(b) { out.append((texts[i].text, texts[j].text)) }
            }
        }
        return out
    }

    /// Texts whose box leaves `frame`.
    static func outside(_ texts: [PlacedText], frame: Rect) -> [String] {
        texts.filter { !frame.contains($0.bounds, tolerance: 0.01) }.map(\.text)
    }

    /// `color` composited over `background` (both opaque results), as 8-bit values.
    static func blended(_ color: Color, alpha: Double, over background: Color) -> RGBA8 {
        RGBA8(background.mixed(with: color.withAlpha(1), alpha).withAlpha(1))
    }

    /// Whether two pixels differ by at most `tolerance` per channel.
    static func close(_ a: RGBA8, _ b: RGBA8, tolerance: Int = 2) -> Bool {
        abs(Int(a.r) - Int(b.r)) <= tolerance && abs(Int(a.g) - Int(b.g)) <= tolerance
            && abs(Int(a.b) - Int(b.b)) <= tolerance && abs(Int(a.a) - Int(b.a)) <= tolerance
    }

    /// A busy figure: title, labels, legend, colorbar, several panels.
    static func busyFigure(width: Double, height: Double, rows: Int = 1, columns: Int = 2) -> Figure {
        var fig = Figure(width: width, height: height, rows: rows, columns: columns)
        fig.title = "Figure title with 日本語"
        for r in 0..<rows {
            for c in 0..<columns {
                var axes = Axes()
                axes.title = "Panel \(r), \(c): 身長と体重"
                axes.x.label = "身長 (cm)"
                axes.y.label = "体重 (kg)"
                axes.scatter(xs: [166, 176, 171, 173, 169], ys: [58.7, 75.7, 62.1, 70.4, 60.1], label: "data")
                axes.straightLine(slope: 1.82, intercept: -245.9, label: "$y = 1.82x - 245.9$")
                if c == 1 {
                    let grid = Grid2D(x: 160...180, y: 55...80, nx: 30, ny: 30) { x, y in (x - 170) * (x - 170) + (y - 65) * (y - 65) + 1 }
                    axes.heatmap(grid, norm: ColorNorm(kind: .log10, vmin: 1, vmax: 300), colorbarLabel: "loss")
                }
                fig[r, c] = axes
            }
        }
        return fig
    }
}
