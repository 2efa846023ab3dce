import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

extension Gallery {
    /// Ordinary least squares for y = slope·x + intercept (closed form).
    ///
    /// ```swift
    /// Gallery.leastSquaresLine(xs: [1, 3, 6, 8], ys: [3, 6, 5, 7])  // (0.431, 3.310)
    /// ```
    public static func leastSquaresLine(xs: [Double], ys: [Double]) -> (slope: Double, intercept: Double) {
        let n = Double(Swift.min(xs.count, ys.count))
        guard n > 0 else { return (0, 0) }
        let mx = xs.prefix(Int(n)).reduce(0, +) / n, my = ys.prefix(Int(n)).reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (x, y) in zip(xs, ys) { sxy += (x - mx) * (y - my); sxx += (x - mx) * (x - mx) }
        let slope = sxx > 0 ? sxy / sxx : 0
        return (slope, my - slope * mx)
    }

    /// A signed number for an equation: "+ 3.31" or "− 3.31" (true minus sign).
    static func signed(_ v: Double, decimals: Int) -> String {
        let s = String(format: "%.\(decimals)f", abs(v))
        return v < 0 ? "\u{2212} \(s)" : "+ \(s)"
    }

    /// (1) The 5 height/weight points with their least-squares line; Japanese title and labels.
    static func heightWeightScatter(_ base: Figure) -> Figure {
        var fig = base
        let data = Dataset.heightWeight
        let xs = data.column(0), ys = data.targets
        let fit = leastSquaresLine(xs: xs, ys: ys)
        fig.axes.title = "身長と体重"
        fig.axes.x.label = "身長 (cm)"
        fig.axes.y.label = "体重 (kg)"
        fig.axes.scatter(xs: xs, ys: ys, size: 9, label: "データ")
        fig.axes.straightLine(slope: fit.slope, intercept: fit.intercept, color: .accent,
                              label: "回帰直線 $y = \(String(format: "%.3f", fit.slope))x \(signed(fit.intercept, decimals: 1))$")
        return fig
    }

    /// (3) The 4 points labelled (x_i, y_i), the fitted line, residuals, and a legend with the equation.
    static func residuals(_ base: Figure) -> Figure {
        var fig = base
        let data = Dataset.fourPoints
        let xs = data.column(0), ys = data.targets
        let fit = leastSquaresLine(xs: xs, ys: ys)
        var axes = Axes()
        axes.x = AxisSpec(label: "$x$", limits: AxisLimits(lower: 0, upper: 10))
        axes.y = AxisSpec(label: "$y$", limits: AxisLimits(lower: 0, upper: 10))
        axes.aspect = .equal
        let palette = fig.theme.palette
        let colors = (0..<xs.count).map { palette.color($0) }
        axes.straightLine(slope: fit.slope, intercept: fit.intercept, color: .ink, width: 1.3,
                          label: "$y = \(String(format: "%.3f", fit.slope))x \(signed(fit.intercept, decimals: 2))$")
        let points = zip(xs, ys).map { DataPoint(x: $0, y: $1) }
        let fitted = xs.map { DataPoint(x: $0, y: fit.slope * $0 + fit.intercept) }
        axes.segments(from: points, to: fitted, colors: colors, width: 1.2, dash: [4, 3])
        axes.scatter(xs: xs, ys: ys, size: 8, coloring: .classes(Array(0..<xs.count)))
        for (i, p) in points.enumerated() {
            // Labels go on the side of the point away from the line, so they never cross it.
            let above = p.y >= fitted[i].y
            axes.text("$(x_\(i + 1), y_\(i + 1))$", at: p, anchor: above ? .bottomCenter : .topCenter,
                      offset: Point(x: 0, y: above ? -7 : 7))
            let mid = DataPoint(x: p.x, y: (p.y + fitted[i].y) / 2)
            axes.text("$ε_\(i + 1)$", at: mid, anchor: .centerRight, offset: Point(x: -4, y: 0))
        }
        axes.legendPlacement = .upperLeft
        fig.axes = axes
        return fig
    }
}
