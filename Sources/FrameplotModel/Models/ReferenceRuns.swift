/// The published training runs of the source documents, ready to record or animate.
///
/// ```swift
/// let slides = try ReferenceRuns.heightWeightHistory()   // 201 states, seed 002
/// let video = try ReferenceRuns.fourPointsHistory()      // 101 states, seed 000
/// let sgd = try ReferenceRuns.fourPointsHistory(stochasticSeed: 1)
/// ```
public enum ReferenceRuns {
    // MARK: Seed 002: height/weight by gradient descent

    /// Start of the height/weight run: w = [2, -1] (w0 = bias, w1 = slope).
    public static let heightWeightInitialParameters: [Double] = [2, -1]

    /// Height/weight regression as in the talk: both columns centred on their mean,
    /// a bias column of ones first, loss mean(yd²)/2; parameters `w0` (bias), `w1` (slope).
    ///
    /// ```swift
    /// let o = ReferenceRuns.heightWeightObjective()
    /// o.loss(at: [2, -1])   // 50.416
    /// ```
    public static func heightWeightObjective() -> LinearRegressionObjective {
        let data = Dataset.heightWeight
        let x = data.column(0), y = data.targets
        let xMean = x.reduce(0, +) / Double(x.count), yMean = y.reduce(0, +) / Double(y.count)
        var design = Matrix(rows: x.count, cols: 2, repeating: 1)
        for r in 0..<x.count { design[r, 1] = x[r] - xMean }
        return LinearRegressionObjective(unchecked: design, targets: y.map { $0 - yMean }, parameterNames: ["w0", "w1"],
                                         lossScale: .halfMeanSquaredError, ridge: 0, unpenalized: [])
    }

    /// 200 full-batch steps at learning rate 0.01, every state recorded.
    ///
    /// ```swift
    /// let c = ReferenceRuns.heightWeightConfiguration()
    /// ```
    public static func heightWeightConfiguration() -> TrainingConfiguration {
        TrainingConfiguration(steps: 200, recordEvery: 1, learningRate: .constant(0.01))
    }

    /// The recorded height/weight run (201 states: row k's loss is the talk's
    /// "iter = k" L, row k+1's parameters are its w0, w1).
    ///
    /// ```swift
    /// let h = try ReferenceRuns.heightWeightHistory()
    /// ```
    public static func heightWeightHistory() throws -> TrainingHistory {
        try Trainer(configuration: heightWeightConfiguration()).record(heightWeightObjective(), from: heightWeightInitialParameters)
    }

    // MARK: Seed 000: the four points, a line y = a·x + b

    /// Start of the four-points run: (a, b) = (0, 0).
    public static let fourPointsInitialParameters: [Double] = [0, 0]

    /// The exact least-squares minimiser (a*, b*) = (12.5/29, 5.25 − 4.5·a*).
    public static let fourPointsMinimizer: [Double] = [12.5 / 29, 5.25 - 4.5 * (12.5 / 29)]

    /// Mean squared error of y = a·x + b on D = {(1,3), (3,6), (6,5), (8,7)}; parameters `a`, `b`.
    ///
    /// ```swift
    /// ReferenceRuns.fourPointsObjective().loss(at: [0, 0])   // 29.75
    /// ```
    public static func fourPointsObjective() -> LinearRegressionObjective {
        LinearRegressionObjective.line(dataset: .fourPoints)
    }

    /// 20,000 steps at η = 0.03/√(t+1), recorded every 200 steps (101 states); full batch,
    /// or one-sample SGD in a seeded order when `stochasticSeed` is given.
    ///
    /// ```swift
    /// let c = ReferenceRuns.fourPointsConfiguration(stochasticSeed: 7)
    /// ```
    public static func fourPointsConfiguration(stochasticSeed: UInt64? = nil) -> TrainingConfiguration {
        TrainingConfiguration(steps: 20_000, recordEvery: 200, learningRate: .inverseSquareRoot(0.03),
                              batching: stochasticSeed == nil ? .fullBatch : .stochastic,
                              seed: stochasticSeed ?? 0)
    }

    /// The recorded four-points run (101 states).
    ///
    /// ```swift
    /// let h = try ReferenceRuns.fourPointsHistory()
    /// ```
    public static func fourPointsHistory(stochasticSeed: UInt64? = nil) throws -> TrainingHistory {
        try Trainer(configuration: fourPointsConfiguration(stochasticSeed: stochasticSeed))
            .record(fourPointsObjective(), from: fourPointsInitialParameters)
    }
}
