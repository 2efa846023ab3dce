import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

extension Gallery {
    /// The mean squared error of y = a·x + b on the 4 points, sampled over a, b in [-1, 7].
    ///
    /// ```swift
    /// let grid = Gallery.lossSurfaceGrid(samples: 200)
    /// ```
    public static func lossSurfaceGrid(samples: Int = 240) -> Grid2D {
        let objective = ReferenceRuns.fourPointsObjective()
        return Grid2D(x: -1...7, y: -1...7, nx: samples, ny: samples) { a, b in objective.loss(at: [a, b]) }
    }

    /// (2) The loss surface as a log-scale viridis heatmap with a log colorbar, dashed red
    /// contour lines, and a red × at the exact minimiser.
    static func lossSurface(_ base: Figure, samples: Int = 240) -> Figure {
        var fig = base
        let grid = lossSurfaceGrid(samples: samples)
        let range = grid.finiteRange(positive: true) ?? (min: 0.1, max: 100)
        let norm = ColorNorm(kind: .log10, vmin: range.min, vmax: range.max)
        var axes = Axes()
        axes.x = AxisSpec(label: "$a$", limits: AxisLimits(lower: -1, upper: 7))
        axes.y = AxisSpec(label: "$b$", limits: AxisLimits(lower: -1, upper: 7))
        axes.aspect = .equal
        axes.showsGrid = false
        axes.heatmap(grid, colormap: .viridis, norm: norm, colorbarLabel: "$L(a, b)$ (MSE)")
        let levels = ContourLevels.auto(min: range.min, max: range.max, count: 8, log: true)
        // The contours repeat the heatmap: guides, deliberately faint.
        axes.contour(grid, levels: levels, coloring: .single(.deemphasized(Color(hex: 0xe41a1c))), width: 0.8, dashes: [[3, 2]])
        let best = ReferenceRuns.fourPointsMinimizer
        // A light red: the minimiser sits in the darkest valley of viridis.
        axes.scatter(xs: [best[0]], ys: [best[1]], marker: .cross, size: 11, color: Color(hex: 0xff4040),
                     label: "最小点 (0.431, 3.310)")
        axes.legendPlacement = .upperRight
        fig.axes = axes
        return fig
    }
}
