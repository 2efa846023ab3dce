import FrameplotCanvas
import FrameplotModel
import FrameplotPlot

extension Gallery {
    /// Three Gaussian blobs of 2-D points (seeded), 30 per class.
    ///
    /// ```swift
    /// let (points, labels) = Gallery.threeClassData()
    /// ```
    public static func threeClassData(seed: UInt64 = 3, perClass: Int = 30) -> (points: [(Double, Double)], labels: [Int]) {
        var rng = SeededGenerator(seed: seed)
        let centres: [(Double, Double)] = [(-1.6, -0.9), (1.7, -0.6), (0.1, 1.9)]
        var points: [(Double, Double)] = [], labels: [Int] = []
        for (k, c) in centres.enumerated() {
            for _ in 0..<perClass {
                points.append((c.0 + 0.75 * rng.nextNormal(), c.1 + 0.75 * rng.nextNormal()))
                labels.append(k)
            }
        }
        return (points, labels)
    }

    /// (4) Decision regions of a classifier fitted to three-class data, with the points.
    static func decisionRegions(_ base: Figure) -> Figure {
        var fig = base
        let (points, labels) = threeClassData()
        let model = NearestCentroidClassifier(points: points, labels: labels, classCount: 3)
        var axes = Axes()
        axes.x = AxisSpec(label: "$x_1$", limits: AxisLimits(lower: -4, upper: 4))
        axes.y = AxisSpec(label: "$x_2$", limits: AxisLimits(lower: -3.5, upper: 4.5))
        axes.aspect = .equal
        axes.showsGrid = false
        axes.decisionRegions(.probabilities { x, y in model.probabilities(x, y) }, classes: 3, alpha: 0.22,
                             boundaryColor: Color(hex: 0x444444))
        let markers: [MarkerShape] = [.circle, .square, .triangle]
        let names = ["クラス 1", "クラス 2", "クラス 3"]
        for k in 0..<3 {
            let mine = zip(points, labels).filter { $0.1 == k }.map(\.0)
            axes.scatter(xs: mine.map(\.0), ys: mine.map(\.1), marker: markers[k], size: 8,
                         color: fig.theme.palette.color(k), edgeColor: .white, label: names[k])
        }
        axes.title = "最近傍重心法による 3 クラス分類"
        fig.axes = axes
        return fig
    }
}
