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

    /// A softmax regression trained on the three-class data by full-batch gradient descent
    /// (1,000 steps, learning rate 0.5), as class-probability function; `nil` if training fails.
    static func trainedSoftmax(points: [(Double, Double)], labels: [Int]) -> (@Sendable (Double, Double) -> [Double])? {
        guard let data = try? Dataset(features: points.map { [$0.0, $0.1] }, targets: labels.map(Double.init),
                                      featureNames: ["x1", "x2"], classNames: ["1", "2", "3"]),
              let objective = try? SoftmaxRegressionObjective(dataset: data),
              let history = try? Trainer(configuration: TrainingConfiguration(steps: 1000, recordEvery: 1000,
                                                                              learningRate: .constant(0.5)))
                .record(objective, from: objective.initialParameters()),
              let theta = history.steps.last.map({ Array($0.parameters) }), theta.allSatisfy(\.isFinite)
        else { return nil }
        return { x, y in objective.probabilities(parameters: theta, point: [x, y]) }
    }

    /// (4) Decision regions of a softmax regression trained on three-class data (the
    /// nearest-centroid classifier if training fails), with the points.
    static func decisionRegions(_ base: Figure) -> Figure {
        var fig = base
        let (points, labels) = threeClassData()
        let centroids = NearestCentroidClassifier(points: points, labels: labels, classCount: 3)
        let softmax = trainedSoftmax(points: points, labels: labels)
        let probabilities: @Sendable (Double, Double) -> [Double] = softmax ?? { x, y in centroids.probabilities(x, y) }
        var axes = Axes()
        axes.x = AxisSpec(label: "$x_1$", limits: AxisLimits(lower: -4, upper: 4))
        axes.y = AxisSpec(label: "$x_2$", limits: AxisLimits(lower: -3.5, upper: 4.5))
        axes.aspect = .equal
        axes.showsGrid = false
        axes.decisionRegions(.probabilities(probabilities), classes: 3, alpha: 0.22, boundaryColor: .ink)
        let markers: [MarkerShape] = [.circle, .square, .triangle]
        let names = ["クラス 1", "クラス 2", "クラス 3"]
        for k in 0..<3 {
            let mine = zip(points, labels).filter { $0.1 == k }.map(\.0)
            axes.scatter(xs: mine.map(\.0), ys: mine.map(\.1), marker: markers[k], size: 8,
                         color: .cycle(k), edgeColor: .white, label: names[k])
        }
        axes.title = softmax == nil ? "最近傍重心法による 3 クラス分類" : "ソフトマックス回帰による 3 クラス分類"
        fig.axes = axes
        return fig
    }
}
