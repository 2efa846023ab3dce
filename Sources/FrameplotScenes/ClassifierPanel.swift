import FrameplotModel
import FrameplotPlot
import FrameplotCanvas

/// The data panel shared by the classifier scenes (`logistic`, `mlp`): two features on fixed,
/// square, equal-aspect limits and one scatter per class, split by class once rather than per frame.
struct ClassifierPanel: Sendable {
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>
    private let classXs: [[Double]]
    private let classYs: [[Double]]

    init(data: Dataset, classCount: Int) {
        let x1 = data.column(0), x2 = data.column(1), labels = data.labels
        (xRange, yRange) = PlotRanges.square(x1, x2)
        var xs = [[Double]](repeating: [], count: classCount), ys = xs
        for (i, label) in labels.enumerated() where label >= 0 && label < classCount {
            xs[label].append(x1[i]); ys[label].append(x2[i])
        }
        classXs = xs; classYs = ys
    }

    /// The static panel: labels, limits, and a labelled scatter per class for the legend.
    func makeAxes(colors: [Color]) -> Axes {
        var axes = Axes()
        axes.x = AxisSpec(label: "$x_1$", limits: AxisLimits(lower: xRange.lowerBound, upper: xRange.upperBound), margin: 0)
        axes.y = AxisSpec(label: "$x_2$", limits: AxisLimits(lower: yRange.lowerBound, upper: yRange.upperBound), margin: 0)
        axes.aspect = .equal
        axes.showsGrid = false
        axes.legendPlacement = .upperLeft
        addPoints(to: &axes, colors: colors, layer: .static, labelled: true)
        return axes
    }

    /// Adds the points, one scatter per class; on `.dynamic` they sit above a frame's moving background.
    func addPoints(to axes: inout Axes, colors: [Color], layer: MarkLayer, labelled: Bool = false) {
        for k in classXs.indices {
            axes.scatter(xs: classXs[k], ys: classYs[k], size: 6, color: colors[k % colors.count], edgeColor: .white,
                         label: labelled ? "class \(k)" : nil, layer: layer)
        }
    }
}

/// Data ranges with a margin, for panels whose limits must not move.
enum PlotRanges {
    /// Ranges of equal span around both data sets' centres, so an equal-aspect panel is square.
    static func square(_ xs: [Double], _ ys: [Double]) -> (ClosedRange<Double>, ClosedRange<Double>) {
        let x = padded(xs), y = padded(ys)
        let span = Swift.max(x.upperBound - x.lowerBound, y.upperBound - y.lowerBound) / 2
        let cx = (x.lowerBound + x.upperBound) / 2, cy = (y.lowerBound + y.upperBound) / 2
        return ((cx - span)...(cx + span), (cy - span)...(cy + span))
    }

    static func padded(_ values: [Double], fraction: Double = 0.08) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return -1...1 }
        let pad = Swift.max((hi - lo) * fraction, 0.5)
        return (lo - pad)...(hi + pad)
    }
}
