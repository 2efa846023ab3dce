import FrameplotModel
import FrameplotPlot
import FrameplotCanvas

/// The data panel shared by the classifier scenes (`logistic`, `mlp`): two features on fixed
/// limits and one scatter per class, split by class once rather than per frame.
///
/// The built-in sets get square, equal-aspect limits (both features in one unit); the user's
/// columns get their own padded ranges, since their units may differ.
struct ClassifierPanel: Sendable {
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>
    let points: ClassPoints
    private let classXs: [[Double]]
    private let classYs: [[Double]]

    init(points: ClassPoints) {
        self.points = points
        let data = points.dataset
        let x1 = data.column(0), x2 = data.column(1), labels = data.labels
        if points.isBuiltIn {
            (xRange, yRange) = PlotRanges.square(x1, x2)
        } else {
            (xRange, yRange) = (PlotRanges.padded(x1), PlotRanges.padded(x2))
        }
        var xs = [[Double]](repeating: [], count: points.classCount), ys = xs
        for (i, label) in labels.enumerated() where label >= 0 && label < points.classCount {
            xs[label].append(x1[i]); ys[label].append(x2[i])
        }
        classXs = xs; classYs = ys
    }

    /// The static panel: titles, limits, and a labelled scatter per class (static marks, which
    /// the plot layer stacks above every frame's regions and lines).
    func makeAxes(colors: [Color]) -> Axes {
        var axes = Axes()
        axes.x = AxisSpec(label: points.xTitle, limits: AxisLimits(lower: xRange.lowerBound, upper: xRange.upperBound), margin: 0)
        axes.y = AxisSpec(label: points.yTitle, limits: AxisLimits(lower: yRange.lowerBound, upper: yRange.upperBound), margin: 0)
        axes.aspect = points.isBuiltIn ? .equal : .auto
        axes.showsGrid = false
        // Never over a point: inside where a position is free, else beside the panel.
        axes.legendPlacement = .bestOrOutside
        axes.legendTitle = points.legendTitle
        // Many points get smaller markers, so the classes stay visible rather than a blot.
        let count = points.dataset.count
        let size = count > 2_000 ? 3.0 : count > 500 ? 4.5 : 6
        for k in classXs.indices {
            axes.scatter(xs: classXs[k], ys: classYs[k], size: size, color: colors[k % colors.count], edgeColor: .white,
                         label: points.classNames[k])
        }
        return axes
    }
}
